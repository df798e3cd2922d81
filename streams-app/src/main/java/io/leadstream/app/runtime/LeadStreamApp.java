package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.streams.ActiveModel;
import io.leadstream.app.streams.LeadStreamTopology;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running LeadStream instance: loads the model bundle, builds the topology and runs it on
 * Kafka Streams. Scale out by starting more instances with the same application.id.
 */
public final class LeadStreamApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeadStreamApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final ActiveModel model;
  private final KafkaStreams streams;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private LeadStreamApp(ActiveModel model, KafkaStreams streams) {
    this.model = model;
    this.streams = streams;
  }

  /** Loads the configured bundle and starts Streams; returns once Streams is starting. */
  public static LeadStreamApp start(LeadStreamConfig config) {
    ModelBundle bundle = ModelBundle.load(config.modelBundle(), new InferenceOptions(config.encoderIntraOpThreads()));
    log.info("Loaded model bundle {} from {}", bundle.version(), config.modelBundle());
    ActiveModel model = new ActiveModel(bundle);
    Topology topology = LeadStreamTopology.build(config, model);
    log.info("Topology:\n{}", topology.describe());
    Properties props = new Properties();
    props.putAll(config.streamsProperties());
    KafkaStreams streams = new KafkaStreams(topology, props);
    LeadStreamApp app = new LeadStreamApp(model, streams);
    streams.setUncaughtExceptionHandler(exception -> {
      log.error("Stream thread failed; replacing it. Root cause: {}", rootCause(exception).toString(), exception);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> {
      log.info("Kafka Streams state {} -> {}", before, now);
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        app.stopped.countDown();
      }
    });
    streams.start();
    return app;
  }

  /** Waits until Streams is RUNNING. */
  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Kafka Streams not RUNNING after " + timeout + " (state " + streams.state() + ")");
      }
      if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
        throw new IllegalStateException("Kafka Streams stopped while starting: " + streams.state());
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Blocks until Streams stops (or the thread is interrupted). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  public KafkaStreams streams() {
    return streams;
  }

  public String modelVersion() {
    return model.current().version();
  }

  /** The bundle now serving. */
  public ActiveModel model() {
    return model;
  }

  /** Leaves the consumer group at once (no 45 s session time-out for the next start) and frees the models. */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
    model.close();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
