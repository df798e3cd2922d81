package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.TestLabelledLeads;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.registry.RegistrySettings;
import io.leadstream.schema.registry.SchemaRegistryClient;
import io.leadstream.tools.cli.LeadStreamCli;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.embedded.EmbeddedSchemaRegistry;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `evaluate` reads leads.labelled in the output format the settings say: the registry wire format
 * here ({@link EmbeddedSchemaRegistry}); read in the other format, every record is reported as
 * undecodable, with the setting to check.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class EvaluateRegistryFormatIT {

  private static final Instant UNTIL = Instant.parse("2026-11-28T00:00:00Z");
  private static final int[] SCORES = {95, 80, 72, 64, 50, 41, 33, 20, 12, 4};
  private static final int[] LABELS = {1, 1, 0, 1, 0, 1, 0, 0, 0, 0};

  @TempDir Path stateDir;

  @Test
  void shouldReadTheLabelledTopicInTheConfiguredFormat(EmbeddedKafkaBroker broker)
      throws Exception {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      Map<String, Object> props =
          IntegrationConfigs.props(
              broker.bootstrapServers(),
              "evaluate-registry",
              stateDir,
              Map.of(
                  LeadStreamConfig.OUTPUT_FORMAT_CONFIG,
                  "confluent-avro",
                  LeadStreamConfig.REGISTRY_URL_CONFIG,
                  registry.url()));
      LeadStreamConfig config = new LeadStreamConfig(props);
      TopicCreator.createMissing(config);
      List<LabelledLead> leads = new ArrayList<>();
      double[] predicted = new double[SCORES.length];
      boolean[] actual = new boolean[SCORES.length];
      for (int k = 0; k < SCORES.length; k++) {
        leads.add(
            TestLabelledLeads.scored(
                "lead-" + k, "live-1", SCORES[k], Tier.WARM, LABELS[k], UNTIL.minusSeconds(k)));
        predicted[k] = SCORES[k] / 100.0;
        actual[k] = LABELS[k] == 1;
      }
      leads.add(TestLabelledLeads.unmatched("lead-unknown", 1, UNTIL.minusSeconds(60)));
      Serializer<LabelledLead> serializer =
          LeadStreamSerdes.labelledLead(
                  new SchemaRegistryClient(RegistrySettings.of(registry.url())))
              .serializer();
      OutcomeLabelsIT.sendLabelled(config, serializer, leads);

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = evaluate(props, out, err, "--json");

      assertThat(code).as(err.toString()).isZero();
      JsonNode report = new ObjectMapper().readTree(out.toString());
      assertThat(report.get("unmatched").asLong()).isEqualTo(1);
      JsonNode version = report.get("versions").get(0);
      assertThat(version.get("modelVersion").asText()).isEqualTo("live-1");
      assertThat(version.get("count").asInt()).isEqualTo(SCORES.length);
      assertThat(version.get("auc").asDouble())
          .isEqualTo(ClassificationMetrics.auc(predicted, actual));
      assertThat(err.toString())
          .contains("Read 11 records, 11 leads")
          .doesNotContain("undecodable");

      Map<String, Object> wrongFormat = new HashMap<>(props);
      wrongFormat.put(LeadStreamConfig.OUTPUT_FORMAT_CONFIG, "avro");
      StringWriter wrongOut = new StringWriter();
      StringWriter wrongErr = new StringWriter();
      int wrongCode = evaluate(wrongFormat, wrongOut, wrongErr);

      assertThat(wrongCode).isZero();
      assertThat(wrongErr.toString())
          .contains("11 undecodable records skipped (is leadstream.output.format=avro the format");
      assertThat(wrongOut.toString()).contains("No labelled lead with a score in the window.");
    }
  }

  private static int evaluate(
      Map<String, Object> props, StringWriter out, StringWriter err, String... options) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--until", UNTIL.toString()));
    props.forEach((key, value) -> args.add("-D" + key + "=" + value));
    args.addAll(List.of(options));
    var cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args.toArray(String[]::new));
  }
}
