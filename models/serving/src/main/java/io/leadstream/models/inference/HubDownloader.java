package io.leadstream.models.inference;

import io.leadstream.models.BundleException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@code hf:} files into the local cache once and serves them from there afterwards.
 *
 * <p>A cached file whose size and SHA-256 match the manifest is returned without any network
 * access. Otherwise the file is downloaded into {@code <file>.part}: a transfer that breaks off or
 * stalls after making progress is resumed with a {@code Range} request (up to {@value #MAX_BREAKS}
 * times per call, and on the next call when that is exhausted); a refused range, or a resumed file
 * whose hash is wrong, starts once more from zero. Only a file with the manifest's size and hash is
 * moved (atomically) to its place. Downloads into one cache are serialized across threads and
 * processes by a lock file, {@code <cache>/hf/.lock}.
 */
final class HubDownloader {

  private static final Logger LOG = LoggerFactory.getLogger(HubDownloader.class);
  private static final int MAX_BREAKS = 3;
  // FileLock is per process; threads of one JVM queue here first
  private static final ReentrantLock JVM_LOCK = new ReentrantLock();

  private final HubSettings settings;
  private final Path cacheRoot;
  private final HubTransfer transfer;

  HubDownloader(HubSettings settings, Path cacheRoot) {
    this.settings = settings;
    this.cacheRoot = cacheRoot;
    this.transfer = new HubTransfer(settings);
  }

  /**
   * Returns the cached file, downloading it first when it is absent or differs from the manifest.
   *
   * @throws BundleException naming the file, and saying what to do, when it cannot be had
   */
  Path fetch(HfFile file, ModelFile expected) {
    Path target = file.cachePath(cacheRoot);
    try {
      if (matches(target, expected)) {
        return target;
      }
      Files.createDirectories(target.getParent());
      return locked(() -> matches(target, expected) ? target : download(file, expected, target));
    } catch (InterruptedIOException e) {
      throw new BundleException(file + ": download interrupted", e);
    } catch (IOException e) {
      throw new BundleException(file + ": cannot use the cache " + target + ": " + e, e);
    }
  }

  private Path download(HfFile file, ModelFile expected, Path target) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    URI url = file.url(settings.endpoint());
    long total = expected.size();
    long started = System.nanoTime();
    LOG.info("Downloading {} ({} bytes) from {}", file, total, url);
    boolean restarted = false;
    int breaks = 0;
    while (true) {
      long have = sizeOf(part);
      if (have > 0 && have >= total) {
        if (have == total && Sha256.of(part).equals(expected.sha256())) {
          return moveIntoPlace(file, part, target, started);
        }
        Files.delete(part);
        have = 0;
      } else if (have > 0) {
        LOG.info("Resuming {} at byte {} of {}", file, have, total);
      }
      HubTransfer.Outcome outcome;
      try {
        outcome = transfer.run(url, part, have, total, file.toString());
      } catch (HubTransfer.Unreachable e) {
        throw new BundleException(
            HubErrors.unreachable(file, settings, e, target, sizeOf(part)), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted at byte " + sizeOf(part));
      } catch (IOException e) {
        long now = sizeOf(part);
        if (now > have && breaks < MAX_BREAKS) {
          breaks++;
          LOG.warn(
              "{}: download broke off at byte {} of {} ({}); resuming",
              file,
              now,
              total,
              HubErrors.reason(e));
          continue;
        }
        throw new BundleException(
            file
                + ": download from "
                + url
                + " broke off at byte "
                + now
                + " of "
                + total
                + " ("
                + HubErrors.reason(e)
                + "); the partial file "
                + part
                + " is kept and the next attempt resumes it",
            e);
      }
      if (outcome instanceof HubTransfer.Complete complete) {
        if (complete.size() == total && complete.sha256().equals(expected.sha256())) {
          return moveIntoPlace(file, part, target, started);
        }
        Files.deleteIfExists(part);
        if (complete.resumed() && !restarted) {
          restarted = true;
          LOG.warn("{}: resumed download has the wrong hash; starting again from zero", file);
          continue;
        }
        throw new BundleException(
            HubErrors.corrupted(file, expected, complete.size(), complete.sha256(), url));
      }
      if (outcome instanceof HubTransfer.RangeRefused refused) {
        Files.deleteIfExists(part);
        if (!restarted) {
          restarted = true;
          LOG.warn(
              "{}: server did not resume ({}); starting again from zero", file, refused.detail());
          continue;
        }
        throw new BundleException(file + ": " + url + " cannot be resumed: " + refused.detail());
      }
      if (outcome instanceof HubTransfer.WrongSize wrong) {
        Files.deleteIfExists(part);
        throw new BundleException(HubErrors.wrongSize(file, expected, wrong.announced(), url));
      }
      throw new BundleException(HubErrors.rejected(file, settings, (HubTransfer.Rejected) outcome));
    }
  }

  private static Path moveIntoPlace(HfFile file, Path part, Path target, long started)
      throws IOException {
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    LOG.info(
        "Downloaded {} ({} bytes in {} ms) to {}",
        file,
        Files.size(target),
        (System.nanoTime() - started) / 1_000_000,
        target);
    return target;
  }

  private static boolean matches(Path file, ModelFile expected) throws IOException {
    return Files.isRegularFile(file)
        && Files.size(file) == expected.size()
        && Sha256.of(file).equals(expected.sha256());
  }

  private static long sizeOf(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.size(file) : 0;
  }

  private interface CacheWork {
    Path run() throws IOException;
  }

  private Path locked(CacheWork work) throws IOException {
    Path lockFile = cacheRoot.resolve("hf").resolve(".lock");
    JVM_LOCK.lock();
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.lock();
      try {
        return work.run();
      } finally {
        lock.release();
      }
    } finally {
      JVM_LOCK.unlock();
    }
  }
}
