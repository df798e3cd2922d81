package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.Test;

/** A manifest's maxTokens is the longest text the encoder reads, above DJL's own cap too. */
class MaxTokensTest {

  @Test
  void shouldTruncateToTheManifestsMaxTokensAboveDjlsOwn512() throws Exception {
    ModelSource classpath = ModelSource.forClasspath("");
    try (HuggingFaceTokenizer tokenizer =
        PaddedBatch.tokenizer(classpath.resolve(MiniLm.spec().tokenizer()), 600, false)) {
      assertThat(tokenizer.encode("lead ".repeat(700)).getIds()).hasSize(600);
    }
  }

  @Test
  void shouldReadTextsOfTheModelsWholeLength() {
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
