package io.leadstream.app.evaluation;

import io.leadstream.models.BundleException;
import io.leadstream.models.bundle.BundleManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a bundle's card, its manifest, without loading or verifying its models: the hold-out
 * figures are all {@code evaluate} needs.
 */
public final class Cards {

  private static final String CLASSPATH = "classpath:";

  private Cards() {}

  /**
   * The manifest of the bundle in a folder, or on the class path when {@code location} starts with
   * {@code classpath:}.
   *
   * @throws BundleException when there is no manifest or it cannot be read
   */
  public static BundleManifest read(String location) {
    return BundleManifest.fromJson(bytes(location));
  }

  private static byte[] bytes(String location) {
    if (location.startsWith(CLASSPATH)) {
      String resource =
          stripSlashes(location.substring(CLASSPATH.length())) + "/" + BundleManifest.FILE_NAME;
      try (InputStream in = Cards.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new BundleException("no bundle at " + location + ": " + resource + " not found");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path manifest = Path.of(location).resolve(BundleManifest.FILE_NAME);
    try {
      return Files.readAllBytes(manifest);
    } catch (NoSuchFileException e) {
      throw new BundleException("no bundle at " + location + ": " + manifest + " not found", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest, e);
    }
  }

  private static String stripSlashes(String path) {
    String stripped = path;
    while (stripped.startsWith("/")) {
      stripped = stripped.substring(1);
    }
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }
}
