package io.leadstream.models.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.leadstream.models.BundleException;
import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.ZeroShotSpec;
import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.FieldPrior;
import io.leadstream.models.scoring.TierPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable description of a bundle, read from {@code manifest.json}.
 *
 * <p>Two choices shape a bundle; {@link #fromJson(byte[])} refuses any other combination:
 *
 * <ul>
 *   <li>Where p(opportunity) comes from: the trained logistic {@code head} on the {@code encoder}'s
 *       embeddings, or, for teams with no labelled history, {@code zeroShot} (a {@link
 *       ZeroShotSpec}: Flan-T5 encoder, one decoder step, prompt, yes/no answers, prior). Exactly
 *       one of {@code head} and {@code zeroShot}; {@code encoder} goes with {@code head} only
 *       (zero-shot names its own encoder).
 *   <li>How a lead is scored: the XGBoost {@code scorer} over {@code features} (optionally {@code
 *       segments}); or, before any labelled history, the hand-set logistic {@code fieldPrior} over
 *       p(opportunity) and a few fields ({@link FieldPrior}); or, when both are absent, text only:
 *       score = {@code round(100 * p(opportunity))}, calibrated when {@code calibration} says so,
 *       with one reason. {@code features} and {@code segments} go with {@code scorer} only.
 * </ul>
 *
 * A scorer (or field prior) that does not read p(opportunity) scores the fields only ({@link
 * #readsNoText()}): no text is read, whatever the manifest names, and {@code encoder} may be
 * absent; the {@code head} (or the {@code zeroShot} spec) then only gives the p(opportunity) every
 * lead reports, its prior.
 *
 * <p>Manifests written before {@code zeroShot} or {@code fieldPrior} existed read unchanged.
 *
 * <p>A number that is not finite (the conversion rate of an empty tier, an AUC without both
 * outcomes) is written as JSON {@code null}, never as {@code "NaN"}, and a {@code null} number
 * reads back as NaN.
 *
 * @param format manifest format, {@value #FORMAT}
 * @param name bundle name, also its folder name
 * @param version the version every output names, e.g. {@code default-2026.11.28-1a2b3c4d}
 * @param createdAt ISO-8601 instant the bundle was written
 * @param encoder the text encoder: engine, files, pooling, max tokens, dimension
 * @param head file name of the opportunity head (JSON); null when {@code zeroShot} is set
 * @param scorer file name of the XGBoost model (UBJ); null for a text-only bundle
 * @param features the scorer's features, in column order; null for a text-only bundle
 * @param tiers score thresholds of the tiers
 * @param tierRule how the thresholds were chosen, in words; null in older bundles
 * @param training what the bundle was trained on
 * @param evaluation hold-out metrics of the bundle and of its baselines
 * @param files SHA-256 of every file in the bundle folder except this manifest, by file name
 * @param calibration maps the scorer's raw probability to the calibrated one; none when absent
 * @param segments per-segment scorers with the main scorer as fallback; null for none
 * @param zeroShot zero-shot p(opportunity) instead of {@code encoder} + {@code head}; null for none
 *     (omitted from the JSON then)
 * @param objective what the scorer predicts; binary when absent
 * @param language the language reasons are written in ({@code en}, {@code zh}); when absent, the
 *     encoder's language, else English ({@link #reasonLanguage()})
 * @param fieldPrior the hand-set cold-start scorer instead of {@code scorer}; null for none
 *     (omitted from the JSON then)
 * @param driftReference the training distributions live drift is measured against; null in bundles
 *     written before it existed and in bundles not trained here (omitted from the JSON then)
 */
@JsonPropertyOrder({
  "format",
  "name",
  "version",
  "createdAt",
  "encoder",
  "head",
  "zeroShot",
  "scorer",
  "fieldPrior",
  "features",
  "tiers",
  "objective",
  "language",
  "tierRule",
  "calibration",
  "segments",
  "training",
  "evaluation",
  "driftReference",
  "files"
})
public record BundleManifest(
    String format,
    String name,
    String version,
    String createdAt,
    EncoderSpec encoder,
    String head,
    String scorer,
    FeatureSpec features,
    TierPolicy tiers,
    TrainingData training,
    Evaluation evaluation,
    Map<String, String> files,
    String tierRule,
    Calibration calibration,
    Segments segments,
    @JsonInclude(JsonInclude.Include.NON_NULL) ZeroShotSpec zeroShot,
    Objective objective,
    @JsonInclude(JsonInclude.Include.NON_NULL) String language,
    @JsonInclude(JsonInclude.Include.NON_NULL) FieldPrior fieldPrior,
    @JsonInclude(JsonInclude.Include.NON_NULL) DriftReference driftReference) {

  /** The manifest format this code reads and writes. */
  public static final String FORMAT = "leadstream-bundle/1";

  /** File name of the manifest in a bundle folder. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(finiteNumbers())
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public BundleManifest {
    files = files == null ? Map.of() : new TreeMap<>(files);
    calibration = calibration == null ? Calibration.none() : calibration;
    objective = objective == null ? Objective.BINARY : objective;
  }

  /** This manifest with the given file hashes. */
  public BundleManifest withFiles(Map<String, String> hashes) {
    return with(hashes, driftReference);
  }

  /** This manifest with the given drift reference. */
  public BundleManifest withDriftReference(DriftReference reference) {
    return with(files, reference);
  }

  private BundleManifest with(Map<String, String> hashes, DriftReference reference) {
    return new BundleManifest(
        format,
        name,
        version,
        createdAt,
        encoder,
        head,
        scorer,
        features,
        tiers,
        training,
        evaluation,
        hashes,
        tierRule,
        calibration,
        segments,
        zeroShot,
        objective,
        language,
        fieldPrior,
        reference);
  }

  /**
   * The language reasons are written in: {@link #language()}, else the encoder's, else {@code en}.
   */
  public String reasonLanguage() {
    if (language != null) {
      return language;
    }
    return encoder != null && encoder.language() != null ? encoder.language() : "en";
  }

  /** True when p(opportunity) comes from {@link #zeroShot()}, not from a trained head. */
  public boolean readsTextZeroShot() {
    return zeroShot != null;
  }

  /**
   * True when the scorer's features (or the field prior's terms) do not read p(opportunity)
   * ("fields only"): the lead's text cannot change its score, so no text model is loaded or run and
   * p(opportunity) is the prior.
   */
  public boolean readsNoText() {
    return scorer != null && features != null && !features.readsText()
        || fieldPrior != null && !fieldPrior.readsText();
  }

  /**
   * True when the score is p(opportunity) alone, with neither an XGBoost {@link #scorer()} nor a
   * {@link #fieldPrior()}.
   */
  public boolean scoresTextOnly() {
    return scorer == null && fieldPrior == null;
  }

  /**
   * Per-segment scorers: a lead whose {@code source} value matches a key (ignoring case and
   * surrounding blanks) is scored by that scorer; every other lead by the main one. All share the
   * features, text head, calibration and tiers, so their scores compare.
   *
   * @param source the LeadEvent source naming the segment, e.g. {@code attributes.Region}
   * @param scorers scorer file (XGBoost UBJ) by segment value
   */
  public record Segments(String source, Map<String, String> scorers) {
    public Segments {
      scorers = scorers == null ? Map.of() : new TreeMap<>(scorers);
    }
  }

  /**
   * What the bundle was trained on.
   *
   * @param generator data source, e.g. {@code SyntheticLeadGenerator} or a file name
   * @param seed random seed of generation and splits
   * @param leads labelled leads in total
   * @param converted leads labelled converted
   * @param train leads in the training split
   * @param validation leads in the validation split (early stopping, tier thresholds)
   * @param holdOut leads in the hold-out split (the reported metrics)
   * @param split how leads were split, e.g. {@code time-ordered}; null in older bundles
   * @param notes what was noticed about the data as read (values read as missing, tables joined and
   *     their unmatched keys), in sentences; empty for none, and omitted from the JSON then
   */
  public record TrainingData(
      String generator,
      long seed,
      int leads,
      int converted,
      int train,
      int validation,
      int holdOut,
      String split,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes) {

    public TrainingData {
      notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Training data without notes. */
    public TrainingData(
        String generator,
        long seed,
        int leads,
        int converted,
        int train,
        int validation,
        int holdOut,
        String split) {
      this(generator, seed, leads, converted, train, validation, holdOut, split, List.of());
    }
  }

  /**
   * Hold-out results.
   *
   * @param model the bundle's calibrated probabilities (text + structured fields)
   * @param baselines simpler models on the same hold-out, by name
   * @param tiers conversion per tier on the hold-out, HOT first; empty in older bundles
   * @param warnings what the trainer found suspicious (e.g. likely leakage); empty for none
   * @param regression for a regression bundle, MSE and R² of the bundle ({@code "model"}) and of
   *     its baselines, while {@code model} and {@code baselines} then measure how well each ranks
   *     the leads whose target is above the training median; absent for a binary bundle
   */
  public record Evaluation(
      EvaluationMetrics model,
      Map<String, EvaluationMetrics> baselines,
      List<TierOutcome> tiers,
      List<String> warnings,
      Map<String, RegressionMetrics> regression) {
    public Evaluation {
      tiers = tiers == null ? List.of() : List.copyOf(tiers);
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
      regression = regression == null ? null : Map.copyOf(regression);
    }
  }

  /**
   * How one tier did on the hold-out.
   *
   * @param tier HOT, WARM, COLD or DISQUALIFIED
   * @param leads hold-out leads in the tier
   * @param converted of those, how many converted
   * @param conversionRate converted / leads (NaN for an empty tier)
   * @param lift conversion rate over the hold-out base rate
   * @param captured share of all hold-out conversions in this tier
   */
  public record TierOutcome(
      String tier, int leads, int converted, double conversionRate, double lift, double captured) {}

  /** This manifest as JSON bytes. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize manifest", e);
    }
  }

  /**
   * Parses manifest JSON.
   *
   * @throws BundleException naming {@code manifest.json} when it cannot be parsed or is of an
   *     unknown format
   */
  public static BundleManifest fromJson(byte[] json) {
    BundleManifest manifest;
    try {
      manifest = JSON.readValue(json, BundleManifest.class);
    } catch (IOException e) {
      throw new BundleException(FILE_NAME + ": cannot parse: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(manifest.format())) {
      throw new BundleException(
          FILE_NAME + ": format '" + manifest.format() + "', this build reads " + FORMAT);
    }
    require(manifest.name() != null, "'name' missing");
    require(manifest.version() != null, "'version' missing");
    require(manifest.tiers() != null, "'tiers' missing");
    if (manifest.readsTextZeroShot()) {
      require(
          manifest.head() == null && manifest.encoder() == null,
          "'zeroShot' replaces 'head' and 'encoder'; a bundle reads text with one of them");
    } else {
      require(manifest.head() != null, "'head' missing (or 'zeroShot' for zero-shot text)");
      require(
          manifest.encoder() != null || manifest.readsNoText(),
          "'encoder' missing: the head reads its embeddings");
    }
    if (manifest.scorer() == null) {
      require(
          manifest.features() == null && manifest.segments() == null,
          "'features' and 'segments' need a 'scorer'; without one the bundle scores by its"
              + " 'fieldPrior', or text only");
    } else {
      require(manifest.features() != null, "'features' missing: the scorer reads them");
      require(
          manifest.fieldPrior() == null,
          "'fieldPrior' replaces 'scorer'; a bundle scores with one of them");
    }
    if (manifest.driftReference() != null) {
      for (DriftReference.Quantity quantity : manifest.driftReference().quantities()) {
        require(
            quantity.kind() != DriftReference.Kind.FEATURE
                || manifest.features() != null
                    && manifest.features().features().stream()
                        .anyMatch(f -> f.name().equals(quantity.name())),
            "'driftReference' names feature '" + quantity.name() + "', not one of 'features'");
      }
    }
    return manifest;
  }

  /**
   * NaN and infinities as {@code null} (JSON has no such numbers); {@code null} as NaN: how
   * manifests, and reports beside them, write their metrics.
   */
  public static SimpleModule finiteNumbers() {
    StdSerializer<Double> finite =
        new StdSerializer<>(Double.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(Double value, JsonGenerator out, SerializerProvider provider)
              throws IOException {
            if (Double.isFinite(value)) {
              out.writeNumber(value);
            } else {
              out.writeNull();
            }
          }
        };
    return new SimpleModule("finite-numbers")
        .addSerializer(Double.class, finite)
        .addSerializer(Double.TYPE, finite)
        .addDeserializer(
            Double.TYPE, new NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN));
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new BundleException(FILE_NAME + ": " + problem);
    }
  }
}
