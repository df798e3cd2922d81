package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.tools.cli.LeadStreamCli;
import io.leadstream.tools.scenario.ScenarioFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The closed loop, short: {@code scenario closed-loop} runs synthetic leads through the embedded
 * pipeline with their outcomes three days later, and the live evaluation shows the shift: the
 * shipped bundle ranks phase A's leads better than phase B's (the hidden process shifted), warns of
 * its live AUC after the shift and not before, and the version the retrain promotes from
 * leads.labelled serves phase C and ranks its leads better than the old one did phase B's.
 */
class ClosedLoopScenarioIT {

  private static final int LEADS_PER_PHASE = 400;

  @TempDir Path out;

  @Test
  void shouldShowTheShiftInTheLiveAucWarnAfterItAndRecoverWithTheRetrainedVersion()
      throws Exception {
    StringWriter console = new StringWriter();
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(console));

    int exit =
        cli.execute(
            "scenario",
            "closed-loop",
            "--leads",
            Integer.toString(LEADS_PER_PHASE),
            "--out",
            out.toString());

    System.out.println(console);
    assertThat(exit).as(console.toString()).isZero();
    JsonNode result = new ObjectMapper().readTree(out.resolve(ScenarioFiles.JSON).toFile());
    JsonNode a = serving(result, "A");
    JsonNode b = serving(result, "B");
    JsonNode c = serving(result, "C");
    String shipped = ModelBundle.load(ModelBundle.DEFAULT_BUNDLE).version();

    assertThat(a.get("modelVersion").asText()).isEqualTo(shipped);
    assertThat(b.get("modelVersion").asText()).isEqualTo(shipped);
    assertThat(a.get("count").asInt()).isEqualTo(LEADS_PER_PHASE);
    assertThat(b.get("count").asInt()).isEqualTo(LEADS_PER_PHASE);
    assertThat(a.get("auc").asDouble()).isGreaterThan(b.get("auc").asDouble());
    assertThat(aucWarnings(a)).as("AUC warnings before the shift").isEmpty();
    assertThat(aucWarnings(b)).as("AUC warnings after the shift").hasSize(1);

    JsonNode retrain = result.get("retrain");
    assertThat(retrain.get("outcome").asText()).as(retrain.toString()).isEqualTo("PROMOTED");
    assertThat(c.get("modelVersion").asText())
        .isEqualTo(retrain.get("candidateVersion").asText())
        .isNotEqualTo(shipped);
    assertThat(c.get("auc").asDouble()).isGreaterThan(b.get("auc").asDouble());
    assertThat(console.toString()).contains("live AUC [95 %]").contains("WARNING phase B");
    assertThat(out.resolve(ScenarioFiles.AUC_PLOT)).isNotEmptyFile();
    assertThat(out.resolve(ScenarioFiles.CALIBRATION_PLOT)).isNotEmptyFile();
  }

  /** The evaluation of the version that served phase {@code name}. */
  private static JsonNode serving(JsonNode result, String name) {
    JsonNode phase =
        StreamSupport.stream(result.get("phases").spliterator(), false)
            .filter(p -> p.get("name").asText().equals(name))
            .findFirst()
            .orElseThrow();
    String version = phase.get("servingVersion").asText();
    return StreamSupport.stream(phase.get("report").get("versions").spliterator(), false)
        .filter(v -> v.get("modelVersion").asText().equals(version))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> aucWarnings(JsonNode version) {
    List<String> warnings = new ArrayList<>();
    version.get("warnings").forEach(w -> warnings.add(w.asText()));
    return warnings.stream().filter(w -> w.startsWith("live AUC")).toList();
  }
}
