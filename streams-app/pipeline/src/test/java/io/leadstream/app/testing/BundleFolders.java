package io.leadstream.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.models.bundle.BundleCopy;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/** Bundle folders for tests: a shipped bundle copied out of the class path, then edited. */
public final class BundleFolders {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXTENDED_TOKENIZER = "tokenizer-extended.json";

  private BundleFolders() {}

  /**
   * Copies {@code classpath:bundles/<name>} (manifest and every file it lists) into {@code target}.
   */
  public static Path copyShipped(String name, Path target) {
    return BundleCopy.copy("classpath:bundles/" + name, target);
  }

  /**
   * Rewrites the manifest the way a deployment would: a new file moved into place, so that a
   * reloader never reads half of it.
   */
  public static void editManifest(Path bundle, Consumer<ObjectNode> edit) {
    try {
      ObjectNode manifest =
          (ObjectNode) JSON.readTree(bundle.resolve(BundleManifest.FILE_NAME).toFile());
      edit.accept(manifest);
      Path staged = bundle.resolve(BundleManifest.FILE_NAME + ".new");
      JSON.writerWithDefaultPrettyPrinter().writeValue(staged.toFile(), manifest);
      Files.move(
          staged,
          bundle.resolve(BundleManifest.FILE_NAME),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Gives the bundle's encoder a tokenizer that knows {@code word} as one token more than the
   * model's embeddings have rows, the way a tokenizer extended without resizing its model is: a
   * text with that word fails in ONNX Runtime (an index out of bounds), every other text reads as
   * before. The tokenizer is written into the bundle and the manifest names it.
   */
  public static void addTokenTheEncoderLacks(Path bundle, String word) {
    try {
      BundleManifest manifest =
          BundleManifest.fromJson(Files.readAllBytes(bundle.resolve(BundleManifest.FILE_NAME)));
      Path shipped = ModelSource.forFolder(bundle).resolve(manifest.encoder().tokenizer());
      ObjectNode tokenizer = (ObjectNode) JSON.readTree(shipped.toFile());
      JsonNode vocab = tokenizer.get("model").get("vocab"); // Unigram: a list; WordPiece: ids
      int next = vocab.size();
      if (vocab.isObject()) {
        for (JsonNode id : vocab) {
          next = Math.max(next, id.asInt() + 1);
        }
      }
      ((ArrayNode) tokenizer.get("added_tokens"))
          .addObject()
          .put("id", next)
          .put("content", word)
          .put("single_word", false)
          .put("lstrip", false)
          .put("rstrip", false)
          .put("normalized", true)
          .put("special", false);
      byte[] bytes = JSON.writeValueAsBytes(tokenizer);
      Files.write(bundle.resolve(EXTENDED_TOKENIZER), bytes);
      String sha256 = Sha256.of(bytes);
      editManifest(
          bundle,
          edited ->
              ((ObjectNode) edited.get("encoder").get("tokenizer"))
                  .put("source", EXTENDED_TOKENIZER)
                  .put("sha256", sha256)
                  .put("size", bytes.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void setVersion(Path bundle, String version) {
    editManifest(bundle, manifest -> manifest.put("version", version));
  }
}
