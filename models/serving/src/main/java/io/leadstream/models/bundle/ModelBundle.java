package io.leadstream.models.bundle;

import io.leadstream.models.BundleException;
import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.inference.ZeroShotOpportunity;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.OpportunityHead;
import io.leadstream.models.scoring.ReasonExplainer;
import io.leadstream.models.scoring.ReasonPhrases;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.models.scoring.XgbScorer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A loaded model bundle, as described by the bundle's {@code manifest.json}: a text model (encoder
 * + trained opportunity head, or zero-shot Flan-T5; none when the scorer reads the fields only) and
 * a way to score (XGBoost over the feature spec, or the text alone), plus tier policy and
 * calibration; see {@link BundleManifest}. Thread-safe and shareable; each processing thread opens
 * its own {@link LeadScorer} with {@link #newScorer()}. Close the scorers before the bundle.
 */
public final class ModelBundle implements AutoCloseable {

  /** Where the bundle that ships inside the models jar lives on the class path. */
  public static final String DEFAULT_BUNDLE = "classpath:bundles/default";

  private final String location;
  private final BundleManifest manifest;
  private final TextModel text;
  private final byte[] scorerModel;
  private final Map<String, byte[]> segmentModels;
  private final FeatureExtractor features;
  private final ReasonExplainer explainer;
  private boolean closed;

  private ModelBundle(
      String location,
      BundleManifest manifest,
      TextModel text,
      byte[] scorerModel,
      Map<String, byte[]> segmentModels) {
    this.location = location;
    this.manifest = manifest;
    this.text = text;
    this.scorerModel = scorerModel;
    this.segmentModels = segmentModels;
    FeatureSpec spec = scorerFeatures(manifest);
    this.features = spec == null ? null : new FeatureExtractor(spec);
    this.explainer =
        spec == null
            ? null
            : new ReasonExplainer(spec, ReasonPhrases.of(manifest.reasonLanguage()));
  }

  /** The columns the scorer or the field prior reads; null for a text-only bundle. */
  private static FeatureSpec scorerFeatures(BundleManifest manifest) {
    if (manifest.fieldPrior() != null) {
      return manifest.fieldPrior().features();
    }
    return manifest.features();
  }

  /**
   * Loads a bundle from a folder, or from the class path when {@code location} starts with {@code
   * classpath:}. Verifies every file's SHA-256 against the manifest, including the encoder's or the
   * zero-shot model's files, before loading anything into an engine.
   *
   * @throws BundleException with a message naming the bad or missing file
   */
  public static ModelBundle load(String location) {
    return load(location, InferenceOptions.ENGINE_DEFAULT);
  }

  /**
   * Loads a bundle as {@link #load(String)} does, with the encoder using the CPU as {@code options}
   * say, and so do zero-shot models on ONNX Runtime. Zero-shot models on the PyTorch engine share
   * its process-wide thread pools (DJL's {@code ai.djl.pytorch.num_threads}); {@code options} do
   * not apply to them.
   */
  public static ModelBundle load(String location, InferenceOptions options) {
    BundleFiles files = BundleFiles.at(location);
    return load(files, BundleManifest.fromJson(files.read(BundleManifest.FILE_NAME)), options);
  }

  /**
   * Loads the bundle files in {@code folder} as {@code manifest} describes them, whatever the
   * folder's {@code manifest.json} says or whether there is one: each file the manifest lists is
   * verified as {@link #load(String)} does. For a trainer explaining a few leads with the bundle it
   * is writing, before its last files are.
   *
   * @throws BundleException with a message naming the bad or missing file
   */
  public static ModelBundle load(Path folder, BundleManifest manifest) {
    return load(BundleFiles.at(folder.toString()), manifest, InferenceOptions.ENGINE_DEFAULT);
  }

  private static ModelBundle load(
      BundleFiles files, BundleManifest manifest, InferenceOptions options) {
    Map<String, byte[]> verified = new HashMap<>();
    for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
      byte[] content = files.read(entry.getKey());
      String actual = Sha256.of(content);
      if (!actual.equals(entry.getValue())) {
        throw new BundleException(
            entry.getKey()
                + ": sha256 mismatch in bundle "
                + files
                + " ("
                + actual
                + ", manifest says "
                + entry.getValue()
                + ")");
      }
      verified.put(entry.getKey(), content);
    }
    byte[] scorerModel = null;
    Map<String, byte[]> segmentModels = new HashMap<>();
    if (manifest.scorer() != null) {
      scorerModel = required(verified, manifest.scorer());
      probe(manifest.scorer(), scorerModel, manifest);
      if (manifest.segments() != null) {
        for (Map.Entry<String, String> segment : manifest.segments().scorers().entrySet()) {
          byte[] model = required(verified, segment.getValue());
          probe(segment.getValue(), model, manifest);
          segmentModels.put(segment.getKey(), model);
        }
      }
    }
    TextModel text;
    if (manifest.readsNoText()) {
      text =
          new PriorText(
              manifest.readsTextZeroShot()
                  ? manifest.zeroShot().prior()
                  : head(manifest, verified).prior());
    } else if (manifest.readsTextZeroShot()) {
      text =
          new ZeroShotText(
              ZeroShotOpportunity.load(manifest.zeroShot(), files.modelSource(), options));
    } else {
      text = headText(manifest, verified, files.modelSource(), options);
    }
    return new ModelBundle(files.toString(), manifest, text, scorerModel, segmentModels);
  }

  private static TextModel headText(
      BundleManifest manifest,
      Map<String, byte[]> verified,
      ModelSource source,
      InferenceOptions options) {
    OpportunityHead head = head(manifest, verified);
    if (head.dimension() != manifest.encoder().dimension()) {
      throw new BundleException(
          manifest.head()
              + ": head has "
              + head.dimension()
              + " weights, encoder dimension is "
              + manifest.encoder().dimension());
    }
    return new HeadText(EncoderModel.load(manifest.encoder(), source, options), head);
  }

  private static OpportunityHead head(BundleManifest manifest, Map<String, byte[]> verified) {
    try {
      return OpportunityHead.fromJson(required(verified, manifest.head()));
    } catch (IllegalArgumentException e) {
      throw new BundleException(manifest.head() + ": " + e.getMessage(), e);
    }
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

  /** The features the scorer or the field prior reads; null for a text-only bundle. */
  public FeatureSpec featureSpec() {
    return features == null ? null : features.spec();
  }

  public TierPolicy tierPolicy() {
    return manifest.tiers();
  }

  /** Opens a scorer for one thread: it owns a DJL predictor, which is not thread-safe. */
  public LeadScorer newScorer() {
    return newScorer(StageTimer.NONE);
  }

  /**
   * Opens a scorer for one thread that reports how long each model stage takes to {@code timer}.
   */
  public LeadScorer newScorer(StageTimer timer) {
    TextReader reader = text.newReader(timer);
    try {
      return new BundleScorer(manifest.version(), reader, newScoreModel(), timer);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  private ScoreModel newScoreModel() {
    if (scorerModel != null) {
      return newXgbScoreModel();
    }
    if (manifest.fieldPrior() != null) {
      return new FieldPriorScoreModel(manifest.fieldPrior(), features, contributionScoring());
    }
    return new TextOnlyScoreModel(
        manifest.calibration(),
        manifest.tiers(),
        text.prior(),
        ReasonPhrases.of(manifest.reasonLanguage()));
  }

  private ContributionScoring contributionScoring() {
    return new ContributionScoring(
        manifest.calibration(), manifest.objective(), manifest.tiers(), explainer);
  }

  private XgbScoreModel newXgbScoreModel() {
    int columns = features.spec().columnCount();
    Map<String, XgbScorer> segments = new HashMap<>();
    try {
      segmentModels.forEach(
          (segment, model) -> segments.put(segment, XgbScorer.load(model, columns)));
      XgbScorer main = XgbScorer.load(scorerModel, columns);
      return new XgbScoreModel(
          features,
          new XgbScoreModel.Scorers(
              manifest.segments() == null ? null : manifest.segments().source(), main, segments),
          contributionScoring());
    } catch (RuntimeException e) {
      segments.values().forEach(XgbScorer::close);
      throw e;
    }
  }

  /** Releases the text model; scorers opened from this bundle must be closed first. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      text.close();
    }
  }
}
