package io.leadstream.tools.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system chores. */
public final class Folders {

  private Folders() {}

  /**
   * Deletes a folder and everything in it, as far as it can: a temp folder left behind is harmless.
   */
  public static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // nothing more to do
    }
  }
}
