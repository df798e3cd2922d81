package io.leadstream.tools.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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

  /**
   * The bytes of the regular files in a folder and its subfolders; 0 when it does not exist. A
   * folder in use may lose files while it is walked (RocksDB compacts), so it is walked again then.
   */
  public static long bytes(Path dir) {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      if (!Files.isDirectory(dir)) {
        return 0;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        List<Path> files = paths.filter(Files::isRegularFile).toList();
        long total = 0;
        for (Path file : files) {
          total += sizeOrZero(file);
        }
        return total;
      } catch (IOException e) {
        last = e;
      } catch (UncheckedIOException e) {
        last = e.getCause();
      }
    }
    throw new UncheckedIOException("Could not measure the folder " + dir, last);
  }

  /** A file's size, 0 when it went away since it was listed (RocksDB replaces files as it runs). */
  private static long sizeOrZero(Path file) throws IOException {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0;
    }
  }
}
