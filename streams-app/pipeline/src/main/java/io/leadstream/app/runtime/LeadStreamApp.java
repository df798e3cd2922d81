package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.LiveEvaluator;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.model.ScorerCheck;
import io.leadstream.app.ops.AppMetrics;
import io.leadstream.app.ops.ClusterProbe;
import io.leadstream.app.ops.EvaluationRoute;
import io.leadstream.app.ops.Health;
import io.leadstream.app.ops.HealthProbes;
import io.leadstream.app.ops.OpsServer;
import io.leadstream.app.ops.ProgressCheck;
import io.leadstream.app.ops.ScorerProbe;
import io.leadstream.app.query.LeadQueries;
import io.leadstream.app.query.LeadQueryHandler;
import io.leadstream.app.query.LeadQueryLanes;
import io.leadstream.app.streams.LeadStreamTopology;
import io.leadstream.app.streams.errors.Causes;
import io.leadstream.app.streams.errors.DeadLetterHandler;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running LeadStream instance: loads the model bundle, builds the topology and runs it on Kafka
 * Streams, with metrics and health served over HTTP. Scale out by starting more instances with the
 * same application.id.
 */
public final class LeadStreamApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeadStreamApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final StateRestoreListener NO_RESTORE_LISTENER =
      new StateRestoreListener() {
        @Override
        public void onRestoreStart(
            TopicPartition partition, String store, long startOffset, long endOffset) {}

        @Override
        public void onBatchRestored(
            TopicPartition partition, String store, long batchEndOffset, long restored) {}

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {}
      };

  private final ActiveModel model;
  private final KafkaStreams streams;
  private final AppMetrics metrics;
  private final ThreadFailurePolicy failures;
  private final HealthProbes probes;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private OpsServer opsServer;
  private BundleReloader reloader;
  private LiveEvaluator evaluator;

  private LeadStreamApp(
      ActiveModel model,
      KafkaStreams streams,
      AppMetrics metrics,
      ThreadFailurePolicy failures,
      HealthProbes probes) {
    this.model = model;
    this.streams = streams;
    this.metrics = metrics;
    this.failures = failures;
    this.probes = probes;
  }

  /**
   * Loads the bundle and scores the canary leads with it: a bundle that cannot score them must not
   * serve, or every record would fail in it.
   *
   * @throws IllegalStateException naming the bundle and what is wrong (the bundle is closed)
   */
  private static ModelBundle loadChecked(String location, InferenceOptions inference) {
    ModelBundle bundle = ModelBundle.load(location, inference);
    try (LeadScorer scorer = bundle.newScorer()) {
      ScorerCheck.check(scorer);
      return bundle;
    } catch (RuntimeException e) {
      bundle.close();
      throw new IllegalStateException(
          "Model bundle "
              + bundle.version()
              + " from "
              + location
              + " cannot score the canary leads, so LeadStream does not start: "
              + Causes.rootCause(e),
          e);
    }
  }

  /**
   * Starts the HTTP endpoints (metrics, health, lead queries) and Streams while the configured
   * bundle loads, so that joining the group and restoring state overlap the seconds a model takes
   * to load; returns once the bundle scores the canary leads and Streams is starting.
   *
   * @throws IllegalStateException when the input topic's partitions differ from those the state
   *     stores were built for ({@link StatePartitionCheck}), or the bundle cannot be loaded or
   *     cannot score the canary leads: nothing was processed, and the app is closed again
   */
  public static LeadStreamApp start(LeadStreamConfig config) {
    return start(config, NO_RESTORE_LISTENER);
  }

  /** How the app's encoders use the CPU and whether their graphs are fused. */
  public static InferenceOptions inferenceOptions(LeadStreamConfig config) {
    InferenceOptions threads = new InferenceOptions(config.encoderIntraOpThreads());
    return config.encoderGraphFusion() ? threads : threads.withoutGraphFusion();
  }

  /**
   * {@link #start(LeadStreamConfig)}, telling {@code restores} of every store partition restored
   * from its changelog (tools time restores with it).
   */
  public static LeadStreamApp start(LeadStreamConfig config, StateRestoreListener restores) {
    StatePartitionCheck.verify(config);
    InferenceOptions inference = inferenceOptions(config);
    CompletableFuture<ModelBundle> loading = loadInBackground(config.modelBundle(), inference);
    ActiveModel model = new ActiveModel(loading);
    AppMetrics metrics = new AppMetrics();
    Topology topology;
    try {
      topology = LeadStreamTopology.build(config, model, metrics.pipeline());
    } catch (RuntimeException e) {
      // an input setting is wrong (a writer schema, the JSON mapping): the bundle is not needed
      loading.thenAccept(ModelBundle::close);
      throw e;
    }
    log.info("Topology:\n{}", topology.describe());
    Properties props = new Properties();
    props.putAll(config.streamsProperties());
    props.put(PipelineMetrics.CONFIG_KEY, metrics.pipeline());
    props.put(DeadLetterHandler.MAX_BYTES_CONFIG, DeadLetterLimit.of(config));
    if (config.staticMembership() && !props.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
      String id = InstanceIdentity.in(config.applicationStateDir());
      props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id);
      log.info("Static group membership as {} (kept in {})", id, config.applicationStateDir());
    }

    ThreadFailurePolicy failures =
        new ThreadFailurePolicy(
            config.failureThreadReplacements(), config.failureWindow(), Clock.systemUTC());
    AtomicReference<KafkaStreams> streamsRef = new AtomicReference<>();
    ProgressCheck progress = new ProgressCheck(config.healthProgressTimeout(), Clock.systemUTC());
    HealthProbes probes =
        new HealthProbes(
            streamsRef::get,
            new ScorerProbe(model),
            new ClusterProbe(
                config.clientProperties(),
                config.applicationId(),
                config.inputTopics(),
                config.healthProbeInterval()),
            progress,
            metrics.pipeline().outcomes(),
            config.inputTopics());
    Health health =
        new Health(
            () -> streamsRef.get() == null ? KafkaStreams.State.CREATED : streamsRef.get().state(),
            probes::model,
            probes::broker,
            progress::check,
            failures::lastFailure,
            Clock.systemUTC());

    // The HTTP port must be known before Streams starts: it is the application.server that other
    // instances route lead queries to.
    OpsServer opsServer = null;
    AtomicReference<LiveEvaluator> evaluatorRef = new AtomicReference<>();
    if (config.httpPort() >= 0) {
      AtomicReference<LeadQueries> queries = new AtomicReference<>();
      opsServer =
          OpsServer.start(
              config.httpHost(),
              config.httpPort(),
              metrics::scrape,
              health,
              Map.of(
                  "/leads/",
                  new LeadQueryLanes(new LeadQueryHandler(queries::get, config.httpToken())),
                  EvaluationRoute.PATH,
                  new EvaluationRoute(config, evaluatorRef::get)));
      HostInfo self = new HostInfo(config.httpAdvertisedHost(), opsServer.port());
      queries.set(new LeadQueries(streamsRef::get, self, config.httpToken()));
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
      log.info(
          "Serving /metrics, /health/live, /health/ready, /health/progress, /evaluation and /leads/ on {}:{} (advertised as {})",
          config.httpHost(),
          opsServer.port(),
          self);
    }
    KafkaStreams streams = new KafkaStreams(topology, props);
    streams.setGlobalStateRestoreListener(new RestoreLog(restores));
    streamsRef.set(streams);
    LeadStreamApp app = new LeadStreamApp(model, streams, metrics, failures, probes);
    app.opsServer = opsServer;
    streams.setUncaughtExceptionHandler(failures);
    streams.setStateListener(
        (now, before) -> {
          log.info("Kafka Streams state {} -> {}", before, now);
          if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
            app.stopped.countDown();
          }
        });
    metrics.bind(streams, config.metricsRefresh());
    streams.start();
    ModelBundle bundle;
    try {
      bundle = loading.join();
    } catch (CompletionException e) {
      app.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    metrics.modelLoaded(bundle.version());
    log.info("Loaded model bundle {} from {}", bundle.version(), config.modelBundle());
    probes.start(config.healthProbeInterval());
    try {
      LiveEvaluator.start(config, model::servedManifests, metrics.registry())
          .ifPresent(
              live -> {
                app.evaluator = live;
                evaluatorRef.set(live);
              });
    } catch (RuntimeException e) {
      log.error("Live evaluation could not start, scoring goes on without it: {}", e.toString(), e);
    }
    config
        .modelReloadInterval()
        .ifPresent(
            interval ->
                app.reloader =
                    BundleReloader.start(
                        Path.of(config.modelBundle()), inference, model, metrics, interval));
    return app;
  }

  private static CompletableFuture<ModelBundle> loadInBackground(
      String location, InferenceOptions inference) {
    CompletableFuture<ModelBundle> loading = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                loading.complete(loadChecked(location, inference));
              } catch (RuntimeException e) {
                loading.completeExceptionally(e);
              }
            },
            "leadstream-model-load");
    loader.setDaemon(true);
    loader.start();
    return loading;
  }

  /** Waits until Streams is RUNNING. */
  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Kafka Streams not RUNNING after " + timeout + " (state " + streams.state() + ")");
      }
      if (!streams.state().isRunningOrRebalancing()
          && streams.state() != KafkaStreams.State.CREATED) {
        throw new IllegalStateException("Kafka Streams stopped while starting: " + streams.state());
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Blocks until Streams stops (or the thread is interrupted). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** The failure that shut this instance down, when failed threads could no longer be replaced. */
  public Optional<Throwable> fatalFailure() {
    return failures.fatal();
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

  /** The pipeline's own meters (what /metrics serves besides Kafka's and the JVM's). */
  public PipelineMetrics pipelineMetrics() {
    return metrics.pipeline();
  }

  /** The port of the ops endpoints, when they are served. */
  public Optional<Integer> opsPort() {
    return Optional.ofNullable(opsServer).map(OpsServer::port);
  }

  /**
   * Leaves the consumer group at once (no 45 s session time-out for the next start) and frees the
   * models.
   */
  @Override
  public void close() {
    if (reloader != null) {
      reloader.close();
    }
    if (evaluator != null) {
      evaluator.close();
    }
    if (opsServer != null) {
      opsServer.close();
    }
    probes.close();
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
    metrics.close();
    model.close();
  }
}
