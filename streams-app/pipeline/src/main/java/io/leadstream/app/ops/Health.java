package io.leadstream.app.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The three health answers of one instance. Live: Kafka Streams has not failed for good (restart
 * the process otherwise). Ready: Streams is RUNNING, the serving bundle scores the canary leads,
 * the cluster answers, and no stream thread failed in the last {@link #RECENT_FAILURE}: then the
 * instance processes records. Progress: no input partition of this instance has lag without a
 * commit for the configured time, and Streams has not been out of RUNNING that long.
 */
public final class Health {

  /** How long readiness stays red after a stream thread failed. */
  public static final Duration RECENT_FAILURE = Duration.ofSeconds(30);

  /** One answer: up or not, the state of Streams, and each check that went into it. */
  public record Status(boolean up, String streamsState, Map<String, Check> checks) {
    public String toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("status", up ? "UP" : "DOWN");
      json.put("streams", streamsState);
      ObjectNode details = json.putObject("checks");
      checks.forEach(
          (name, check) ->
              details
                  .putObject(name)
                  .put("status", check.up() ? "UP" : "DOWN")
                  .put("detail", check.detail()));
      return json.toString();
    }
  }

  private final Supplier<KafkaStreams.State> state;
  private final Supplier<Check> model;
  private final Supplier<Check> broker;
  private final Supplier<Check> progress;
  private final Supplier<Optional<Instant>> lastThreadFailure;
  private final Clock clock;

  public Health(
      Supplier<KafkaStreams.State> state,
      Supplier<Check> model,
      Supplier<Check> broker,
      Supplier<Check> progress,
      Supplier<Optional<Instant>> lastThreadFailure,
      Clock clock) {
    this.state = state;
    this.model = model;
    this.broker = broker;
    this.progress = progress;
    this.lastThreadFailure = lastThreadFailure;
    this.clock = clock;
  }

  public Status live() {
    KafkaStreams.State now = state.get();
    boolean failed = now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR;
    return new Status(!failed, now.name(), Map.of());
  }

  public Status ready() {
    KafkaStreams.State now = state.get();
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put("model", model.get());
    checks.put("broker", broker.get());
    checks.put("threads", threads());
    boolean up = now == KafkaStreams.State.RUNNING && checks.values().stream().allMatch(Check::up);
    return new Status(up, now.name(), checks);
  }

  public Status progress() {
    Check check = progress.get();
    return new Status(check.up(), state.get().name(), Map.of("progress", check));
  }

  private Check threads() {
    Optional<Instant> failed = lastThreadFailure.get();
    if (failed.isPresent()
        && Duration.between(failed.get(), clock.instant()).compareTo(RECENT_FAILURE) < 0) {
      return Check.down(
          "a stream thread failed at " + failed.get() + "; see the log for its root cause");
    }
    return Check.up("no stream thread failed in the last " + RECENT_FAILURE.toSeconds() + " s");
  }
}
