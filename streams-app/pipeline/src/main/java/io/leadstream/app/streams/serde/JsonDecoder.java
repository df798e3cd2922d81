package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.models.mapping.JsonEventException;
import java.time.Instant;

/**
 * Decodes a CRM's own JSON event through a mapping ({@code leadstream.input.format=json}): what the
 * decoders of leads and outcomes do alike. Without an id in the event, its id is its record's
 * position, {@code <topic>-<partition>@<offset>}, so processing the record again gives it the same
 * id; without a time, it occurred at the record's timestamp.
 *
 * @param <T> the generated class the event is read as
 */
public abstract class JsonDecoder<T> implements RecordDecoder<T> {

  /**
   * @throws InvalidLeadException EMPTY_RECORD, BAD_UTF8, NOT_JSON, MISSING_LEAD_ID or INVALID_FIELD
   */
  @Override
  public final T decode(byte[] value, RecordOrigin origin) {
    if (value == null || value.length == 0) {
      throw new InvalidLeadException(DeadLetterReason.EMPTY_RECORD, "record has no value");
    }
    if (value.length >= 2 && value[0] == (byte) 0xC3 && value[1] == 0x01) {
      throw new InvalidLeadException(
          DeadLetterReason.NOT_JSON,
          "value starts with C3 01, the Avro single-object marker; this pipeline reads JSON"
              + " (leadstream.input.format=json)");
    }
    try {
      return convert(
          value, origin.position(), Instant.ofEpochMilli(Math.max(0L, origin.timestamp())));
    } catch (JsonEventException e) {
      throw new InvalidLeadException(reason(e.kind()), e.getMessage(), e);
    }
  }

  /**
   * The event its mapping reads.
   *
   * @param fallbackId the id when the event has none: the record's position
   * @param fallbackTime the time when the event has none: the record's timestamp
   * @throws JsonEventException saying what is wrong, with its kind
   */
  protected abstract T convert(byte[] json, String fallbackId, Instant fallbackTime);

  private static DeadLetterReason reason(JsonEventException.Kind kind) {
    return switch (kind) {
      case BAD_UTF8 -> DeadLetterReason.BAD_UTF8;
      case NOT_JSON -> DeadLetterReason.NOT_JSON;
      case MISSING_ID -> DeadLetterReason.MISSING_LEAD_ID;
      case INVALID_FIELD -> DeadLetterReason.INVALID_FIELD;
    };
  }
}
