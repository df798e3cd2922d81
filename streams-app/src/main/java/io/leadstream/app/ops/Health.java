package io.leadstream.app.ops;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness of one instance. Live unless Kafka Streams has failed for good (ERROR or
 * on its way there): then the process should be restarted. Ready when Streams is RUNNING and the
 * models are loaded: then it processes records.
 */
public final class Health {

  /** One answer: up or not, and why. */
  public record Status(boolean up, String streamsState, boolean modelLoaded) {
    String toJson() {
      return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"streams\":\"" + streamsState
          + "\",\"modelLoaded\":" + modelLoaded + "}";
    }
  }

  private final Supplier<KafkaStreams.State> state;
  private final BooleanSupplier modelLoaded;

  public Health(Supplier<KafkaStreams.State> state, BooleanSupplier modelLoaded) {
    this.state = state;
    this.modelLoaded = modelLoaded;
  }

  public Status live() {
    KafkaStreams.State now = state.get();
    boolean failed = now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR;
    return new Status(!failed, now.name(), modelLoaded.getAsBoolean());
  }

  public Status ready() {
    KafkaStreams.State now = state.get();
    boolean loaded = modelLoaded.getAsBoolean();
    return new Status(now == KafkaStreams.State.RUNNING && loaded, now.name(), loaded);
  }
}
