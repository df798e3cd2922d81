package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.leadstream.models.BundleException;
import org.junit.jupiter.api.Test;

class EncoderModelLoadTest {

  @Test
  void shouldTruncateToTheManifestsMaxTokensAboveDjlsOwn512() throws Exception {
    ModelSource classpath = ModelSource.forClasspath("");
    try (HuggingFaceTokenizer tokenizer =
        PaddedBatch.tokenizer(classpath.resolve(MiniLm.spec().tokenizer()), 600, false)) {
      assertThat(tokenizer.encode("lead ".repeat(700)).getIds()).hasSize(600);
    }
  }

  @Test
  void shouldRefuseAManifestAllowingLongerTextsThanTheModelReads() {
    // all-MiniLM-L6-v2 has 512 position embeddings: a 600-token text fails in ONNX Runtime
    EncoderSpec miniLm = MiniLm.spec();
    EncoderSpec tooLong =
        new EncoderSpec(
            miniLm.engine(),
            miniLm.model(),
            miniLm.tokenizer(),
            miniLm.inputs(),
            miniLm.output(),
            miniLm.pooling(),
            600,
            miniLm.dimension(),
            miniLm.normalize(),
            miniLm.unknownToken());

    assertThatThrownBy(() -> EncoderModel.load(tooLong, ModelSource.forClasspath("")))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("all-minilm-l6-v2.onnx")
        .hasMessageContaining("fails on a text of maxTokens (600) tokens");
  }

  @Test
  void shouldLoadAManifestWhoseLongestTextTheModelReads() {
    EncoderSpec miniLm = MiniLm.spec();
    EncoderSpec longest =
        new EncoderSpec(
            miniLm.engine(),
            miniLm.model(),
            miniLm.tokenizer(),
            miniLm.inputs(),
            miniLm.output(),
            miniLm.pooling(),
            512,
            miniLm.dimension(),
            miniLm.normalize(),
            miniLm.unknownToken());

    try (EncoderModel model = EncoderModel.load(longest, ModelSource.forClasspath(""));
        TextEncoder encoder = model.newEncoder()) {
      assertThat(encoder.embed("lead ".repeat(700)).tokens()).isEqualTo(512);
    }
  }
}
