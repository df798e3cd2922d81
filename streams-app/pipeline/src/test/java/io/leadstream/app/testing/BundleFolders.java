package io.leadstream.app.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadstream.models.bundle.BundleCopy;
import io.leadstream.models.bundle.BundleManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/** Bundle folders for tests: a shipped bundle copied out of the class path, then edited. */
public final class BundleFolders {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  public static void setVersion(Path bundle, String version) {
    editManifest(bundle, manifest -> manifest.put("version", version));
  }
}
