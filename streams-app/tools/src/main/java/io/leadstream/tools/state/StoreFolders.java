package io.leadstream.tools.state;

import io.leadstream.tools.embedded.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The bytes a persistent store takes on disk: its RocksDB folders in every task's folder. */
final class StoreFolders {

  private StoreFolders() {}

  /**
   * @param applicationStateDir the application's folder in the state directory, holding one folder
   *     per task
   * @return the bytes of the store's files, 0 when it has none (an in-memory store)
   */
  static long bytes(Path applicationStateDir, String store) {
    if (!Files.isDirectory(applicationStateDir)) {
      return 0;
    }
    try (Stream<Path> tasks = Files.list(applicationStateDir)) {
      long total = 0;
      for (Path task : tasks.toList()) {
        Path folder = task.resolve("rocksdb").resolve(store);
        if (Files.isDirectory(folder)) {
          total += Folders.bytes(folder);
        }
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not measure the state folder " + applicationStateDir, e);
    }
  }
}
