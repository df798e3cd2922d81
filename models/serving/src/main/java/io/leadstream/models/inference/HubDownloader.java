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
 * <p>A cached file whose size and SHA-256 match the {@link Expected} ones is returned without any
 * network access. Otherwise the file is downloaded into {@code <file>.part}: a transfer that breaks
 * off or stalls after making progress is resumed with a {@code Range} request (up to {@value
 * #MAX_BREAKS} times per call, and on the next call when that is exhausted); a refused range, or a
 * resumed file whose hash is wrong, starts once more from zero. Only a file with the expected size
 * and hash is moved (atomically) to its place. A file expected with no hash ({@link
 * Expected#unknown}) is taken as it is, from the cache when there, else as the server sends it; the
 * caller pins what it got. Downloads into one cache are serialized across threads and processes by
 * a lock file, {@code <cache>/hf/.lock}.
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
   * What a file must be, and who says so, for the messages when it is not.
   *
   * @param sha256 the SHA-256; null when unknown (any content is taken)
   * @param size the size; 0 when unknown (the server's is taken)
   * @param by who says so, e.g. {@code the manifest}
   * @param remedy the last sentence of a mismatch message: what to do about it
   */
  record Expected(String sha256, long size, String by, String remedy) {

    /** What the manifest says of an {@code hf:} file. */
    static Expected manifest(HfFile file, ModelFile entry) {
      return new Expected(
          entry.sha256(),
          entry.size(),
          "the manifest",
          "If the repository changed, pin a revision ("
              + file
              + "@<commit>) or update the manifest.");
    }

    /** Nothing is known: the file is taken as it comes, to be pinned. */
    static Expected unknown() {
      return new Expected(null, 0, null, null);
    }

    boolean accepts(long actualSize, String actualSha256) {
      return (size <= 0 || actualSize == size) && (sha256 == null || actualSha256.equals(sha256));
    }
  }

  /**
   * A verified file in the cache, its SHA-256 and size, whether it was downloaded now (rather than
   * found in the cache), and the commit the hub said the revision was at (null when it was not
   * downloaded or the hub did not say).
   */
  record Fetched(Path path, String sha256, long size, boolean downloaded, String commit) {}

  /**
   * Returns the cached file, downloading it first when it is absent or differs from what is
   * expected.
   *
   * @throws BundleException naming the file, and saying what to do, when it cannot be had
   */
  Fetched fetch(HfFile file, Expected expected) {
    Path target = file.cachePath(cacheRoot);
    try {
      Fetched cached = cached(target, expected);
      if (cached != null) {
        return cached;
      }
      Files.createDirectories(target.getParent());
      return locked(
          () -> {
            Fetched now = cached(target, expected);
            return now != null ? now : download(file, expected, target);
          });
    } catch (InterruptedIOException e) {
      throw new BundleException(file + ": download interrupted", e);
    } catch (IOException e) {
      throw new BundleException(file + ": cannot use the cache " + target + ": " + e, e);
    }
  }

  private Fetched download(HfFile file, Expected expected, Path target) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    URI url = file.url(settings.endpoint());
    long total = expected.size();
    long started = System.nanoTime();
    LOG.info(
        "Downloading {} ({}) from {}",
        file,
        total > 0 ? total + " bytes" : "size not in the manifest",
        url);
    boolean restarted = false;
    int breaks = 0;
    while (true) {
      long have = sizeOf(part);
      if (have > 0 && total > 0 && have >= total) {
        String sha256 = Sha256.of(part);
        if (have == total && expected.accepts(have, sha256)) {
          return moveIntoPlace(
              file, part, target, started, new Fetched(target, sha256, have, true, null));
        }
        Files.delete(part);
        have = 0;
      } else if (have > 0) {
        LOG.info("Resuming {} at byte {} of {}", file, have, total > 0 ? total : "an unknown size");
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
        if (expected.accepts(complete.size(), complete.sha256())) {
          return moveIntoPlace(
              file,
              part,
              target,
              started,
              new Fetched(target, complete.sha256(), complete.size(), true, complete.commit()));
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

  private static Fetched moveIntoPlace(
      HfFile file, Path part, Path target, long started, Fetched fetched) throws IOException {
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    LOG.info(
        "Downloaded {} ({} bytes in {} ms) to {}",
        file,
        fetched.size(),
        (System.nanoTime() - started) / 1_000_000,
        target);
    return fetched;
  }

  /** The cached file when it is what is expected; null when it is absent or is not. */
  private static Fetched cached(Path file, Expected expected) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    long size = Files.size(file);
    if (expected.size() > 0 && size != expected.size()) {
      return null;
    }
    String sha256 = Sha256.of(file);
    return expected.accepts(size, sha256) ? new Fetched(file, sha256, size, false, null) : null;
  }

  private static long sizeOf(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.size(file) : 0;
  }

  private interface CacheWork {
    Fetched run() throws IOException;
  }

  private Fetched locked(CacheWork work) throws IOException {
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
