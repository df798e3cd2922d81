package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.InvalidLeadException;

/**
 * Turns a raw input value into a record of the app's schema, in the format its topic holds ({@code
 * leadstream.input.format}). Not thread-safe: one per processor.
 *
 * @param <T> the generated class the value is read as
 */
public interface RecordDecoder<T> {

  /**
   * @param value the record's value bytes
   * @param origin where the record came from, and its timestamp
   * @throws InvalidLeadException with the reason and a detail that never quotes lead text
   */
  T decode(byte[] value, RecordOrigin origin);
}
