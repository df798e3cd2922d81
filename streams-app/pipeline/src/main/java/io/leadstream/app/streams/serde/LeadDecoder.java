package io.leadstream.app.streams.serde;

import io.leadstream.schema.LeadEvent;

/**
 * Turns a raw {@code leads.raw} value into a {@link LeadEvent}, in the format the input topic holds
 * ({@code leadstream.input.format}): {@link LeadEventDecoder} for Avro single-object encoding,
 * {@link RegistryLeadDecoder} for the schema registry wire format, {@link JsonLeadDecoder} for a
 * CRM's JSON events read through a mapping. What comes after decoding (the record's size, its key,
 * {@code LeadValidator}) is the same for every format. Not thread-safe: one per processor.
 */
public interface LeadDecoder extends RecordDecoder<LeadEvent> {}
