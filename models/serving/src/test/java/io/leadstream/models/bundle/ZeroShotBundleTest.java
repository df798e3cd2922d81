package io.leadstream.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.models.BundleException;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TestLeads;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import io.leadstream.schema.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-start bundle {@code bundles/t5-zero-shot}: zero-shot p(opportunity) from the tiny
 * T5-shaped fixtures, text-only scoring, against the Python reference.
 */
class ZeroShotBundleTest {

  static final String BUNDLE = "classpath:bundles/t5-zero-shot";
  private static final String CHINESE = "客户 ABC 公司有意向采购我们的 XYZ 产品,初步谈好了合作意向,需要进一步沟通具体的采购数量和交付时间。";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ModelBundle bundle;
  private static LeadScorer scorer;
  private static List<String> texts;
  private static List<Double> pythonP;

  @TempDir Path folder;

  @BeforeAll
  static void load() throws IOException {
    JsonNode cases = JSON.readTree(resource("t5-tiny/reference.json")).at("/zero_shot/cases");
    texts = new ArrayList<>();
    pythonP = new ArrayList<>();
    for (JsonNode c : cases) {
      texts.add(c.get("text").asText());
      pythonP.add(c.get("p_yes").asDouble());
    }
    bundle = ModelBundle.load(BUNDLE);
    scorer = bundle.newScorer();
  }

  @AfterAll
  static void close() {
    if (scorer != null) {
      scorer.close();
    }
    if (bundle != null) {
      bundle.close();
    }
  }

  @Test
  void shouldLoadAZeroShotTextOnlyBundle() {
    assertThat(bundle.version()).isEqualTo("t5-zero-shot-fixture-1");
    assertThat(scorer.bundleVersion()).isEqualTo(bundle.version());
    assertThat(bundle.manifest().readsTextZeroShot()).isTrue();
    assertThat(bundle.manifest().scoresTextOnly()).isTrue();
    assertThat(bundle.manifest().head()).isNull();
    assertThat(bundle.featureSpec()).isNull();
  }

  @Test
  void shouldReadTheReferenceTextsAsPythonDid() {
    List<TextSignal> batched = scorer.readTexts(texts);

    for (int i = 0; i < texts.size(); i++) {
      TextSignal alone = scorer.readText(texts.get(i));
      assertThat(alone.opportunityProbability()).isCloseTo(pythonP.get(i), within(1e-5));
      assertThat(alone.unknownTokenRatio()).isZero();
      assertThat(batched.get(i).opportunityProbability())
          .as("padded batch")
          .isCloseTo(pythonP.get(i), within(1e-5));
    }
  }

