package io.leadstream.models.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leadstream.models.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lock file {@value #FILE_NAME} beside a manifest (or an encoder spec) whose {@code hf:} files
 * name no SHA-256: what each of them was on its first download, so that every later load gets the
 * same bytes or fails. One entry per source:
 *
 * <pre>{"files": {"hf:Xenova/flan-t5-small/tokenizer.json":
 *     {"sha256": "…", "size": 2424064, "revision": "<commit the hub served it from>"}}}</pre>
 *
 * <p>Entries are added, never changed: deleting an entry pins that file anew on its next download.
 * Writes replace the file atomically; two processes pinning files of one folder at the same moment
 * may each write the lock without the other's entry, which is then pinned again on the next load.
 */
public final class FilesLock {

  /** The lock file's name in its folder. */
  public static final String FILE_NAME = "files.lock.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What one file was when first downloaded.
   *
   * @param revision the commit the hub served the file from, or the revision asked for when the hub
   *     did not say (or the file came from the cache)
   */
  public record Pin(String sha256, long size, String revision) {}

  private record Content(Map<String, Pin> files) {
    Content {
      files = files == null ? new TreeMap<>() : new TreeMap<>(files);
    }
  }

  private final Path file;

  private FilesLock(Path file) {
    this.file = file;
  }

  /** The lock file of a folder (which need not exist yet). */
  public static FilesLock in(Path folder) {
    return new FilesLock(folder.resolve(FILE_NAME));
  }

  /** The lock file's path. */
  public Path file() {
    return file;
  }

  /** The pin of {@code source}, when it has one. */
  public Optional<Pin> get(String source) {
    return Optional.ofNullable(read().files().get(source));
  }

  /**
   * A file as the manifest names it, with the pinned hash and size when it names none and the lock
   * has them.
   */
  public ModelFile pinned(ModelFile entry) {
    if (entry.sha256() != null) {
      return entry;
    }
    return get(entry.source())
        .map(pin -> new ModelFile(entry.source(), pin.sha256(), pin.size()))
        .orElse(entry);
  }

  /**
   * Records a pin.
   *
   * @throws BundleException when the folder is not writable, saying what to do instead
   */
  void put(String source, Pin pin) {
    synchronized (FilesLock.class) {
      Content content = read();
      content.files().put(source, pin);
      Path temp = null;
      try {
        temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
        JSON.writeValue(temp.toFile(), content);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new BundleException(
            source
                + ": downloaded, but its hash cannot be pinned in "
                + file
                + " ("
                + e
                + "). Load the bundle once where its folder is writable, or write the file's"
                + " sha256 "
                + pin.sha256()
                + " and size "
                + pin.size()
                + " into the manifest.",
            e);
      } finally {
        deleteQuietly(temp);
      }
    }
  }

  private Content read() {
    if (!Files.isRegularFile(file)) {
      return new Content(null);
    }
    try {
      return JSON.readValue(file.toFile(), Content.class);
    } catch (IOException e) {
      throw new BundleException(file + ": cannot read the pinned hashes: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // a stray temporary file beside the lock does no harm
    }
  }
}
