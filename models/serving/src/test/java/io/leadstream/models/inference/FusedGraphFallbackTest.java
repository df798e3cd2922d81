package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import io.leadstream.models.inference.graph.EncoderGraphFusion;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A fused graph ONNX Runtime refuses costs the speed-up, not the encoder. */
class FusedGraphFallbackTest {

  @Test
  void shouldLoadTheFileWhenOnnxRuntimeRefusesTheFusedGraph() throws Exception {
    LocatedEncoder encoder = LocatedEncoder.named(NamedEncoders.MINILM_QUANTIZED);
    Path file = encoder.source().resolve(encoder.spec().model());
    EncoderGraphFusion.Fused refused =
        new EncoderGraphFusion.Fused(new byte[] {0x0A, 0x7F, 0x01}, 6, 12, 12);

    try (Model model = Model.newInstance("fallback", "OnnxRuntime")) {
      EncoderModel.loadGraph(
          model,
          file,
          "all-minilm-l6-v2-q",
          "OnnxRuntime",
          InferenceOptions.SINGLE_THREADED_CALLS,
          Optional.of(refused));

      assertThat(model.describeInput().keys())
          .contains("input_ids", "attention_mask", "token_type_ids");
    }
  }
}