  @Test
  void shouldScoreALeadByItsTextWithATierAndOneTextReason() {
    // random fixture weights: Python says p = 0.4216 for the second text, 0.3370 for the first
    LeadEvent lead = leadSaying(texts.get(1));

    LeadScore score = scorer.score(lead, scorer.readText(LeadText.of(lead)));

    assertThat(score.probability()).isCloseTo(pythonP.get(1), within(1e-5));
    assertThat(score.score()).isEqualTo(42);
    assertThat(score.tier()).isEqualTo(Tier.HOT);
    assertThat(score.reasons())
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.getFeature()).isEqualTo("opportunity_probability");
              assertThat(reason.getLabel()).isEqualTo("text reads as mild interest (p=0.42)");
              // points above a lead without text, whose score is the prior's: 100 * (0.4216 - 0.2)
              assertThat(reason.getContribution()).isCloseTo(22.16, within(0.01));
            });
    assertThat(scorer.score(leadSaying(texts.get(0)), scorer.readText(texts.get(0))).tier())
        .as("p = 0.337 is under the HOT threshold 40")
        .isEqualTo(Tier.WARM);
  }

  @Test
  void shouldGiveTheConfiguredPriorForBlankText() {
    LeadEvent silent = TestLeads.bare("silent").build();

    TextSignal blank = scorer.readText("   ");
    LeadScore score = scorer.score(silent, scorer.readText(LeadText.of(silent)));

    assertThat(blank).isEqualTo(new TextSignal(0.2, 0.0));
    assertThat(score.score()).isEqualTo(20);
    assertThat(score.tier()).isEqualTo(Tier.DISQUALIFIED);
    assertThat(score.reasons())
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.getLabel()).isEqualTo("no text to read (prior p=0.20)");
              assertThat(reason.getContribution()).isZero();
            });
  }

  @Test
  void shouldFallBackToThePriorForTextTheVocabularyCannotRead() {
    TextSignal signal = scorer.readText(CHINESE);
    LeadScore score = scorer.score(leadSaying(CHINESE), signal);

    assertThat(signal.unknownTokenRatio()).isGreaterThan(TextSignal.MAX_UNKNOWN_RATIO);
    assertThat(signal.readable()).isFalse();
    assertThat(signal.opportunityProbability()).isEqualTo(0.2);
    assertThat(score.reasons())
        .extracting(Reason::getLabel)
        .singleElement()
        .asString()
        .startsWith("text not readable by this model (");
  }

  @Test
  void shouldScoreOnTwoThreadsWithOneScorerEach() throws Exception {
    Callable<Double> worker =
        () -> {
          double worst = 0;
          try (LeadScorer own = bundle.newScorer()) {
            for (int round = 0; round < 20; round++) {
              List<TextSignal> signals = own.readTexts(texts);
              for (int i = 0; i < texts.size(); i++) {
                worst =
                    Math.max(
                        worst, Math.abs(signals.get(i).opportunityProbability() - pythonP.get(i)));
              }
            }
          }
          return worst;
        };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Double>> results = threads.invokeAll(List.of(worker, worker));
      for (Future<Double> result : results) {
        assertThat(result.get()).isLessThan(1e-5);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void shouldReadModelFilesBesideTheManifestInABundleFolder() throws IOException {
    writeFolderBundle();

    try (ModelBundle local = ModelBundle.load(folder);
        LeadScorer own = local.newScorer()) {
      assertThat(own.readText(texts.get(1)).opportunityProbability())
          .isCloseTo(pythonP.get(1), within(1e-5));
    }
  }

  @Test
  void shouldNameTheMissingDecoderFile() throws IOException {
    writeFolderBundle();
    Files.delete(folder.resolve("decoder_step.pt"));

    assertThatThrownBy(() -> ModelBundle.load(folder))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            "decoder_step.pt: file missing (looked for " + folder.resolve("decoder_step.pt") + ")");
  }

  @Test
  void shouldNameTheDecoderFileWhoseHashDoesNotMatch() throws IOException {
    writeFolderBundle();
    byte[] decoder = Files.readAllBytes(folder.resolve("decoder_step.pt"));
    decoder[decoder.length / 2] ^= 1;
    Files.write(folder.resolve("decoder_step.pt"), decoder);

    assertThatThrownBy(() -> ModelBundle.load(folder))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith("decoder_step.pt: sha256 mismatch");
  }

  /** The fixture bundle as a folder whose manifest names its model files by relative path. */
  private void writeFolderBundle() throws IOException {
    ObjectNode manifest =
        (ObjectNode) JSON.readTree(resource("bundles/t5-zero-shot/manifest.json"));
    for (String file : List.of("encoder", "decoderStep", "tokenizer")) {
      ObjectNode entry = (ObjectNode) manifest.get("zeroShot").get(file);
      String name = entry.get("source").asText().replace("classpath:t5-tiny/", "");
      entry.put("source", name);
      Files.write(folder.resolve(name), resource("t5-tiny/" + name));
    }
    Files.write(folder.resolve("MODEL_CARD.md"), resource("bundles/t5-zero-shot/MODEL_CARD.md"));
    JSON.writeValue(folder.resolve(BundleManifest.FILE_NAME).toFile(), manifest);
  }

  private static LeadEvent leadSaying(String text) {
    return TestLeads.bare("lead").setNotes(text).build();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ZeroShotBundleTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
