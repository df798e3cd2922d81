package io.leadstream.app.streams.serde;

import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;

/**
 * Decodes a CRM's own JSON event ({@code leadstream.input.format=json}) through the mapping named
 * by {@code leadstream.input.mapping}, the one {@code train} reads exports with ({@link
 * JsonEventConverter}). The mapping language has no event-id path: the event's id is its record's
 * position; {@code occurredAt} is the mapping's time path, else the record's timestamp.
 */
public final class JsonLeadDecoder extends JsonDecoder<LeadEvent> implements LeadDecoder {

  private final JsonEventConverter converter;

  public JsonLeadDecoder(JsonEventConverter converter) {
    this.converter = converter;
  }

  @Override
  protected LeadEvent convert(byte[] json, String fallbackId, Instant fallbackTime) {
    return converter.convert(json, fallbackId, fallbackTime);
  }
}
