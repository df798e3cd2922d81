package io.leadstream.models.bundle;

import io.leadstream.models.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Copies a bundle's own files out of a folder or the class path into a folder. */
public final class BundleCopy {

  private BundleCopy() {}

  /**
   * Copies the manifest and every file it lists of the bundle at {@code location} (a folder, or
   * {@code classpath:bundles/<name>}) into {@code target}, creating it; the encoder's model files,
   * named by their own sources, are not copied.
   *
   * @return {@code target}
   * @throws BundleException when a file is missing or cannot be read or written
   */
  public static Path copy(String location, Path target) {
    BundleFiles from = BundleFiles.at(location);
    byte[] manifest = from.read(BundleManifest.FILE_NAME);
    List<String> files = new ArrayList<>(List.of(BundleManifest.FILE_NAME));
    files.addAll(BundleManifest.fromJson(manifest).files().keySet());
    try {
      for (String file : files) {
        Path written = target.resolve(file);
        Files.createDirectories(written.getParent());
        Files.write(written, from.read(file));
      }
    } catch (IOException e) {
      throw new BundleException("cannot copy bundle " + from + " into " + target + ": " + e, e);
    }
    return target;
  }
}
