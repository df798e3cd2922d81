package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.TestLabelledLeads;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.app.streams.Topics;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.training.BundleTrainer;
import io.leadstream.models.training.DefaultLeadFeatures;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.models.training.TrainingConfig;
import io.leadstream.models.training.TrainingSet;
import io.leadstream.schema.Tier;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.retrain.BundleHistory;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `retrain` and `rollback` end to end on the in-process broker: labelled leads of the synthetic
 * generator on the labelled topic, a bundle folder holding a bundle trained on shuffled labels (no
 * signal). The first run promotes a candidate trained on the outcomes; the second trains the same
 * candidate again, which does not beat it, and keeps it; `rollback` restores the weak bundle byte
 * for byte.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class RetrainCommandIT {

  /** 7 minutes apart: 600 leads span 70 hours, of which the last 20 hours of outcomes compare. */
  private static final int LEADS = 600;

  private static final String WINDOW = "PT20H";
  private static final Duration OUTCOME_DELAY = Duration.ofDays(2);

  @TempDir Path stateDir;
  @TempDir Path models;

  @Test
  void shouldPromoteABetterBundleKeepANotBetterOneAndRollBack(EmbeddedKafkaBroker broker)
      throws Exception {
    Map<String, Object> props =
        IntegrationConfigs.props(broker.bootstrapServers(), "retrain", stateDir, Map.of());
    LeadStreamConfig config = new LeadStreamConfig(props);
    TopicCreator.createMissing(config);
    Path bundle = models.resolve("acme");
    String weak = trainOnShuffledLabels(bundle);
    Map<String, byte[]> weakFiles = files(bundle);
    List<LabelledLead> leads = new SyntheticLeadGenerator(7).generate(LEADS);
    produceLabelled(config, leads, weak);

    StringWriter tooShort = new StringWriter();
    int refused =
        IntegrationConfigs.execute(
            "retrain", props, tooShort, "--bundle", bundle.toString(), "--window", "PT1H");

    assertThat(refused).as(tooShort.toString()).isEqualTo(5);
    assertThat(tooShort.toString())
        .contains("Refused: the comparison window (outcomes after ")
        .contains("lengthen --window")
        .contains("The bundle in " + bundle + " (version " + weak + ") stays.");
    assertThat(files(bundle)).containsExactlyInAnyOrderEntriesOf(weakFiles);

    StringWriter first = new StringWriter();
    int promoted =
        IntegrationConfigs.execute(
            "retrain", props, first, "--bundle", bundle.toString(), "--window", WINDOW);

    assertThat(promoted).as(first.toString()).isZero();
    BundleManifest retrained = BundleHistory.manifest(bundle);
    assertThat(retrained.version()).isNotEqualTo(weak).startsWith("acme-");
    assertThat(first.toString())
        .contains("Skipped: 3 outcomes without a scored event (no asOf), 0 after the window")
        .containsPattern("current\\s+" + weak + "\\s+0\\.\\d{4}\\s+0\\.\\d{3}-\\d\\.\\d{3}")
        .containsPattern("candidate\\s+" + retrained.version() + "\\s+0\\.\\d{4}")
        .contains("Promoted: " + bundle + " now holds " + retrained.version());
    String origin = config.labelledTopic() + " on " + broker.bootstrapServers();
    assertThat(retrained.training().generator()).isEqualTo(origin);
    assertThat(retrained.training().leads() + comparisonLeads(first.toString())).isEqualTo(LEADS);
    assertThat(retrained.training().notes().get(1)).startsWith("comparison window: the ");
    String card = Files.readString(bundle.resolve(BundleTrainer.MODEL_CARD_FILE));
    assertThat(card)
        .contains("from `" + origin + "`")
        .contains("## Promotion")
        .contains("the current one (`" + weak + "`)")
        .contains("Candidate AUC above the current AUC: AUC > ");
    assertThat(new BundleHistory(bundle).versions())
        .extracting(BundleHistory.Version::version)
        .containsExactly(weak);

    StringWriter second = new StringWriter();
    int kept =
        IntegrationConfigs.execute(
            "retrain", props, second, "--bundle", bundle.toString(), "--window", WINDOW);

    assertThat(kept).as(second.toString()).isEqualTo(4);
    assertThat(second.toString())
        .contains("Not promoted: " + bundle + " keeps " + retrained.version());
    assertThat(BundleHistory.manifest(bundle).version()).isEqualTo(retrained.version());

    StringWriter rollback = new StringWriter();
    int restored =
        IntegrationConfigs.execute("rollback", Map.of(), rollback, "--bundle", bundle.toString());

    assertThat(restored).as(rollback.toString()).isZero();
    assertThat(rollback.toString()).startsWith("Restored " + weak + " into " + bundle);
    assertThat(files(bundle)).containsExactlyInAnyOrderEntriesOf(weakFiles);
    StringWriter list = new StringWriter();
    IntegrationConfigs.execute("rollback", Map.of(), list, "--bundle", bundle.toString(), "--list");
    assertThat(list.toString())
        .containsPattern("current\\s+" + weak + "\\s+hold-out AUC 0\\.\\d{3}")
        .containsPattern("kept 2\\s+" + retrained.version() + "\\s+hold-out AUC 0\\.\\d{3}")
        .contains("trained on " + retrained.training().leads() + " leads from " + origin);
  }

  /** A bundle with the default features that learnt nothing: trained on shuffled labels. */
  private static String trainOnShuffledLabels(Path bundle) {
    List<LabelledLead> leads = new SyntheticLeadGenerator(99).generate(300);
    List<Boolean> labels = new ArrayList<>(leads.stream().map(LabelledLead::converted).toList());
    Collections.shuffle(labels, new Random(5));
    List<LabelledLead> shuffled = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      shuffled.add(new LabelledLead(leads.get(i).event(), labels.get(i)));
    }
    return new BundleTrainer(TrainingConfig.defaults("acme", 1), null)
        .train(TrainingSet.of(shuffled, DefaultLeadFeatures.spec(), "shuffled labels"), bundle)
        .version();
  }

  /** Each lead scored by {@code version} when it occurred, its outcome two days later. */
  private static void produceLabelled(
      LeadStreamConfig config, List<LabelledLead> leads, String version) throws Exception {
    // the schema's LabelledLead, not training's: the topic's own serdes name its type
    var topic = Topics.from(config).labelled();
    Map<String, Object> producerProps = new HashMap<>(config.clientProperties());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(
            producerProps, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (LabelledLead lead : leads) {
        Instant outcomeAt = lead.event().getOccurredAt().plus(OUTCOME_DELAY);
        producer.send(
            new ProducerRecord<>(
                topic.name(),
                lead.event().getLeadId(),
                TestLabelledLeads.scored(
                    lead.event(), version, 50, Tier.WARM, lead.converted() ? 1 : 0, outcomeAt)));
      }
      for (int i = 0; i < 3; i++) {
        producer.send(
            new ProducerRecord<>(
                topic.name(),
                "unknown-" + i,
                TestLabelledLeads.unmatched(
                    "unknown-" + i, 1, Instant.parse("2026-01-06T00:00:00Z"))));
      }
      producer.flush();
    }
  }

  private static int comparisonLeads(String output) {
    String line =
        output.lines().filter(l -> l.startsWith("Comparison window: ")).findFirst().orElseThrow();
    return Integer.parseInt(line.substring("Comparison window: ".length()).split(" ")[0]);
  }

  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }
}
