package io.leadstream.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void shouldLayerFileThenEnvironmentThenOverrides() throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(
        file,
        """
        bootstrap.servers=file:9092
        security.protocol=SASL_SSL
        leadstream.topic.raw=crm.leads
        """);
    Map<String, String> env =
        Map.of(
            "LEADSTREAM_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
            "LEADSTREAM_KAFKA_SASL_JAAS_CONFIG", "jaas",
            "LEADSTREAM_MODEL_BUNDLE", "/models/v2",
            "PATH", "/usr/bin");

    Map<String, Object> props =
        ConfigLoader.load(file, env, Map.of("leadstream.topic.raw", "cli.leads"));

    assertThat(props)
        .containsEntry("bootstrap.servers", "env:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", "jaas")
        .containsEntry("leadstream.model.bundle", "/models/v2")
        .containsEntry("leadstream.topic.raw", "cli.leads")
        .doesNotContainKey("path");
  }

  @Test
  void shouldPassKafkaClientSettingsThroughAndKeepOwnKeysOut() {
    LeadStreamConfig config =
        new LeadStreamConfig(
            Map.of(
                "bootstrap.servers",
                "b:9092",
                "security.protocol",
                "SSL",
                "ssl.truststore.location",
                "/t.jks",
                "leadstream.topic.raw",
                "x",
                "num.stream.threads",
                "2"));

    assertThat(config.clientProperties())
        .containsOnlyKeys("bootstrap.servers", "security.protocol", "ssl.truststore.location");
    assertThat(config.streamsProperties())
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("num.stream.threads", "2")
        .containsEntry("security.protocol", "SSL");
    assertThat(config.rawTopic()).isEqualTo("x");
  }

  @Test
  void shouldNameAMissingConfigFile() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
        .hasMessageContaining("Config file not found")
        .hasMessageContaining("nope.properties");
  }

  @Test
  void shouldRejectAnInvalidLeadStreamSetting() {
    assertThatThrownBy(() -> new LeadStreamConfig(Map.of("leadstream.text.max.bytes", "10")))
        .hasMessageContaining("leadstream.text.max.bytes");
  }
}
