package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.JsonEventException;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;

/**
 * Decodes a CRM's own JSON event ({@code leadstream.input.format=json}) through the mapping named
 * by {@code leadstream.input.mapping}, the one {@code train} reads exports with ({@link
 * JsonEventConverter}). The event's id is its record's position, {@code
 * <topic>-<partition>@<offset>} (the mapping language has no event-id path), so processing the
 * record again gives it the same id; {@code occurredAt} is the mapping's time path, else the
 * record's timestamp.
 */
public final class JsonLeadDecoder implements LeadDecoder {

  private final JsonEventConverter converter;

  public JsonLeadDecoder(JsonEventConverter converter) {
    this.converter = converter;
  }

  /**
   * @throws InvalidLeadException EMPTY_RECORD, BAD_UTF8, NOT_JSON, MISSING_LEAD_ID or INVALID_FIELD
   */
  @Override
  public LeadEvent decode(byte[] value, RecordOrigin origin) {
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
      return converter.convert(
          value, origin.position(), Instant.ofEpochMilli(Math.max(0L, origin.timestamp())));
    } catch (JsonEventException e) {
      throw new InvalidLeadException(reason(e.kind()), e.getMessage(), e);
    }
  }

  private static DeadLetterReason reason(JsonEventException.Kind kind) {
    return switch (kind) {
      case BAD_UTF8 -> DeadLetterReason.BAD_UTF8;
      case NOT_JSON -> DeadLetterReason.NOT_JSON;
      case MISSING_ID -> DeadLetterReason.MISSING_LEAD_ID;
      case INVALID_FIELD -> DeadLetterReason.INVALID_FIELD;
    };
  }
}
