package io.leadstream.models.bundle;

import java.nio.file.Path;

/**
 * A loaded model bundle: text encoder, opportunity head, XGBoost scorer, feature spec and tier
 * policy, as described by the bundle's {@code manifest.json}. Thread-safe and shareable; each
 * processing thread opens its own {@link LeadScorer} with {@link #newScorer()}.
 *
 * <p>CONTRACT ONLY: implementation pending (models helper).
 */
public final class ModelBundle implements AutoCloseable {

  /** Where the bundle that ships inside the models jar lives on the class path. */
  public static final String DEFAULT_BUNDLE = "classpath:bundles/default";

  /**
   * Loads a bundle from a folder, or from the class path when {@code location} starts with
   * {@code classpath:}. Verifies file hashes against the manifest.
   *
   * @throws BundleException with a message naming the bad or missing file
   */
  public static ModelBundle load(String location) {
    throw new UnsupportedOperationException("pending");
  }

  public static ModelBundle load(Path folder) {
    return load(folder.toString());
  }

  /** The bundle version that every output names, e.g. {@code default-2026.11.28-1}. */
  public String version() {
    throw new UnsupportedOperationException("pending");
  }

  public BundleManifest manifest() {
    throw new UnsupportedOperationException("pending");
  }

  /** Opens a scorer for one thread: it owns a DJL predictor, which is not thread-safe. */
  public LeadScorer newScorer() {
    throw new UnsupportedOperationException("pending");
  }

  @Override
  public void close() {}
}
