package io.leadstream.app.streams.serde;

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
    JsonInput.checkValue(value);
    try {
      return converter.convert(
          value, origin.position(), Instant.ofEpochMilli(Math.max(0L, origin.timestamp())));
    } catch (JsonEventException e) {
      throw JsonInput.invalid(e);
    }
  }
}
