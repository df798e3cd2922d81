package io.leadstream.models.inference.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.NamedEncoders;
import io.leadstream.models.inference.TextEmbedding;
import io.leadstream.models.inference.TextEncoder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fused MiniLM graphs compute what the exported ones do, with one attention node a layer. */
class EncoderGraphFusionTest {

  /** Of very different lengths, so that a padded batch masks most of its positions. */
  private static final List<String> TEXTS =
      List.of(
          "Budget approved, we want to sign before the end of the quarter.",
          "Hi",
          "We run 14 warehouses across three countries and our current routing tool cannot keep "
              + "up with same-day orders; the operations director asked for a proposal covering "
              + "fleet tracking, driver apps and an API for our ERP, with pricing for 250 vehicles "
              + "and a pilot in the Rotterdam depot next month.",
          "",
          "Student asking about football clubs for a thesis.");

  @ParameterizedTest
  @ValueSource(strings = {NamedEncoders.MINILM, NamedEncoders.MINILM_QUANTIZED})
  void shouldEmbedAsTheExportedGraphDoes(String name) {
    LocatedEncoder encoder = LocatedEncoder.named(name);
    List<TextEmbedding> fused = embed(encoder, InferenceOptions.SINGLE_THREADED_CALLS);
    List<TextEmbedding> exported =
        embed(encoder, InferenceOptions.SINGLE_THREADED_CALLS.withoutGraphFusion());

    for (int i = 0; i < TEXTS.size(); i++) {
      float[] a = fused.get(i).vector();
      float[] b = exported.get(i).vector();
      float largest = 0;
      for (int d = 0; d < a.length; d++) {
        largest = Math.max(largest, Math.abs(a[d] - b[d]));
      }
      // int8: the same quantized products in the same order, so the same floats
      float allowed = name.equals(NamedEncoders.MINILM_QUANTIZED) ? 0f : 1e-5f;
      assertThat(largest).as("largest difference in text %d", i).isLessThanOrEqualTo(allowed);
    }
  }

  @Test
  void shouldFuseEveryLayerOfTheInt8MiniLm() throws Exception {
    EncoderGraphFusion.Fused fused =
        EncoderGraphFusion.fuse(modelFile(NamedEncoders.MINILM_QUANTIZED)).orElseThrow();

    // per layer: QAttention; attention-output and feed-forward-output biases; two residual norms
    assertThat(fused.attentions()).isEqualTo(6);
    assertThat(fused.biases()).isEqualTo(12);
    assertThat(fused.skipLayerNorms()).isEqualTo(12);
    assertLoads(fused);
  }

  @Test
  void shouldFuseEveryLayerOfTheFloatMiniLm() throws Exception {
    EncoderGraphFusion.Fused fused =
        EncoderGraphFusion.fuse(modelFile(NamedEncoders.MINILM)).orElseThrow();

    assertThat(fused.attentions()).isEqualTo(6);
    assertThat(fused.biases()).isZero();
    assertThat(fused.skipLayerNorms()).isEqualTo(12);
    assertLoads(fused);
  }

  @Test
  void shouldLeaveAGraphWithoutThoseBlocksAlone() throws Exception {
    Path t5 =
        Path.of(Objects.requireNonNull(getClass().getResource("/t5-tiny/encoder.onnx")).toURI());

    assertThat(EncoderGraphFusion.fuse(t5)).isEmpty();
  }

  private static void assertLoads(EncoderGraphFusion.Fused fused) throws Exception {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session =
            OrtEnvironment.getEnvironment().createSession(fused.model(), options)) {
      assertThat(session.getInputNames()).contains("input_ids", "attention_mask");
    }
  }

  private static Path modelFile(String name) throws URISyntaxException {
    LocatedEncoder encoder = LocatedEncoder.named(name);
    return encoder.source().resolve(encoder.spec().model());
  }

  /** The texts in one call: one padded batch for fp32 MiniLM, one text a call for int8. */
  private static List<TextEmbedding> embed(LocatedEncoder encoder, InferenceOptions options) {
    try (EncoderModel model = encoder.load(options);
        TextEncoder textEncoder = model.newEncoder()) {
      return textEncoder.embed(TEXTS);
    }
  }
}
