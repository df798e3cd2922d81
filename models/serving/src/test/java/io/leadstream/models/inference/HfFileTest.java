package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.BundleException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing {@code hf:} references into hub URLs and cache paths. */
class HfFileTest {

  private static final URI HUB = URI.create("https://huggingface.co");

  @Test
  void shouldDefaultToTheMainRevision() {
    HfFile file = HfFile.parse("hf:Xenova/flan-t5-small/onnx/encoder_model.onnx");

    assertThat(file)
        .isEqualTo(new HfFile("Xenova", "flan-t5-small", "onnx/encoder_model.onnx", "main"));
    assertThat(file.url(HUB))
        .hasToString(
            "https://huggingface.co/Xenova/flan-t5-small/resolve/main/onnx/encoder_model.onnx");
    assertThat(file.cachePath(Path.of("/cache")))
        .isEqualTo(Path.of("/cache/hf/Xenova/flan-t5-small/main/onnx/encoder_model.onnx"));
    assertThat(file).hasToString("hf:Xenova/flan-t5-small/onnx/encoder_model.onnx");
  }

  @Test
  void shouldTakeTheRevisionAfterTheLastAtSign() {
    HfFile file = HfFile.parse("hf:Xenova/flan-t5-small/tokenizer.json@refs/pr/1");

    assertThat(file.path()).isEqualTo("tokenizer.json");
    assertThat(file.revision()).isEqualTo("refs/pr/1");
    assertThat(file.url(URI.create("http://mirror.local:8080/hf/")))
        .hasToString(
            "http://mirror.local:8080/hf/Xenova/flan-t5-small/resolve/refs%2Fpr%2F1/"
                + "tokenizer.json");
    assertThat(file.cachePath(Path.of("/cache")))
        .isEqualTo(Path.of("/cache/hf/Xenova/flan-t5-small/refs%2Fpr%2F1/tokenizer.json"));
    assertThat(file).hasToString("hf:Xenova/flan-t5-small/tokenizer.json@refs/pr/1");
  }

  @Test
  void shouldNameTheFileWithoutTheRevision() {
    ModelFile pinned = new ModelFile("hf:o/r/onnx/decoder_model.onnx@3d9f1c2", "00", 1);

    assertThat(pinned.fileName()).isEqualTo("decoder_model.onnx");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hf:Xenova/flan-t5-small",
        "hf:Xenova/flan-t5-small/",
        "hf:../etc/passwd",
        "hf:Xenova/flan-t5-small/../../../etc/passwd",
        "hf:Xenova/flan-t5-small/onnx//model.onnx",
        "hf:Xenova/flan-t5-small/model.onnx@../../x",
        "hf:Xenova/flan-t5-small/model.onnx@",
      })
  void shouldRejectMalformedReferencesWithTheExpectedSyntax(String source) {
    assertThatThrownBy(() -> HfFile.parse(source))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(source + ": not a Hugging Face file reference")
        .hasMessageContaining("expected hf:<owner>/<repo>/<file path>[@<revision>]");
  }
}
