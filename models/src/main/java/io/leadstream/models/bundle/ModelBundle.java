package io.leadstream.models.bundle;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.OpportunityHead;
import io.leadstream.models.scoring.ReasonExplainer;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.models.scoring.XgbScorer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A loaded model bundle: text encoder, opportunity head, XGBoost scorer, feature spec and tier
 * policy, as described by the bundle's {@code manifest.json}. Thread-safe and shareable; each
 * processing thread opens its own {@link LeadScorer} with {@link #newScorer()}. Close the scorers
 * before the bundle.
 */
public final class ModelBundle implements AutoCloseable {

  /** Where the bundle that ships inside the models jar lives on the class path. */
  public static final String DEFAULT_BUNDLE = "classpath:bundles/default";

  private final String location;
  private final BundleManifest manifest;
  private final EncoderModel encoder;
  private final OpportunityHead head;
  private final byte[] scorerModel;
  private final Map<String, byte[]> segmentModels;
  private final FeatureExtractor features;
  private final ReasonExplainer explainer;

  private ModelBundle(
      String location,
      BundleManifest manifest,
      EncoderModel encoder,
      OpportunityHead head,
      byte[] scorerModel,
      Map<String, byte[]> segmentModels) {
    this.location = location;
    this.manifest = manifest;
    this.encoder = encoder;
    this.head = head;
    this.scorerModel = scorerModel;
    this.segmentModels = segmentModels;
    this.features = new FeatureExtractor(manifest.features());
    this.explainer = new ReasonExplainer(manifest.features());
  }

  /**
   * Loads a bundle from a folder, or from the class path when {@code location} starts with
   * {@code classpath:}. Verifies every file's SHA-256 against the manifest, including the
   * encoder's files, before loading anything into an engine.
   *
   * @throws BundleException with a message naming the bad or missing file
   */
  public static ModelBundle load(String location) {
    return load(location, InferenceOptions.ENGINE_DEFAULT);
  }

  /**
   * Loads a bundle as {@link #load(String)} does, with the encoder using the CPU as {@code options}
   * say.
   */
  public static ModelBundle load(String location, InferenceOptions options) {
    BundleFiles files = BundleFiles.at(location);
    BundleManifest manifest = BundleManifest.fromJson(files.read(BundleManifest.FILE_NAME));
    Map<String, byte[]> verified = new HashMap<>();
    for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
      byte[] content = files.read(entry.getKey());
      String actual = Sha256.of(content);
      if (!actual.equals(entry.getValue())) {
        throw new BundleException(
            entry.getKey() + ": sha256 mismatch in bundle " + files + " (" + actual
                + ", manifest says " + entry.getValue() + ")");
      }
      verified.put(entry.getKey(), content);
    }
    byte[] headJson = required(verified, manifest.head());
    byte[] scorerModel = required(verified, manifest.scorer());

    OpportunityHead head;
    try {
      head = OpportunityHead.fromJson(headJson);
    } catch (IllegalArgumentException e) {
      throw new BundleException(manifest.head() + ": " + e.getMessage(), e);
    }
    if (head.dimension() != manifest.encoder().dimension()) {
      throw new BundleException(
          manifest.head() + ": head has " + head.dimension() + " weights, encoder dimension is "
              + manifest.encoder().dimension());
    }
    probe(manifest.scorer(), scorerModel, manifest);
    Map<String, byte[]> segmentModels = new HashMap<>();
    if (manifest.segments() != null) {
      for (Map.Entry<String, String> segment : manifest.segments().scorers().entrySet()) {
        byte[] model = required(verified, segment.getValue());
        probe(segment.getValue(), model, manifest);
        segmentModels.put(segment.getKey(), model);
      }
    }
    EncoderModel encoder = EncoderModel.load(manifest.encoder(), files.modelSource(), options);
    return new ModelBundle(files.toString(), manifest, encoder, head, scorerModel, segmentModels);
  }

  private static void probe(String file, byte[] model, BundleManifest manifest) {
    try (XgbScorer probe = XgbScorer.load(model, manifest.features().columnCount())) {
      probe.columns();
    } catch (IllegalArgumentException e) {
      throw new BundleException(file + ": " + e.getMessage(), e);
    }
  }

  /** Loads a bundle from a folder. */
  public static ModelBundle load(Path folder) {
    return load(folder.toString());
  }

  private static byte[] required(Map<String, byte[]> verified, String name) {
    byte[] content = verified.get(name);
    if (content == null) {
      throw new BundleException(name + ": not listed with a sha256 in " + BundleManifest.FILE_NAME);
    }
    return content;
  }

  /** The bundle version that every output names, e.g. {@code default-2026.11.28-1a2b3c4d}. */
  public String version() {
    return manifest.version();
  }

  public BundleManifest manifest() {
    return manifest;
  }

  /** Where the bundle was loaded from, as given to {@link #load(String)}. */
  public String location() {
    return location;
  }

  public FeatureSpec featureSpec() {
    return manifest.features();
  }

  public TierPolicy tierPolicy() {
    return manifest.tiers();
  }

  /** Opens a scorer for one thread: it owns a DJL predictor, which is not thread-safe. */
  public LeadScorer newScorer() {
    return newScorer(StageTimer.NONE);
  }

  /** Opens a scorer for one thread that reports how long each model stage takes to {@code timer}. */
  public LeadScorer newScorer(StageTimer timer) {
    int columns = features.spec().columnCount();
    Map<String, XgbScorer> segments = new HashMap<>();
    segmentModels.forEach((segment, model) -> segments.put(segment, XgbScorer.load(model, columns)));
    return new BundleScorer(
        manifest.version(),
        encoder.newEncoder(),
        head,
        features,
        new BundleScorer.Scorers(
            manifest.segments() == null ? null : manifest.segments().source(),
            XgbScorer.load(scorerModel, columns), segments),
        manifest.calibration(),
        manifest.objective(),
        manifest.tiers(),
        explainer,
        timer);
  }

  /** Releases the encoder model; scorers opened from this bundle must be closed first. */
  @Override
  public void close() {
    encoder.close();
  }
}
