package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.models.mapping.JsonEventException;
import io.leadstream.models.mapping.JsonOutcomeConverter;
import io.leadstream.schema.LeadOutcome;
import java.time.Instant;

/**
 * Decodes a CRM's own JSON outcome event ({@code leadstream.input.format=json} with {@code
 * leadstream.input.outcomes.mapping}) through its outcome mapping. Without an id path the outcome's
 * event id is its record's position and without a time path {@code occurredAt} is the record's
 * timestamp, as for leads ({@link JsonLeadDecoder}).
 */
public final class JsonOutcomeDecoder implements RecordDecoder<LeadOutcome> {

  private final JsonOutcomeConverter converter;

  public JsonOutcomeDecoder(JsonOutcomeConverter converter) {
    this.converter = converter;
  }

  /**
   * @throws InvalidLeadException EMPTY_RECORD, BAD_UTF8, NOT_JSON, MISSING_LEAD_ID or INVALID_FIELD
   */
  @Override
  public LeadOutcome decode(byte[] value, RecordOrigin origin) {
    JsonInput.checkValue(value);
    try {
      return converter.convert(
          value, origin.position(), Instant.ofEpochMilli(Math.max(0L, origin.timestamp())));
    } catch (JsonEventException e) {
      throw JsonInput.invalid(e);
    }
  }
}
