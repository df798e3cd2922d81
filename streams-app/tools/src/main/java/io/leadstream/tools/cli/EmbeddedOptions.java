package io.leadstream.tools.cli;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.tools.embedded.EmbeddedPipeline;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Option;

/**
 * Options and set-up of the commands that run the whole pipeline on an embedded broker (demo,
 * bench).
 */
class EmbeddedOptions {

  @Option(
      names = "--model-bundle",
      paramLabel = "DIR|classpath:…",
      description = "Model bundle to score with (default: ${DEFAULT-VALUE}).",
      defaultValue = LeadStreamConfig.MODEL_BUNDLE_DEFAULT)
  String modelBundle;

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description =
          "Any LeadStream or Kafka Streams setting, e.g. -D num.stream.threads=1. Repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = {"-v", "--verbose"},
      description = "Show the broker's, Kafka's and LeadStream's logs on stderr.")
  boolean verbose;

  /**
   * Starts an embedded broker and LeadStream on it with these options, the console's logs quieted
   * first unless {@code --verbose}.
   *
   * @param applicationId the Streams application id unless {@code -D} sets one
   */
  EmbeddedPipeline start(String applicationId, int partitions) {
    return start(applicationId, partitions, false);
  }

  /**
   * @param withRegistry with an embedded schema registry, both Avro topics in its wire format
   */
  EmbeddedPipeline start(String applicationId, int partitions, boolean withRegistry) {
    ConsoleLogging.quiet(verbose);
    return EmbeddedPipeline.start(
        bootstrap -> config(bootstrap, applicationId), partitions, withRegistry);
  }

  /** The apps' settings on an embedded broker, from its bootstrap servers. */
  Function<String, LeadStreamConfig> configs(String applicationId) {
    ConsoleLogging.quiet(verbose);
    return bootstrap -> config(bootstrap, applicationId);
  }

  /** The app's settings on the embedded broker at {@code bootstrap}. */
  private LeadStreamConfig config(String bootstrap, String applicationId) {
    Map<String, Object> props = new HashMap<>(overrides);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(LeadStreamConfig.MODEL_BUNDLE_CONFIG, modelBundle);
    props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.putIfAbsent(LeadStreamConfig.HTTP_PORT_CONFIG, 0);
    return new LeadStreamConfig(props);
  }
}
