package io.leadstream.models.inference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An encoder spec and where its files are: a named encoder's on the class path, or an encoder spec
 * JSON file's beside it (relative sources; {@code classpath:} and {@code hf:} sources are found as
 * everywhere). A spec file may leave out a local file's {@code sha256} and {@code size}: they are
 * measured from the file; an {@code hf:} file's are pinned on its first download in the folder's
 * {@link FilesLock}.
 *
 * @param folder the folder relative sources are read from; null for a named encoder
 */
public record LocatedEncoder(EncoderSpec spec, Path folder) {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A named encoder ({@link NamedEncoders}), read from the class path. */
  public static LocatedEncoder named(String name) {
    return new LocatedEncoder(NamedEncoders.named(name), null);
  }

  /**
   * A named encoder, or the encoder spec JSON file at that path.
   *
   * @throws IllegalArgumentException naming the known encoders when it is neither
   */
  public static LocatedEncoder of(String nameOrSpecFile) {
    if (NamedEncoders.NAMES.contains(nameOrSpecFile)) {
      return named(nameOrSpecFile);
    }
    Path file = Path.of(nameOrSpecFile);
    if (!nameOrSpecFile.endsWith(".json") || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "unknown encoder '"
              + nameOrSpecFile
              + "', expected one of "
              + String.join(", ", NamedEncoders.NAMES)
              + ", or an encoder spec JSON file");
    }
    return fromSpecFile(file);
  }

  /**
   * @throws IllegalArgumentException when the file is not an encoder spec
   */
  public static LocatedEncoder fromSpecFile(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    EncoderSpec spec;
    try {
      spec = JSON.readValue(file.toFile(), EncoderSpec.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read encoder spec " + file + ": " + e.getMessage(), e);
    }
    if (spec.engine() == null || spec.model() == null || spec.tokenizer() == null) {
      throw new IllegalArgumentException(
          "encoder spec " + file + " needs engine, model and tokenizer");
    }
    return new LocatedEncoder(
        spec.withFiles(measured(spec.model(), folder), measured(spec.tokenizer(), folder)), folder);
  }

  /** Where the spec's relative sources are read from. */
  public ModelSource source() {
    return folder == null ? ModelSource.forClasspath("") : ModelSource.forFolder(folder);
  }

  /**
   * The spec with the hashes its {@code hf:} files were pinned to in the spec folder's {@link
   * FilesLock} (once loaded), so that a bundle trained on this encoder names exactly those files.
   */
  public EncoderSpec pinned() {
    if (folder == null) {
      return spec;
    }
    FilesLock lock = FilesLock.in(folder);
    return spec.withFiles(lock.pinned(spec.model()), lock.pinned(spec.tokenizer()));
  }

  /** Loads the encoder. */
  public EncoderModel load(InferenceOptions options) {
    return EncoderModel.load(spec, source(), options);
  }

  /**
   * Whether a file's source is a path relative to the spec's folder, rather than classpath: or hf:.
   */
  public static boolean isLocal(ModelFile file) {
    return !file.source().contains(":");
  }

  private static ModelFile measured(ModelFile file, Path folder) {
    if (!isLocal(file) || (file.sha256() != null && file.size() > 0)) {
      return file;
    }
    Path local = folder.resolve(file.source());
    try {
      return new ModelFile(file.source(), Sha256.of(local), Files.size(local));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "encoder file " + local + " cannot be read: " + e.getMessage(), e);
    }
  }
}
