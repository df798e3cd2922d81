package io.leadstream.app.streams.processors;

import io.leadstream.app.streams.errors.InvalidLeadException;

/**
 * Checks a decoded input record for values no CRM should send. Stateless and thread-safe.
 *
 * @param <T> the record's generated class
 */
public interface RecordValidator<T> {

  /**
   * @param key the Kafka record key, which must equal the record's leadId
   * @throws InvalidLeadException on the first problem found, naming fields and numbers, never text
   *     or contact data
   */
  void validate(String key, T record);
}
