package io.leadstream.app.cli;

import io.leadstream.app.config.ConfigLoader;
import io.leadstream.app.config.LeadStreamConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is and how to reach it; shared by the commands that talk to Kafka. */
public class KafkaOptions {

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      description =
          "Kafka bootstrap servers (or bootstrap.servers in --config, or LEADSTREAM_KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Properties file with Kafka client/Streams settings (security.protocol, sasl.*, ssl.*, ...) and leadstream.* settings.")
  Path configFile;

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description =
          "Any single setting, overriding file and environment, e.g. -D security.protocol=SASL_SSL. Repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /**
   * Settings from file, environment and options; fails clearly when no bootstrap servers are known.
   */
  public LeadStreamConfig toConfig() {
    Map<String, String> cli = new HashMap<>(overrides);
    if (bootstrapServers != null) {
      cli.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
    Map<String, Object> props = ConfigLoader.load(configFile, System.getenv(), cli);
    if (!props.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException(
          "No Kafka cluster given: pass --bootstrap-servers HOST:PORT, "
              + "set bootstrap.servers in --config, or set LEADSTREAM_KAFKA_BOOTSTRAP_SERVERS. "
              + "To try LeadStream without a cluster, run `leadstream demo`.");
    }
    return new LeadStreamConfig(props);
  }
}
