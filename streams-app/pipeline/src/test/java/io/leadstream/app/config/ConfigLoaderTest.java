package io.leadstream.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  @Test
  void shouldReadAvroByDefaultAndJsonOnlyWithAMapping() {
    assertThat(new LeadStreamConfig(Map.of()).inputFormat())
        .isEqualTo(LeadStreamConfig.InputFormat.AVRO);
    assertThat(new LeadStreamConfig(Map.of()).inputMapping()).isEmpty();
    LeadStreamConfig json =
        new LeadStreamConfig(
            Map.of("leadstream.input.format", "JSON", "leadstream.input.mapping", "m.yaml"));
    assertThat(json.inputFormat()).isEqualTo(LeadStreamConfig.InputFormat.JSON);
    assertThat(json.inputMapping()).contains(Path.of("m.yaml"));
    // through the environment, as a container would set it
    assertThat(
            new LeadStreamConfig(
                    ConfigLoader.load(
                        null,
                        Map.of(
                            "LEADSTREAM_INPUT_FORMAT",
                            "json",
                            "LEADSTREAM_INPUT_MAPPING",
                            "m.yaml"),
                        Map.of()))
                .inputFormat())
        .isEqualTo(LeadStreamConfig.InputFormat.JSON);

    assertThatThrownBy(() -> new LeadStreamConfig(Map.of("leadstream.input.format", "protobuf")))
        .hasMessageContaining("leadstream.input.format")
        .hasMessageContaining("JSON, AVRO");
    assertThatThrownBy(() -> new LeadStreamConfig(Map.of("leadstream.input.format", "json")))
        .hasMessage(
            "leadstream.input.mapping is required with leadstream.input.format=json: the mapping"
                + " file (as for train --mapping) that reads the CRM's JSON events");
    assertThatThrownBy(() -> new LeadStreamConfig(Map.of("leadstream.input.mapping", "m.yaml")))
        .hasMessageStartingWith(
            "leadstream.input.mapping is read with leadstream.input.format=json only");
    assertThatThrownBy(
            () ->
                new LeadStreamConfig(
                    Map.of(
                        "leadstream.input.format",
                        "json",
                        "leadstream.input.mapping",
                        "m.yaml",
                        "leadstream.input.schemas",
                        "schemas")))
        .hasMessageStartingWith("leadstream.input.schemas names further writer schemas");
  }

  @Test
  void shouldReadTheRegistryFormatsAndAskForTheRegistryTheyNeed() {
    LeadStreamConfig registry =
        new LeadStreamConfig(
            Map.of(
                "leadstream.input.format", "confluent-avro",
                "leadstream.output.format", "Confluent-Avro",
                "leadstream.schema.registry.url", "https://registry.example:8081/",
                "leadstream.schema.registry.basic.auth.user.info", "svc:pw"));
    assertThat(registry.inputFormat()).isEqualTo(LeadStreamConfig.InputFormat.CONFLUENT_AVRO);
    assertThat(registry.outputFormat()).isEqualTo(LeadStreamConfig.OutputFormat.CONFLUENT_AVRO);
    assertThat(registry.schemaRegistry().orElseThrow().url())
        .hasToString("https://registry.example:8081");
    assertThat(registry.schemaRegistry().orElseThrow().basicAuthUserInfo()).contains("svc:pw");
    assertThat(registry.schemaRegistry().orElseThrow().toString()).doesNotContain("pw");
    assertThat(registry.schemaRegistry().orElseThrow().retryFor())
        .as("below Streams' 10 s transaction time-out")
        .isEqualTo(Duration.ofSeconds(5));

    assertThatThrownBy(
            () -> new LeadStreamConfig(Map.of("leadstream.output.format", "confluent-avro")))
        .hasMessageStartingWith(
            "leadstream.schema.registry.url is required with the confluent-avro format");
    assertThatThrownBy(
            () ->
                new LeadStreamConfig(
                    Map.of(
                        "leadstream.schema.registry.url", "http://r:8081",
                        "leadstream.schema.registry.basic.auth.user.info", "svc:pw",
                        "leadstream.schema.registry.bearer.token", "t")))
        .hasMessageContaining("either basic auth or a bearer token");
    assertThatThrownBy(
            () ->
                new LeadStreamConfig(
                    Map.of(
                        "leadstream.input.format", "confluent-avro",
                        "leadstream.schema.registry.url", "http://r:8081",
                        "leadstream.input.schemas", "schemas")))
        .hasMessageStartingWith("leadstream.input.schemas names further writer schemas");
  }
}
