package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: an encoder manifest section whose files are {@code hf:} references loads through the
 * fake hub into the cache and on ONNX Runtime, embeds as Python did, and loads again with the hub
 * gone.
 */
class T5EncoderFromHubTest {

  @TempDir Path cache;
  @TempDir Path bundle;

  @Test
  void shouldLoadAnEncoderFromHfFilesAndMatchThePythonReference() throws IOException {
    EncoderSpec fromFolder = T5Tiny.onnxSpec();
    EncoderSpec fromHub =
        new EncoderSpec(
            fromFolder.engine(),
            onHub(fromFolder.model()),
            onHub(fromFolder.tokenizer()),
            fromFolder.inputs(),
            fromFolder.output(),
            fromFolder.pooling(),
            fromFolder.maxTokens(),
            fromFolder.dimension(),
            fromFolder.normalize(),
            fromFolder.unknownToken());
    JsonNode reference = T5Tiny.reference().at("/embeddings");
    List<String> texts = new ArrayList<>();
    reference.get("texts").forEach(text -> texts.add(text.asText()));

    try (FakeHub hub = FakeHub.start()) {
      ModelSource source =
          ModelSource.forFolder(bundle)
              .withCacheRoot(cache)
              .withHub(new HubSettings(hub.endpoint(), null, Duration.ofSeconds(20), null));
      assertThat(embedWorstDiff(fromHub, source, texts, reference)).isLessThan(1e-4);
      assertThat(hub.requests()).hasSize(3);
    }

    ModelSource offline = ModelSource.forFolder(bundle).withCacheRoot(cache);
    assertThat(embedWorstDiff(fromHub, offline, texts, reference)).isLessThan(1e-4);
  }

  private static double embedWorstDiff(
      EncoderSpec spec, ModelSource source, List<String> texts, JsonNode reference) {
    try (EncoderModel model = EncoderModel.load(spec, source);
        TextEncoder encoder = model.newEncoder()) {
      List<TextEmbedding> embeddings = encoder.embed(texts);
      double worst = 0;
      for (int i = 0; i < texts.size(); i++) {
        worst =
            Math.max(
                worst,
                T5Tiny.maxAbsDiff(
                    embeddings.get(i).vector(), T5Tiny.floats(reference.at("/vectors/" + i))));
      }
      return worst;
    }
  }

  private static ModelFile onHub(ModelFile file) {
    String source = "hf:" + FakeHub.OWNER + "/" + FakeHub.REPO + "/" + file.source();
    return new ModelFile(source, file.sha256(), file.size());
  }
}
