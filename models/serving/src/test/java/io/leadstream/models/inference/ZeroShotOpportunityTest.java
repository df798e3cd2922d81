package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadstream.models.BundleException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-shot p(opportunity) on the tiny T5-shaped fixtures, against the Python reference. */
class ZeroShotOpportunityTest {

  @TempDir static Path cache;

  private static ModelSource source;
  private static ZeroShotSpec spec;
  private static ZeroShotOpportunity zeroShot;
  private static JsonNode reference;

  @BeforeAll
  static void load() {
    source = ModelSource.forClasspath(T5Tiny.FOLDER).withCacheRoot(cache);
    spec = T5Tiny.read("zero-shot.json", ZeroShotSpec.class);
    zeroShot = ZeroShotOpportunity.load(spec, source);
    reference = T5Tiny.reference().get("zero_shot");
  }

  @AfterAll
  static void close() {
    if (zeroShot != null) {
      zeroShot.close();
    }
  }

  @Test
  void shouldEqualThePythonReference() {
    List<String> texts = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    for (JsonNode c : reference.get("cases")) {
      texts.add(c.get("text").asText());
      expected.add(c.get("p_yes").asDouble());
      assertThat(spec.prompt(c.get("text").asText())).isEqualTo(c.get("prompt").asText());
    }

    double[] alone = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      alone[i] = zeroShot.probability(texts.get(i));
    }
    double[] batched = zeroShot.probabilities(texts);

    for (int i = 0; i < texts.size(); i++) {
      System.out.printf(
          "T5 fixture zero-shot: p=%.6f (Python %.6f) %s%n",
          alone[i], expected.get(i), texts.get(i));
      assertThat(alone[i]).isCloseTo(expected.get(i), within(1e-5));
      assertThat(batched[i]).as("padded batch").isCloseTo(alone[i], within(1e-5));
    }
  }

  @Test
  void shouldUseTheConfiguredPrompt() {
    String text = reference.at("/cases/0/text").asText();
    try (ZeroShotOpportunity other =
        ZeroShotOpportunity.load(
            spec.withPromptTemplate("Does this lead want to buy? {text}"), source)) {
      double p = other.probability(text);
      assertThat(p).isBetween(0.0, 1.0);
      assertThat(p).isNotCloseTo(zeroShot.probability(text), within(1e-6));
    }
  }

  @Test
  void shouldRejectAnswerPiecesOutsideTheVocabulary() {
    ZeroShotSpec bad =
        new ZeroShotSpec(
            spec.engine(),
            spec.encoder(),
            spec.decoderStep(),
            spec.tokenizer(),
            spec.promptTemplate(),
            List.of("\u2581oui"),
            spec.noAnswers(),
            spec.decoderStartTokenId(),
            spec.maxTokens(),
            spec.prior());

    assertThatThrownBy(() -> ZeroShotOpportunity.load(bad, source))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("\u2581oui");
  }

  @Test
  void shouldRefuseAtLoadADecoderStepThatIsNotOne() {
    ZeroShotSpec encoderAsDecoder =
        new ZeroShotSpec(
            spec.engine(),
            spec.encoder(),
            spec.encoder(),
            spec.tokenizer(),
            spec.promptTemplate(),
            spec.yesAnswers(),
            spec.noAnswers(),
            spec.decoderStartTokenId(),
            spec.maxTokens(),
            spec.prior());

    assertThatThrownBy(() -> ZeroShotOpportunity.load(encoderAsDecoder, source))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith("encoder.pt: cannot load zero-shot model: ");
  }

  @Test
  void shouldGiveEachThreadItsOwnPredictor() throws Exception {
    String text = reference.at("/cases/0/text").asText();
    double expected = reference.at("/cases/0/p_yes").asDouble();
    try (ZeroShotPredictor first = zeroShot.newPredictor();
        ZeroShotPredictor second = zeroShot.newPredictor()) {
      Thread other = new Thread(() -> first.probability(text));
      other.start();
      double p = second.probability(text);
      other.join();
      assertThat(p).isCloseTo(expected, within(1e-5));
      assertThat(first.probability(text)).isCloseTo(expected, within(1e-5));
    }
  }
}
