package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The T5 encoder path on the tiny T5-shaped fixtures: the same manifest section shape loads
 * TorchScript on the PyTorch engine and ONNX on ONNX Runtime, and both match the embeddings Python
 * computed.
 */
class T5EncoderTest {

  /** fp32, two engines, a 2-layer model: observed differences are around 1e-6. */
  private static final double ENGINE_TOLERANCE = 1e-4;

  @TempDir static Path cache;

  private static EncoderModel pytorchModel;
  private static EncoderModel onnxModel;
  private static TextEncoder pytorch;
  private static TextEncoder onnx;
  private static JsonNode reference;

  @BeforeAll
  static void load() {
    ModelSource source = ModelSource.forClasspath(T5Tiny.FOLDER).withCacheRoot(cache);
    pytorchModel = EncoderModel.load(T5Tiny.pytorchSpec(), source);
    onnxModel = EncoderModel.load(T5Tiny.onnxSpec(), source);
    pytorch = pytorchModel.newEncoder();
    onnx = onnxModel.newEncoder();
    reference = T5Tiny.reference();
  }

  @AfterAll
  static void close() {
    if (pytorch != null) {
      pytorch.close();
    }
    if (onnx != null) {
      onnx.close();
    }
    if (pytorchModel != null) {
      pytorchModel.close();
    }
    if (onnxModel != null) {
      onnxModel.close();
    }
  }

  @Test
  void shouldLoadTheEngineTheManifestNames() {
    assertThat(T5Tiny.pytorchSpec().engine()).isEqualTo("PyTorch");
    assertThat(T5Tiny.onnxSpec().engine()).isEqualTo("OnnxRuntime");
    assertThat(T5Tiny.pytorchSpec().inputs()).containsExactly("input_ids", "attention_mask");
    assertThat(pytorch.dimension()).isEqualTo(reference.at("/config/d_model").asInt());
  }

  @Test
  void shouldMatchThePythonReferenceOnBothEngines() {
    List<String> texts = texts(reference.at("/embeddings/texts"));
    JsonNode expected = reference.at("/embeddings/vectors");
    List<TextEmbedding> fromPytorch = pytorch.embed(texts);
    List<TextEmbedding> fromOnnx = onnx.embed(texts);

    double worstEngines = 0;
    double worstReference = 0;
    for (int i = 0; i < texts.size(); i++) {
      float[] want = T5Tiny.floats(expected.get(i));
      float[] pt = fromPytorch.get(i).vector();
      float[] ort = fromOnnx.get(i).vector();
      worstEngines = Math.max(worstEngines, T5Tiny.maxAbsDiff(pt, ort));
      worstReference =
          Math.max(
              worstReference, Math.max(T5Tiny.maxAbsDiff(pt, want), T5Tiny.maxAbsDiff(ort, want)));
      double norm = Math.sqrt(TextEncoderTest.dot(pt, pt));
      assertThat(norm).isCloseTo(1.0, within(1e-5));
    }
    System.out.printf(
        "T5 fixture: max |PyTorch - OnnxRuntime| = %.3g, max |engine - Python| = %.3g%n",
        worstEngines, worstReference);
    assertThat(worstEngines).isLessThan(ENGINE_TOLERANCE);
    assertThat(worstReference).isLessThan(ENGINE_TOLERANCE);
  }

  @Test
  void shouldGiveTheSameVectorsFromOnePredictorPerThread() throws Exception {
    List<String> texts = texts(reference.at("/embeddings/texts"));
    JsonNode expected = reference.at("/embeddings/vectors");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Double>> results = new ArrayList<>();
      for (EncoderModel model : List.of(pytorchModel, pytorchModel, onnxModel, onnxModel)) {
        results.add(
            threads.submit(
                () -> {
                  double worst = 0;
                  try (TextEncoder own = model.newEncoder()) {
                    for (int round = 0; round < 20; round++) {
                      List<TextEmbedding> got = own.embed(texts);
                      for (int i = 0; i < texts.size(); i++) {
                        worst =
                            Math.max(
                                worst,
                                T5Tiny.maxAbsDiff(
                                    got.get(i).vector(), T5Tiny.floats(expected.get(i))));
                      }
                    }
                  }
                  return worst;
                }));
      }
      for (Future<Double> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isLessThan(ENGINE_TOLERANCE);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void shouldIgnorePaddingWhenPoolingOnBothEngines() {
    String shortText = "hello";
    String longText = reference.at("/embeddings/texts/1").asText();
    for (TextEncoder encoder : List.of(pytorch, onnx)) {
      float[] alone = encoder.embed(shortText).vector();
      List<TextEmbedding> batch = encoder.embed(List.of(longText, shortText));

      assertThat(batch.get(0).tokens()).isGreaterThan(batch.get(1).tokens() * 3);
      assertThat(T5Tiny.maxAbsDiff(batch.get(1).vector(), alone)).isLessThan(1e-5);
    }
  }

  @Test
  void shouldTokenizeAsThePythonReference() throws IOException {
    JsonNode tokens = reference.at("/tokenizer");
    List<String> texts = texts(tokens.get("texts"));
    texts.add(tokens.get("chinese_text").asText());
    List<JsonNode> expected = new ArrayList<>();
    tokens.get("ids").forEach(expected::add);
    expected.add(tokens.get("chinese_ids"));

    Path file =
        ModelSource.forClasspath(T5Tiny.FOLDER)
            .withCacheRoot(cache)
            .resolve(T5Tiny.pytorchSpec().tokenizer());
    try (HuggingFaceTokenizer tokenizer =
        HuggingFaceTokenizer.builder().optTokenizerPath(file).optAddSpecialTokens(true).build()) {
      for (int i = 0; i < texts.size(); i++) {
        Encoding encoding = tokenizer.encode(texts.get(i));
        assertThat(encoding.getIds())
            .as("ids of %s", texts.get(i))
            .containsExactly(T5Tiny.longs(expected.get(i)));
      }
      Encoding yes = tokenizer.encode("yes Yes");
      assertThat(yes.getTokens()).containsExactly("\u2581yes", "\u2581Yes", "</s>");
    }
  }

  @Test
  void shouldReportUnknownTokensForChineseText() {
    String chinese = reference.at("/tokenizer/chinese_text").asText();
    TextEmbedding english = pytorch.embed("Please send a quote for 40 seats.");
    TextEmbedding chineseOnTorch = pytorch.embed(chinese);
    TextEmbedding chineseOnOnnx = onnx.embed(chinese);

    System.out.printf(
        "T5 fixture vocabulary: unknown-token ratio %.3f for the Chinese sample (%d tokens)%n",
        chineseOnTorch.unknownTokenRatio(), chineseOnTorch.tokens());
    assertThat(english.unknownTokenRatio()).isZero();
    assertThat(chineseOnTorch.unknownTokenRatio()).isGreaterThan(0.3);
    assertThat(chineseOnOnnx.unknownTokenRatio()).isEqualTo(chineseOnTorch.unknownTokenRatio());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }
}
