package io.leadstream.models.bundle;

import io.leadstream.models.BundleException;
import io.leadstream.models.inference.ModelSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a bundle's files are read from: a folder, or a class-path resource prefix. */
abstract sealed class BundleFiles {

  static final String CLASSPATH = "classpath:";

  static BundleFiles at(String location) {
    if (location.startsWith(CLASSPATH)) {
      String prefix = location.substring(CLASSPATH.length());
      while (prefix.startsWith("/")) {
        prefix = prefix.substring(1);
      }
      while (prefix.endsWith("/")) {
        prefix = prefix.substring(0, prefix.length() - 1);
      }
      return new Classpath(prefix);
    }
    return new Folder(Path.of(location));
  }

  /**
   * The bytes of one small bundle file.
   *
   * @throws BundleException naming the file when it is missing or unreadable
   */
  abstract byte[] read(String name);

  /** Resolves large model files the manifest's encoder section names. */
  abstract ModelSource modelSource();

  static final class Folder extends BundleFiles {
    private final Path folder;

    Folder(Path folder) {
      this.folder = folder;
    }

    @Override
    byte[] read(String name) {
      Path file = folder.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new BundleException(name + ": file missing in bundle " + folder);
      }
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new BundleException(name + ": cannot read in bundle " + folder + ": " + e, e);
      }
    }

    @Override
    ModelSource modelSource() {
      return ModelSource.forFolder(folder);
    }

    @Override
    public String toString() {
      return folder.toString();
    }
  }

  static final class Classpath extends BundleFiles {
    private final String prefix;

    Classpath(String prefix) {
      this.prefix = prefix;
    }

    @Override
    byte[] read(String name) {
      String resource = prefix.isEmpty() ? name : prefix + "/" + name;
      try (InputStream in = BundleFiles.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new BundleException(name + ": file missing in bundle " + this);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new BundleException(name + ": cannot read in bundle " + this + ": " + e, e);
      }
    }

    @Override
    ModelSource modelSource() {
      return ModelSource.forClasspath(prefix);
    }

    @Override
    public String toString() {
      return CLASSPATH + prefix;
    }
  }
}
