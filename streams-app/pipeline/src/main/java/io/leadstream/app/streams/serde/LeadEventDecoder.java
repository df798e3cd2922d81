package io.leadstream.app.streams.serde;

import io.leadstream.schema.LeadEvent;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/** Reads {@code leads.raw} values in Avro single-object encoding as {@link LeadEvent}s. */
public final class LeadEventDecoder extends SingleObjectDecoder<LeadEvent> implements LeadDecoder {

  public LeadEventDecoder() {
    this(List.of());
  }

  /**
   * @param writerSchemas further LeadEvent writer schemas ({@link WriterSchemas}), read by schema
   *     resolution
   */
  public LeadEventDecoder(List<Schema> writerSchemas) {
    this(writerSchemas, Optional.empty());
  }

  /**
   * @param laterSchemas a registry subject's versions registered after the start
   */
  public LeadEventDecoder(List<Schema> writerSchemas, Optional<SchemaStore> laterSchemas) {
    super(
        LeadEvent.getClassSchema(),
        writerSchemas,
        laterSchemas,
        "leadstream.input.schemas or the registry");
  }
}
