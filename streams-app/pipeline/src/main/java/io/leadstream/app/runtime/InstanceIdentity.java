package io.leadstream.app.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A stable identity for one instance, kept in its state directory: made on the first start, read on
 * every later one. As the consumer group's {@code group.instance.id} (static membership), it lets
 * an instance that restarts after a crash take its partitions back at once, instead of the group
 * waiting a session time-out for the member that died.
 */
final class InstanceIdentity {

  static final String FILE = "leadstream-instance-id";

  private InstanceIdentity() {}

  /** The id kept in {@code stateDir}, made now if there is none. */
  static String in(Path stateDir) {
    Path file = stateDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String id = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!id.isEmpty()) {
          return id;
        }
      }
      Files.createDirectories(stateDir);
      String id = "leadstream-" + UUID.randomUUID();
      Path staged = stateDir.resolve(FILE + ".new");
      Files.writeString(staged, id, StandardCharsets.UTF_8);
      Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot keep this instance's identity in " + file + ": " + e.getMessage(), e);
    }
  }
}
