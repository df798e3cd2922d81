package io.leadstream.tools.retrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * The one change of a bundle folder under way: a lock on {@code <name>.lock} beside it, held by a
 * retraining run from reading the manifest to promoting, and by a rollback, so that two runs (an
 * overlapping cron job, a rollback during a retrain) never move the folder at once. An operating
 * system lock: released when the work ends or the process does, however it ends; the file stays.
 */
public final class BundleLock {

  private BundleLock() {}

  /**
   * Does {@code work} holding the lock of the bundle folder {@code bundle}.
   *
   * @throws IllegalStateException when another run holds it, without doing the work
   */
  public static <T> T holding(Path bundle, Supplier<T> work) {
    Path normalized = bundle.toAbsolutePath().normalize();
    Path file = normalized.resolveSibling(normalized.getFileName() + ".lock");
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new IllegalStateException(
            "another retrain or rollback of " + normalized + " is running (it holds " + file + ")");
      }
      // closing the channel releases the lock
      return work.get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // held in this process
      return null;
    }
  }
}
