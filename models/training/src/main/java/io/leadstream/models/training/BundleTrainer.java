package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.DriftReference;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.bundle.Objective;
import io.leadstream.models.bundle.RegressionMetrics;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.DriftQuantities;
import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.SegmentRouter;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.scoring.XgbScorer;
import io.leadstream.schema.LeadEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains a bundle from labelled leads and writes it as a folder a {@link
 * io.leadstream.models.bundle.ModelBundle} loads.
 *
 * <ol>
 *   <li>Refuse constant labels and classes under {@value TrainingGuards#MIN_PER_CLASS} leads. A
 *       continuous target (regression, {@link Targets}) trains {@code reg:squarederror} and scores
 *       by percentile instead of calibrating; it is reported with MSE and R².
 *   <li>Split 60/20/20 into train, validation and hold-out: time-ordered when the leads have event
 *       times, else stratified ({@link DataSplit}). Measure every input column alone and warn about
 *       likely leakage ({@link ColumnSignals}).
 *   <li>Embed the texts and fit the opportunity head ({@link TextHeadTrainer}). When the features
 *       do not read p(opportunity) (a mapping without text columns: "fields only"), no text is
 *       embedded and the bundle names no encoder: serving never runs one.
 *   <li>Train XGBoost with early stopping on validation ({@link ScorerTrainer}); optionally one
 *       scorer per segment where it beats the main one ({@link SegmentTrainer}).
 *   <li>Calibrate the probabilities on validation (Platt or isotonic, where it helps) and place the
 *       tier thresholds on calibrated validation scores ({@link TierRule}).
 *   <li>Evaluate on the hold-out beside baselines: logistic regression on the same features, the
 *       base rate, XGBoost on the fields alone and the text head alone.
 *   <li>Record the training split's distributions of p(opportunity), the score and the five most
 *       important features, the reference of live drift ({@link DriftQuantities}).
 *   <li>Write head, scorers, plots, {@code MODEL_CARD.md} and {@code manifest.json}.
 * </ol>
 *
 * <p>Deterministic for the same leads and config.
 */
public final class BundleTrainer {

  /** File name of the opportunity head in a bundle. */
  public static final String HEAD_FILE = "opportunity-head.json";

  /** File name of the XGBoost model in a bundle. */
  public static final String SCORER_FILE = "scorer.ubj";

  /** File name of the model card in a bundle. */
  public static final String MODEL_CARD_FILE = "MODEL_CARD.md";

  /** The baseline of XGBoost without the text, for bundles that read text. */
  static final String FIELDS_ONLY = "XGBoost on fields only (no text)";

  /** The split the drift reference is measured on. */
  static final String DRIFT_SPLIT = "train";

  private final TrainingConfig config;
  private final TrainingProgress progress;

  public BundleTrainer(TrainingConfig config, TrainingProgress progress) {
    this.config = config;
    this.progress = progress == null ? TrainingProgress.NONE : progress;
  }

  /**
   * Generates {@code count} synthetic leads with {@code seed}, trains on them with default settings
   * and writes the bundle to {@code out} (named after the folder).
   */
  public static TrainingSummary trainSynthetic(
      int count, long seed, Path out, TrainingProgress progress) {
    TrainingProgress reporter = progress == null ? TrainingProgress.NONE : progress;
    reporter.update("generate", 0, count);
    List<LabelledLead> leads = new SyntheticLeadGenerator(seed).generate(count);
    reporter.update("generate", count, count);
    TrainingSet data =
        TrainingSet.of(
            leads, DefaultLeadFeatures.spec(), SyntheticLeadGenerator.class.getSimpleName());
    return new BundleTrainer(TrainingConfig.defaults(bundleName(out), seed), reporter)
        .train(data, out);
  }

  /** The bundle name a folder gives: its last path element. */
  public static String bundleName(Path out) {
    return out.toAbsolutePath().normalize().getFileName().toString();
  }

  /**
   * Trains a bundle and writes it to {@code out}, replacing the bundle files there.
   *
   * @throws TrainingRefusedException when the labels cannot give an honest model
   */
  public TrainingSummary train(TrainingSet data, Path out) {
    Instant started = Instant.now();
    List<LabelledLead> leads = data.leads();
    Targets targets = Targets.of(data);
    targets.requireTrainable();
    boolean[] labels = targets.labels();
    DataSplit split = DataSplit.of(labels, data.times(), config.seed());
    List<ColumnSignals.ColumnSignal> signals = ColumnSignals.measure(data.columns(), labels, split);
    List<String> warnings = new ArrayList<>();
    signals.stream()
        .filter(ColumnSignals.ColumnSignal::looksLikeLeakage)
        .forEach(s -> warnings.add(s.warning()));

    boolean readsText = data.readsText();
    TextHeadTrainer.Result head =
        readsText
            ? readText(leads, labels, split, warnings)
            : TextHeadTrainer.priorOnly(labels, split);

    FeatureSpec spec = data.features();
    FeatureSpec fieldsOnly = spec.without(FeatureSpec.OPPORTUNITY_PROBABILITY);
    boolean[] trainLabels = Rows.select(labels, split.train());
    boolean[] validationLabels = Rows.select(labels, split.validation());
    boolean[] holdOutLabels = Rows.select(labels, split.holdOut());
    FeatureRows train = FeatureRows.of(spec, leads, head.p(), split.train());
    FeatureRows validation = FeatureRows.of(spec, leads, head.p(), split.validation());
    FeatureRows holdOut = FeatureRows.of(spec, leads, head.p(), split.holdOut());

    Objective objective = targets.objective();
    ScorerTrainer scorers = new ScorerTrainer(config.seed(), config.maxRounds(), objective);
    progress.update("scorer", 0, 2);
    List<SegmentTrainer.Segment> segments = List.of();
    float[] trainY = targets.y(split.train());
    float[] validationY = targets.y(split.validation());
    try (XgbScorer main = scorers.train(train, trainY, validation, validationY)) {
      // a bundle that reads no text is itself the model on the fields alone
      double[] holdOutFieldsOnly = null;
      if (readsText) {
        try (XgbScorer fields =
            scorers.train(
                FeatureRows.of(fieldsOnly, leads, head.p(), split.train()), trainY,
                FeatureRows.of(fieldsOnly, leads, head.p(), split.validation()), validationY)) {
          FeatureRows rows = FeatureRows.of(fieldsOnly, leads, head.p(), split.holdOut());
          holdOutFieldsOnly = fields.probabilities(rows.data(), rows.rows());
        }
      }
      progress.update("scorer", 1, 2);
      if (data.segmentSource() != null && objective == Objective.BINARY) {
        segments =
            new SegmentTrainer(scorers)
                .train(data.segmentSource(), spec, leads, head.p(), labels, split, main);
      } else if (data.segmentSource() != null) {
        warnings.add(
            "segments are trained for converted/not converted labels only; this"
                + " regression has one scorer for every lead");
      }
      progress.update("scorer", 2, 2);
      SegmentRouter router = router(data.segmentSource(), main, segments);

      progress.update("evaluate", 0, 1);
      double[] rawValidation = predict(router, leads, validation, split.validation());
      double[] rawHoldOut = predict(router, leads, holdOut, split.holdOut());
      Calibration calibration =
          objective == Objective.BINARY
              ? CalibrationFitter.choose(rawValidation, validationLabels).calibration()
              : PercentileCalibration.fit(rawValidation);
      double[] calibratedValidation = calibration.applyAll(rawValidation);
      double[] calibratedHoldOut = calibration.applyAll(rawHoldOut);
      TierChooser.ChosenTiers tiers =
          TierChooser.choose(
              config.tiers(), scores(calibratedValidation), LeadArrival.perDay(data.times()));

      Map<String, double[]> baselines = new LinkedHashMap<>();
      baselines.put(
          HoldOutReport.LOGISTIC, LogisticBaseline.fit(train, trainLabels).probabilities(holdOut));
      double[] baseRate = new double[holdOutLabels.length];
      Arrays.fill(baseRate, ClassificationMetrics.baseRate(trainLabels));
      baselines.put("base rate (no model)", baseRate);
      if (readsText) {
        baselines.put(FIELDS_ONLY, holdOutFieldsOnly);
        baselines.put("text head only", Rows.select(head.p(), split.holdOut()));
      }
      Map<String, RegressionMetrics> regression =
          objective == Objective.BINARY
              ? null
              : RegressionReport.of(
                  rawHoldOut,
                  holdOutFieldsOnly,
                  train,
                  holdOut,
                  Rows.select(targets.values(), split.train()),
                  Rows.select(targets.values(), split.holdOut()));
      Map<String, Double> importance = FeatureImportance.meanAbsoluteShap(spec, main, holdOut);
      DriftReference driftReference =
          driftReference(
              spec,
              importance,
              leads,
              split.train(),
              Rows.select(head.p(), split.train()),
              scores(calibration.applyAll(predict(router, leads, train, split.train()))));
      HoldOutReport report =
          HoldOutReport.of(
              calibratedHoldOut,
              rawHoldOut,
              holdOutLabels,
              baselines,
              tiers.policy(),
              importance,
              signals,
              segments,
              regression);
      warnings.addAll(0, SignalCheck.warnings(report, tiers.policy(), readsText));
      progress.update("evaluate", 1, 1);

      int converted = (int) IntStream.range(0, labels.length).filter(i -> labels[i]).count();
      BundleManifest.TrainingData trainingData =
          new BundleManifest.TrainingData(
              data.source(),
              config.seed(),
              leads.size(),
              converted,
              split.train().length,
              split.validation().length,
              split.holdOut().length,
              split.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              data.notes());
      TrainingConfig written =
          config.language() == null && data.language() != null
              ? config.withLanguage(data.language())
              : config;
      // with the outcome as the trainer judged it ("above the median" for a continuous target)
      List<LabelledLead> holdOutLeads =
          Arrays.stream(split.holdOut())
              .mapToObj(i -> new LabelledLead(leads.get(i).event(), labels[i]))
              .toList();
      BundleWriter writer = new BundleWriter(written, spec, out, progress);
      BundleManifest manifest =
          writer.write(
              head.head(),
              main,
              segments,
              data.segmentSource(),
              calibration,
              objective,
              tiers,
              trainingData,
              report,
              warnings,
              holdOutLeads,
              driftReference);
      return new TrainingSummary(
          out,
          manifest.version(),
          report.model(),
          report.baselineMetrics(),
          trainingData,
          Duration.between(started, Instant.now()),
          warnings,
          tiers.rule(),
          calibration.method(),
          holdOutLeads,
          regression,
          ModelCard.inputs(manifest),
          report.aucInterval(),
          report.atHalf(),
          report.atHotCut(),
          writer.examples().stream().map(ReasonExamples.Example::line).toList());
    } finally {
      for (SegmentTrainer.Segment segment : segments) {
        if (segment.scorer() != null) {
          segment.scorer().close();
        }
      }
    }
  }

  /**
   * The distributions live drift is measured against: p(opportunity), the score as served and the
   * most important features, on the training split (out-of-fold p(opportunity) there, as the scorer
   * was trained on).
   */
  private static DriftReference driftReference(
      FeatureSpec spec,
      Map<String, Double> importance,
      List<LabelledLead> leads,
      int[] train,
      double[] p,
      int[] scores) {
    DriftQuantities quantities = new DriftQuantities(spec);
    List<LeadEvent> events = Arrays.stream(train).mapToObj(i -> leads.get(i).event()).toList();
    return quantities.reference(
        DRIFT_SPLIT, quantities.followed(List.copyOf(importance.keySet())), events, p, scores);
  }

  /** Embeds the texts and fits the opportunity head; warns about texts the encoder cannot read. */
  private TextHeadTrainer.Result readText(
      List<LabelledLead> leads, boolean[] labels, DataSplit split, List<String> warnings) {
    TextHeadTrainer heads = new TextHeadTrainer(config.encoder(), progress);
    TextHeadTrainer.Embeddings embedded = heads.embed(leads);
    if (embedded.unreadable() > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%,d of %,d texts are not readable by the"
                  + " encoder (over %.0f %% unknown tokens): they count as no text, as when scoring;"
                  + " choose an encoder for their language",
              embedded.unreadable(),
              embedded.texts(),
              100 * TextSignal.MAX_UNKNOWN_RATIO));
    }
    return heads.fit(embedded.vectors(), labels, split);
  }

  private static SegmentRouter router(
      String source, XgbScorer main, List<SegmentTrainer.Segment> segments) {
    Map<String, XgbScorer> bySegment = new LinkedHashMap<>();
    for (SegmentTrainer.Segment segment : segments) {
      if (segment.scorer() != null) {
        bySegment.put(segment.value(), segment.scorer());
      }
    }
    return new SegmentRouter(source, main, bySegment);
  }

  private static double[] predict(
      SegmentRouter router, List<LabelledLead> leads, FeatureRows rows, int[] indices) {
    double[] p = new double[indices.length];
    for (int k = 0; k < indices.length; k++) {
      p[k] = router.scorerFor(leads.get(indices[k]).event()).probability(rows.row(k));
    }
    return p;
  }

  static int[] scores(double[] probabilities) {
    return Arrays.stream(probabilities).mapToInt(p -> (int) Math.round(100 * p)).toArray();
  }

  /** Evaluation metrics of each named prediction. */
  static Map<String, EvaluationMetrics> evaluate(
      Map<String, double[]> predictions, boolean[] labels) {
    Map<String, EvaluationMetrics> metrics = new LinkedHashMap<>();
    predictions.forEach((name, p) -> metrics.put(name, ClassificationMetrics.evaluate(p, labels)));
    return metrics;
  }
}
