package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What meets a broken tokenizer. One with a token more than its model has embeddings for fails the
 * load, naming the tokenizer and the id, instead of failing on each text with that token. One that
 * fails on a text (an unknown token its vocabulary lacks) fails that call with an exception, also
 * in a batch: DJL's batch tokenizer would abort the JVM.
 */
class BrokenTokenizerTest {

  @TempDir Path folder;

  @Test
  void shouldRefuseAMiniLmWhoseTokenizerHasATokenBeyondItsEmbeddings() throws IOException {
    ModelSource classpath = ModelSource.forClasspath("");
    for (EncoderSpec shipped : new EncoderSpec[] {MiniLm.spec(), NamedEncoders.miniLmQuantized()}) {
      // a word the vocabulary has under another id: the added token's id counts all the same
      ModelFile extended = extended(classpath.resolve(shipped.tokenizer()), "budget");
      EncoderSpec spec = withFiles(shipped, classpathFile(shipped.model(), ""), extended);

      assertThatThrownBy(() -> EncoderModel.load(spec, ModelSource.forFolder(folder)))
          .isInstanceOf(BundleException.class)
          .hasMessageStartingWith(
              "tokenizer-extended.json: the tokenizer has token ids up to 30522 but the model"
                  + " fails on id 30522");
    }
  }

  @Test
  void shouldRefuseAZeroShotT5WhoseTokenizerHasATokenBeyondItsEmbeddings() throws IOException {
    ModelSource tiny = ModelSource.forClasspath(T5Tiny.FOLDER);
    ZeroShotSpec shipped = T5Tiny.read("zero-shot-onnx.json", ZeroShotSpec.class);
    long extra = EditedTokenizers.highestId(tiny.resolve(shipped.tokenizer())) + 1;
    ZeroShotSpec spec =
        new ZeroShotSpec(
            shipped.engine(),
            classpathFile(shipped.encoder(), T5Tiny.FOLDER + "/"),
            classpathFile(shipped.decoderStep(), T5Tiny.FOLDER + "/"),
            extended(tiny.resolve(shipped.tokenizer()), "zebracorn"),
            shipped.promptTemplate(),
            shipped.yesAnswers(),
            shipped.noAnswers(),
            shipped.decoderStartTokenId(),
            shipped.maxTokens(),
            shipped.prior(),
            shipped.decoderNames());

    assertThatThrownBy(() -> ZeroShotOpportunity.load(spec, ModelSource.forFolder(folder)))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(
            "tokenizer-extended.json: the tokenizer has token ids up to "
                + extra
                + " but the model fails on id "
                + extra);
  }

  @Test
  void shouldThrowTheTokenizersErrorOnOneTextOfABatch() throws IOException {
    EncoderSpec miniLm = MiniLm.spec();
    byte[] bytes =
        EditedTokenizers.withUnknownTokenItsVocabularyLacks(
            ModelSource.forClasspath("").resolve(miniLm.tokenizer()));
    EncoderSpec spec =
        withFiles(
            miniLm, classpathFile(miniLm.model(), ""), written("tokenizer-edited.json", bytes));

    try (EncoderModel model = EncoderModel.load(spec, ModelSource.forFolder(folder));
        TextEncoder encoder = model.newEncoder()) {
      assertThat(encoder.embed(List.of("Budget approved.", "Send the quote."))).hasSize(2);
      String unsplittable = "Their logo " + EditedTokenizers.CHARACTER_MINILM_CANNOT_SPLIT;
      assertThatThrownBy(
              () -> encoder.embed(List.of("Budget approved.", unsplittable, "Send the quote.")))
          .isInstanceOf(TextEncodingException.class)
          .hasRootCauseMessage("WordPiece error: Missing [UNK] token from the vocabulary");
    }
  }

  /** The tokenizer with {@code word} added after its highest id, written into the folder. */
  private ModelFile extended(Path tokenizer, String word) throws IOException {
    return written(
        "tokenizer-extended.json", EditedTokenizers.withTokenBeyondItsIds(tokenizer, word));
  }

  private ModelFile written(String name, byte[] bytes) throws IOException {
    Files.write(folder.resolve(name), bytes);
    return new ModelFile(name, Sha256.of(bytes), bytes.length);
  }

  private static ModelFile classpathFile(ModelFile file, String prefix) {
    return file.source().startsWith("classpath:")
        ? file
        : new ModelFile("classpath:" + prefix + file.source(), file.sha256(), file.size());
  }

  private static EncoderSpec withFiles(EncoderSpec spec, ModelFile model, ModelFile tokenizer) {
    return new EncoderSpec(
        spec.engine(),
        model,
        tokenizer,
        spec.inputs(),
        spec.output(),
        spec.pooling(),
        spec.maxTokens(),
        spec.dimension(),
        spec.normalize(),
        spec.unknownToken(),
        spec.lowercase(),
        spec.language(),
        spec.maxBatch());
  }
}
