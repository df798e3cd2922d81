package io.leadstream.app.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.models.bundle.BundleCopy;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.inference.EditedTokenizers;
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
  private static final String EDITED_TOKENIZER = "tokenizer-edited.json";

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
   * Gives the bundle's encoder a tokenizer that names an unknown token its vocabulary lacks ({@link
   * EditedTokenizers#withUnknownTokenItsVocabularyLacks}): a text with a character it cannot split,
   * such as {@link EditedTokenizers#CHARACTER_MINILM_CANNOT_SPLIT}, fails in the tokenizer, every
   * other text reads as before. The tokenizer is written into the bundle and the manifest names it.
   */
  public static void nameAnUnknownTokenTheVocabularyLacks(Path bundle) {
    try {
      BundleManifest manifest =
          BundleManifest.fromJson(Files.readAllBytes(bundle.resolve(BundleManifest.FILE_NAME)));
      Path shipped = ModelSource.forFolder(bundle).resolve(manifest.encoder().tokenizer());
      byte[] bytes = EditedTokenizers.withUnknownTokenItsVocabularyLacks(shipped);
      Files.write(bundle.resolve(EDITED_TOKENIZER), bytes);
      String sha256 = Sha256.of(bytes);
      editManifest(
          bundle,
          edited ->
              ((ObjectNode) edited.get("encoder").get("tokenizer"))
                  .put("source", EDITED_TOKENIZER)
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
