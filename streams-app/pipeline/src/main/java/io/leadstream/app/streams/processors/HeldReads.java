package io.leadstream.app.streams.processors;

import io.leadstream.schema.LeadEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * The read-text step's records held back for a batch, each with the record context Kafka Streams
 * gave it (source topic, partition, offset, headers, raw bytes). When they are forwarded later
 * (from a linger tick, a commit or another record), each one's own context is put back, so
 * downstream steps, the sinks and the dead-letter handler see the record they would have seen
 * without batching. Setting the context and the current node goes through Kafka Streams' internal
 * {@link InternalProcessorContext}, as its own record caches do when they forward on flush.
 */
final class HeldReads {

  /** A held record and its context. */
  record Held(Record<String, LeadEvent> record, ProcessorRecordContext context) {}

  private List<Held> held = new ArrayList<>();
  private ProcessorNode<?, ?, ?, ?> node;
  private long oldestHeldAtMs;

  /** Holds the record being processed. */
  void hold(ProcessorContext<?, ?> context, Record<String, LeadEvent> record) {
    InternalProcessorContext<?, ?> internal = (InternalProcessorContext<?, ?>) context;
    if (node == null) {
      node = internal.currentNode();
    }
    if (held.isEmpty()) {
      oldestHeldAtMs = context.currentSystemTimeMs();
    }
    held.add(new Held(record, internal.recordContext()));
  }

  /** How long the oldest held record has waited, by the wall clock at {@code nowMs}; 0 if none. */
  long waitedMs(long nowMs) {
    return held.isEmpty() ? 0 : nowMs - oldestHeldAtMs;
  }

  int size() {
    return held.size();
  }

  boolean isEmpty() {
    return held.isEmpty();
  }

  /** The held records, in arrival order; none is held after. */
  List<Held> takeAll() {
    List<Held> taken = held;
    held = new ArrayList<>();
    return taken;
  }

  /**
   * Runs {@code forward} for each record of the batch, with its index, as the holding step and in
   * the record's own context; the context of the caller is put back after.
   */
  void forwardEach(ProcessorContext<?, ?> context, List<Held> batch, ObjIntConsumer<Held> forward) {
    InternalProcessorContext<?, ?> internal = (InternalProcessorContext<?, ?>) context;
    ProcessorNode<?, ?, ?, ?> caller = internal.currentNode();
    ProcessorRecordContext callerRecord = internal.recordContext();
    internal.setCurrentNode(node);
    try {
      for (int i = 0; i < batch.size(); i++) {
        internal.setRecordContext(batch.get(i).context());
        forward.accept(batch.get(i), i);
      }
    } finally {
      internal.setRecordContext(callerRecord);
      internal.setCurrentNode(caller);
    }
  }
}
