package io.leadstream.models.inference;

import io.leadstream.models.BundleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ModelFile} into a verified file on disk, since native engines read models from
 * files only.
 *
 * <ul>
 *   <li>{@code classpath:<resource>}: extracted once into {@code <cache>/<sha256 prefix>/<name>}
 *       and reused while its size and hash still match;
 *   <li>{@code hf:<owner>/<repo>/<file path>[@<revision>]}: downloaded once from a Hugging Face hub
 *       (or a mirror, see {@link HubSettings}) into {@code
 *       <cache>/hf/<owner>/<repo>/<revision>/<file path>}, then reused without any network access
 *       while its size and hash still match. When the manifest names no hash, the first download is
 *       pinned in the bundle folder's {@link FilesLock} (logged at WARN) and every later load must
 *       match that;
 *   <li>anything else: a path relative to the bundle, read in place from a bundle folder, or
 *       extracted like a class-path resource when the bundle itself lives on the class path.
 * </ul>
 *
 * <p>The cache root is {@code ~/.cache/leadstream/models}, or the {@value #CACHE_DIR_PROPERTY}
 * system property when set. Every resolved file has its SHA-256 checked against the manifest (or
 * the lock).
 */
public final class ModelSource {

  /** System property that moves the extraction cache. */
  public static final String CACHE_DIR_PROPERTY = "leadstream.cache.dir";

  private static final String CLASSPATH = "classpath:";
  private static final Logger LOG = LoggerFactory.getLogger(ModelSource.class);

  private final Path bundleFolder;
  private final String bundleResource;
  private final Path cacheRoot;
  private final HubSettings hub;

  private ModelSource(Path bundleFolder, String bundleResource, Path cacheRoot, HubSettings hub) {
    this.bundleFolder = bundleFolder;
    this.bundleResource = bundleResource;
    this.cacheRoot = Objects.requireNonNull(cacheRoot);
    this.hub = hub;
  }

  /** A source whose relative paths are read from a bundle folder. */
  public static ModelSource forFolder(Path bundleFolder) {
    return new ModelSource(bundleFolder, null, defaultCacheRoot(), null);
  }

  /** A source whose relative paths are class-path resources under {@code resourcePrefix}. */
  public static ModelSource forClasspath(String resourcePrefix) {
    return new ModelSource(null, stripSlashes(resourcePrefix), defaultCacheRoot(), null);
  }

  /** This source with another cache root. */
  public ModelSource withCacheRoot(Path root) {
    return new ModelSource(bundleFolder, bundleResource, root, hub);
  }

  /**
   * This source downloading {@code hf:} files as {@code settings} say. Without this call the
   * settings come from {@link HubSettings#fromEnvironment()} when the first {@code hf:} file is
   * resolved.
   */
  public ModelSource withHub(HubSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new ModelSource(bundleFolder, bundleResource, cacheRoot, settings);
  }

  /** The cache root from {@value #CACHE_DIR_PROPERTY}, else {@code ~/.cache/leadstream/models}. */
  public static Path defaultCacheRoot() {
    String configured = System.getProperty(CACHE_DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "leadstream", "models");
  }

  /**
   * Returns a local file holding exactly the content the manifest describes.
   *
   * @throws BundleException naming the file when it is missing, has another size or hash, or cannot
   *     be downloaded (the message says why and what to do)
   */
  public Path resolve(ModelFile file) {
    String source = file.source();
    if (source.startsWith(HfFile.PREFIX)) {
      return fromHub(HfFile.parse(source), file);
    }
    if (file.sha256() == null) {
      throw new BundleException(
          source
              + ": sha256 missing; only hf: files may leave it out (they are pinned on their first"
              + " download)");
    }
    if (source.startsWith(CLASSPATH)) {
      return extract(stripSlashes(source.substring(CLASSPATH.length())), file);
    }
    if (bundleFolder != null) {
      Path local = bundleFolder.resolve(source).normalize();
      if (!Files.isRegularFile(local)) {
        throw new BundleException(source + ": file missing (looked for " + local + ")");
      }
      verify(local, file);
      return local;
    }
    return extract(bundleResource + "/" + source, file);
  }

  /**
   * An {@code hf:} file as the manifest, or else the folder's lock, says it is; one that neither
   * pins is pinned in the lock now.
   */
  private Path fromHub(HfFile hfFile, ModelFile file) {
    String source = file.source();
    HubDownloader hub = new HubDownloader(hubSettings(source), cacheRoot);
    if (file.sha256() != null) {
      return hub.fetch(hfFile, HubDownloader.Expected.manifest(hfFile, file)).path();
    }
    if (bundleFolder == null) {
      throw new BundleException(
          source
              + ": the manifest names no sha256, and a bundle on the class path cannot pin the"
              + " file on its first download; write the file's sha256 and size into the manifest"
              + " (a folder bundle's "
              + FilesLock.FILE_NAME
              + " has them once it has loaded)");
    }
    FilesLock lock = FilesLock.in(bundleFolder);
    Optional<FilesLock.Pin> pin = lock.get(source);
    if (pin.isPresent()) {
      return hub.fetch(hfFile, pinned(hfFile, pin.get(), lock)).path();
    }
    HubDownloader.Fetched fetched = hub.fetch(hfFile, HubDownloader.Expected.unknown());
    String revision = fetched.commit() != null ? fetched.commit() : hfFile.revision();
    lock.put(source, new FilesLock.Pin(fetched.sha256(), fetched.size(), revision));
    LOG.warn(
        "pinned on first {}: {} sha256={} size={} (revision {}, recorded in {}; later loads"
            + " must match)",
        fetched.downloaded() ? "download" : "use (found in the cache)",
        source,
        fetched.sha256(),
        fetched.size(),
        revision,
        lock.file());
    return fetched.path();
  }

  private static HubDownloader.Expected pinned(HfFile file, FilesLock.Pin pin, FilesLock lock) {
    String atPin = HfFile.PREFIX + file.repoId() + "/" + file.path() + "@" + pin.revision();
    return new HubDownloader.Expected(
        pin.sha256(),
        pin.size(),
        FilesLock.FILE_NAME,
        "It was pinned there on its first download, at revision "
            + pin.revision()
            + ". If the repository changed: to keep the pinned file, name that revision ("
            + atPin
            + "); to take the new one, delete its entry from "
            + lock.file()
            + ".");
  }

  private HubSettings hubSettings(String source) {
    if (hub != null) {
      return hub;
    }
    try {
      return HubSettings.fromEnvironment();
    } catch (IllegalArgumentException e) {
      throw new BundleException(source + ": " + e.getMessage(), e);
    }
  }

  private Path extract(String resource, ModelFile file) {
    Path target = cacheRoot.resolve(file.sha256().substring(0, 16)).resolve(file.fileName());
    try {
      if (Files.isRegularFile(target)
          && Files.size(target) == file.size()
          && Sha256.of(target).equals(file.sha256())) {
        return target;
      }
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), file.fileName(), ".part");
      try {
        String actual = copyHashing(resource, file, partial);
        long size = Files.size(partial);
        if (size != file.size() || !actual.equals(file.sha256())) {
          throw new BundleException(
              file.source()
                  + ": content does not match the manifest (size "
                  + size
                  + ", sha256 "
                  + actual
                  + "; expected size "
                  + file.size()
                  + ", sha256 "
                  + file.sha256()
                  + ")");
        }
        Files.move(
            partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
      return target;
    } catch (IOException e) {
      throw new BundleException(
          file.source() + ": cannot extract to cache " + target + ": " + e.getMessage(), e);
    }
  }

  private static String copyHashing(String resource, ModelFile file, Path partial)
      throws IOException {
    ClassLoader loader = ModelSource.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new BundleException(file.source() + ": class-path resource " + resource + " missing");
      }
      MessageDigest digest = Sha256.newDigest();
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
        in.transferTo(out);
      }
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  /**
   * Describes a class-path resource as a {@link ModelFile} with source {@code
   * classpath:<resource>}, reading it once for its size and hash; used when writing manifests.
   *
   * @throws BundleException when the resource is missing
   */
  public static ModelFile describeClasspathResource(String resource) {
    String name = stripSlashes(resource);
    try (InputStream in = ModelSource.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new BundleException(CLASSPATH + name + ": class-path resource missing");
      }
      CountingSink sink = new CountingSink();
      MessageDigest digest = Sha256.newDigest();
      try (OutputStream out = new DigestOutputStream(sink, digest)) {
        in.transferTo(out);
      }
      return new ModelFile(CLASSPATH + name, HexFormat.of().formatHex(digest.digest()), sink.count);
    } catch (IOException e) {
      throw new BundleException(CLASSPATH + name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  private static void verify(Path local, ModelFile file) {
    String actual = Sha256.of(local);
    if (!actual.equals(file.sha256())) {
      throw new BundleException(
          file.source()
              + ": sha256 mismatch ("
              + actual
              + ", manifest says "
              + file.sha256()
              + ")");
    }
  }

  private static String stripSlashes(String resource) {
    String trimmed = resource;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
