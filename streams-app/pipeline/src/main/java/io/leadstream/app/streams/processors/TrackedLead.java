package io.leadstream.app.streams.processors;

import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.SingleObjectSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the track step emits: the {@link PrioritizedLead} and its Avro single-object encoding,
 * written once for the track store, so that the sinks need not encode the lead again.
 *
 * @param singleObject {@code lead} in single-object encoding; not to be modified
 */
public record TrackedLead(PrioritizedLead lead, byte[] singleObject) {

  /**
   * The sinks' serde: the carried bytes when {@code output} writes single-object encoding too, else
   * {@code output}'s encoding of the lead (the registry wire format). It only writes: nothing reads
   * this type.
   *
   * @param output the output topic's serde of PrioritizedLead
   */
  public static Serde<TrackedLead> sinkSerde(Serde<PrioritizedLead> output) {
    Serializer<PrioritizedLead> encoder = output.serializer();
    Serializer<TrackedLead> serializer =
        output instanceof SingleObjectSerde
            ? (topic, tracked) -> tracked == null ? null : tracked.singleObject()
            : (topic, tracked) -> tracked == null ? null : encoder.serialize(topic, tracked.lead());
    Deserializer<TrackedLead> none =
        (topic, bytes) -> {
          throw new UnsupportedOperationException(
              "TrackedLead is only written; read the topic as PrioritizedLead");
        };
    return new Serde<>() {
      @Override
      public Serializer<TrackedLead> serializer() {
        return serializer;
      }

      @Override
      public Deserializer<TrackedLead> deserializer() {
        return none;
      }
    };
  }
}
