package io.leadstream.tools.embedded;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.runtime.LeadStreamApp;
import io.leadstream.app.runtime.TopicCreator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole pipeline in this JVM: an embedded broker, LeadStream's topics and one app instance,
 * with a throw-away state folder, and on request an embedded schema registry that both Avro topics
 * speak through. Closes the app before the broker.
 */
public final class EmbeddedPipeline implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final EmbeddedKafkaBroker broker;
  private final Optional<EmbeddedSchemaRegistry> registry;
  private final LeadStreamConfig config;
  private final Path stateDir;
  private LeadStreamApp app;

  private EmbeddedPipeline(
      EmbeddedKafkaBroker broker,
      Optional<EmbeddedSchemaRegistry> registry,
      LeadStreamConfig config,
      Path stateDir) {
    this.broker = broker;
    this.registry = registry;
    this.config = config;
    this.stateDir = stateDir;
  }

  /** Starts broker, topics and app, with no schema registry. */
  public static EmbeddedPipeline start(
      Function<String, LeadStreamConfig> configFor, int partitions) {
    return start(configFor, partitions, false);
  }

  /**
   * Starts broker, topics and app.
   *
   * @param configFor builds the app's settings from the embedded broker's bootstrap servers
   * @param withRegistry also start an embedded schema registry, and read and write through it
   *     ({@code confluent-avro} input and output, unless {@code configFor} sets the formats)
   */
  public static EmbeddedPipeline start(
      Function<String, LeadStreamConfig> configFor, int partitions, boolean withRegistry) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    Optional<EmbeddedSchemaRegistry> registry = Optional.empty();
    EmbeddedPipeline pipeline = null;
    try {
      registry = withRegistry ? Optional.of(EmbeddedSchemaRegistry.start()) : Optional.empty();
      Path stateDir = Files.createTempDirectory("leadstream-state-");
      Map<String, Object> props =
          new HashMap<>(configFor.apply(broker.bootstrapServers()).originals());
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      props.putIfAbsent(LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, partitions);
      registry.ifPresent(
          r -> {
            props.putIfAbsent(LeadStreamConfig.REGISTRY_URL_CONFIG, r.url());
            props.putIfAbsent(LeadStreamConfig.INPUT_FORMAT_CONFIG, "confluent-avro");
            props.putIfAbsent(LeadStreamConfig.OUTPUT_FORMAT_CONFIG, "confluent-avro");
          });
      LeadStreamConfig config = new LeadStreamConfig(props);
      pipeline = new EmbeddedPipeline(broker, registry, config, stateDir);
      TopicCreator.createMissing(config);
      pipeline.app = LeadStreamApp.start(config);
      pipeline.app.awaitRunning(START_TIMEOUT);
      return pipeline;
    } catch (IOException e) {
      registry.ifPresent(EmbeddedSchemaRegistry::close);
      broker.close();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pipeline.close();
      throw new IllegalStateException("Interrupted while starting", e);
    } catch (RuntimeException e) {
      if (pipeline != null) {
        pipeline.close();
      } else {
        registry.ifPresent(EmbeddedSchemaRegistry::close);
        broker.close();
      }
      throw e;
    }
  }

  public LeadStreamConfig config() {
    return config;
  }

  public LeadStreamApp app() {
    return app;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** The embedded schema registry's URL, when one runs. */
  public Optional<String> registryUrl() {
    return registry.map(EmbeddedSchemaRegistry::url);
  }

  @Override
  public void close() {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      registry.ifPresent(EmbeddedSchemaRegistry::close);
      broker.close();
      Folders.deleteQuietly(stateDir);
    }
  }
}
