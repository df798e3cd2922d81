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

/**
 * Zero-shot p(opportunity) on the tiny T5-shaped fixtures, against the Python reference: the
 * TorchScript export ({@code zero-shot.json}) on PyTorch and the ONNX export in the transformers.js
 * layout ({@code zero-shot-onnx.json}, {@code decoder_model.onnx}) on ONNX Runtime.
 */
class ZeroShotOpportunityTest {

  @TempDir static Path cache;

  private static ModelSource source;
  private static ZeroShotSpec spec;
  private static ZeroShotSpec onnxSpec;
  private static ZeroShotOpportunity zeroShot;
  private static ZeroShotOpportunity onnx;
  private static JsonNode reference;

  @BeforeAll
  static void load() {
    source = ModelSource.forClasspath(T5Tiny.FOLDER).withCacheRoot(cache);
    spec = T5Tiny.read("zero-shot.json", ZeroShotSpec.class);
    onnxSpec = T5Tiny.read("zero-shot-onnx.json", ZeroShotSpec.class);
    zeroShot = ZeroShotOpportunity.load(spec, source);
    onnx = ZeroShotOpportunity.load(onnxSpec, source);
    reference = T5Tiny.reference().get("zero_shot");
  }

  @AfterAll
  static void close() {
    for (ZeroShotOpportunity model : new ZeroShotOpportunity[] {onnx, zeroShot}) {
      if (model != null) {
        model.close();
      }
    }
  }

  @Test
  void shouldEqualThePythonReference() {
    assertMatchesPython(zeroShot, "PyTorch");
  }

  @Test
  void shouldEqualThePythonReferenceOnOnnxRuntimeInTheTransformersJsLayout() {
    assertThat(onnxSpec.engine()).isEqualTo("OnnxRuntime");
    assertThat(onnxSpec.decoderStep().source()).isEqualTo("decoder_model.onnx");

    assertMatchesPython(onnx, "OnnxRuntime");
  }

  private static void assertMatchesPython(ZeroShotOpportunity model, String engine) {
    List<String> texts = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    for (JsonNode c : reference.get("cases")) {
      texts.add(c.get("text").asText());
      expected.add(c.get("p_yes").asDouble());
      assertThat(model.spec().prompt(c.get("text").asText())).isEqualTo(c.get("prompt").asText());
    }

    double[] alone = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      alone[i] = model.probability(texts.get(i));
    }
    double[] batched = model.probabilities(texts);

    for (int i = 0; i < texts.size(); i++) {
      System.out.printf(
          "T5 fixture zero-shot on %s: p=%.9f (Python %.9f, diff %.2g; batched diff %.2g) %s%n",
          engine,
          alone[i],
          expected.get(i),
          Math.abs(alone[i] - expected.get(i)),
          Math.abs(batched[i] - expected.get(i)),
          texts.get(i));
      assertThat(alone[i]).isCloseTo(expected.get(i), within(1e-5));
      assertThat(batched[i]).as("padded batch").isCloseTo(expected.get(i), within(1e-5));
    }
  }

  @Test
  void shouldTakeTheDecoderNamesOfTheEnginesLayoutWhenTheSpecNamesNone() {
    assertThat(spec.decoderNames())
        .as("zero-shot.json names none")
        .isEqualTo(DecoderNames.TORCHSCRIPT);
    ZeroShotSpec unnamed = withDecoderNames(onnxSpec, null);
    assertThat(unnamed.decoderNames()).isEqualTo(DecoderNames.TRANSFORMERS_JS);
    assertThat(onnxSpec.decoderNames()).isEqualTo(DecoderNames.TRANSFORMERS_JS);
  }

  @Test
  void shouldBindTheOnnxDecoderInputsByName() {
    ZeroShotSpec misnamed =
        withDecoderNames(
            onnxSpec,
            new DecoderNames(
                "decoder_input_ids", "encoder_hidden_states", "encoder_attention_mask", "logits"));

    assertThatThrownBy(() -> ZeroShotOpportunity.load(misnamed, source))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith("decoder_model.onnx: cannot load zero-shot model: ")
        .hasMessageContaining("decoder_input_ids");
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

  private static ZeroShotSpec withDecoderNames(ZeroShotSpec base, DecoderNames names) {
    return new ZeroShotSpec(
        base.engine(),
        base.encoder(),
        base.decoderStep(),
        base.tokenizer(),
        base.promptTemplate(),
        base.yesAnswers(),
        base.noAnswers(),
        base.decoderStartTokenId(),
        base.maxTokens(),
        base.prior(),
        names);
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
