package io.leadstream.app.streams.serde;

import io.leadstream.models.mapping.JsonOutcomeConverter;
import io.leadstream.schema.LeadOutcome;
import java.time.Instant;

/**
 * Decodes a CRM's own JSON outcome event ({@code leadstream.input.format=json} with {@code
 * leadstream.input.outcomes.mapping}) through its outcome mapping.
 */
public final class JsonOutcomeDecoder extends JsonDecoder<LeadOutcome> {

  private final JsonOutcomeConverter converter;

  public JsonOutcomeDecoder(JsonOutcomeConverter converter) {
    this.converter = converter;
  }

  @Override
  protected LeadOutcome convert(byte[] json, String fallbackId, Instant fallbackTime) {
    return converter.convert(json, fallbackId, fallbackTime);
  }
}
