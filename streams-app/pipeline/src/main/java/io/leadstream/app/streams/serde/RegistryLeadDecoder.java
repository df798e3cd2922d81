package io.leadstream.app.streams.serde;

import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.registry.SchemaRegistryClient;

/** Reads {@code leads.raw} values in the schema registry wire format as {@link LeadEvent}s. */
public final class RegistryLeadDecoder extends RegistryDecoder<LeadEvent> implements LeadDecoder {

  public RegistryLeadDecoder(SchemaRegistryClient registry) {
    super(registry, LeadEvent.getClassSchema());
  }
}
