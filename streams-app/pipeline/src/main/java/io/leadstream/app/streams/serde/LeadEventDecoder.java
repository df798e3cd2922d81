package io.leadstream.app.streams.serde;

import io.leadstream.schema.LeadEvent;
import java.util.List;
import org.apache.avro.Schema;

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
    super(LeadEvent.getClassSchema(), writerSchemas, "leadstream.input.schemas or the registry");
  }
}
