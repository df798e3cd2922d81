package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.inference.TextEmbedding;
import io.leadstream.models.inference.TextEncoder;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.OpportunityHead;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.models.scoring.XgbScorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a bundle from labelled leads and writes it as a folder a {@link
 * io.leadstream.models.bundle.ModelBundle} loads.
 *
 * <ol>
 *   <li>Split 60/20/20 into train, validation and hold-out (shuffled by the seed).
 *   <li>Embed every lead's text ({@link LeadText}) with the encoder.
 *   <li>Fit the logistic opportunity head on training texts, its L2 strength chosen on
 *       validation log loss. Training rows get out-of-fold p(opportunity) (5 folds), so the
 *       scorer never learns from a p the head fitted on the same lead; validation and hold-out
 *       get the final head's p. Blank texts get the head's prior, as at serving time.
 *   <li>Train XGBoost ({@code binary:logistic}) with early stopping on validation log loss, then
 *       refit on the training split with the chosen number of rounds.
 *   <li>Set tier thresholds from validation score quantiles.
 *   <li>Report hold-out AUC, PR-AUC, log loss and Brier, beside baselines: XGBoost and logistic
 *       regression on the structured fields alone, and the text head alone.
 *   <li>Write head, scorer, {@code MODEL_CARD.md} and {@code manifest.json} with file hashes.
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

  private static final double[] L2_GRID = {1e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1};
  private static final int FOLDS = 5;
  private static final int EARLY_STOPPING_ROUNDS = 50;

  private final TrainingConfig config;
  private final TrainingProgress progress;

  public BundleTrainer(TrainingConfig config, TrainingProgress progress) {
    this.config = config;
    this.progress = progress == null ? TrainingProgress.NONE : progress;
  }

  /**
   * Generates {@code count} synthetic leads with {@code seed}, trains on them with default
   * settings and writes the bundle to {@code out} (named after the folder). The entry point of
   * the {@code train} command.
   */
  public static TrainingSummary trainSynthetic(
      int count, long seed, Path out, TrainingProgress progress) {
    TrainingProgress reporter = progress == null ? TrainingProgress.NONE : progress;
    reporter.update("generate", 0, count);
    List<LabelledLead> leads = new SyntheticLeadGenerator(seed).generate(count);
    reporter.update("generate", count, count);
    String name = out.toAbsolutePath().normalize().getFileName().toString();
    return new BundleTrainer(TrainingConfig.defaults(name, seed), reporter)
        .train(leads, SyntheticLeadGenerator.class.getSimpleName(), out);
  }

  /**
   * Trains a bundle and writes it to {@code out}, replacing the files it writes there.
   *
   * @param leads labelled leads, at least a few hundred with both outcomes
   * @param dataSource what the leads are, recorded in the manifest
   */
  public TrainingSummary train(List<LabelledLead> leads, String dataSource, Path out) {
    Instant started = Instant.now();
    Split split = Split.of(leads.size(), config.seed());
    boolean[] labels = new boolean[leads.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = leads.get(i).converted();
    }

    float[][] embeddings = embed(leads);
    HeadResult head = fitHead(embeddings, labels, split);

    FeatureSpec spec = config.features();
    FeatureSpec structured = spec.without(FeatureSpec.OPPORTUNITY_PROBABILITY);
    double[] holdOutModel;
    double[] holdOutStructured;
    double[] validationModel;
    byte[] scorerModel;
    progress.update("scorer", 0, 2);
    try (XgbScorer scorer = trainScorer(spec, leads, head.p(), labels, split);
        XgbScorer structuredScorer = trainScorer(structured, leads, head.p(), labels, split)) {
      validationModel = predict(scorer, spec, leads, head.p(), split.validation());
      holdOutModel = predict(scorer, spec, leads, head.p(), split.holdOut());
      holdOutStructured = predict(structuredScorer, structured, leads, head.p(), split.holdOut());
      scorerModel = scorer.toUbj();
    }
    progress.update("scorer", 2, 2);

    progress.update("evaluate", 0, 1);
    TierPolicy tiers = tierPolicy(validationModel);
    boolean[] holdOutLabels = select(labels, split.holdOut());
    EvaluationMetrics model = Metrics.evaluate(holdOutModel, holdOutLabels);
    Map<String, EvaluationMetrics> baselines = new LinkedHashMap<>();
    baselines.put("structured-xgboost", Metrics.evaluate(holdOutStructured, holdOutLabels));
    baselines.put(
        "structured-logistic",
        Metrics.evaluate(structuredLogistic(structured, leads, labels, split), holdOutLabels));
    baselines.put(
        "text-head-only", Metrics.evaluate(select(head.p(), split.holdOut()), holdOutLabels));
    progress.update("evaluate", 1, 1);

    int converted = 0;
    for (boolean label : labels) {
      converted += label ? 1 : 0;
    }
    BundleManifest.TrainingData data =
        new BundleManifest.TrainingData(
            dataSource, config.seed(), leads.size(), converted, split.train().length,
            split.validation().length, split.holdOut().length);
    BundleWriter writer = new BundleWriter(config, out);
    BundleManifest manifest =
        writer.write(
            head.head().toJson(), scorerModel, tiers, data,
            new BundleManifest.Evaluation(model, baselines), progress);
    return new TrainingSummary(
        out, manifest.version(), model, baselines, data, Duration.between(started, Instant.now()));
  }

  private float[][] embed(List<LabelledLead> leads) {
    List<Integer> withText = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      String text = LeadText.of(leads.get(i).event());
      if (!text.isBlank()) {
        withText.add(i);
        texts.add(text);
      }
    }
    float[][] embeddings = new float[leads.size()][];
    progress.update("embed", 0, texts.size());
    try (EncoderModel model = EncoderModel.load(config.encoder(), ModelSource.forClasspath(""));
        TextEncoder encoder = model.newEncoder()) {
      for (int from = 0; from < texts.size(); from += TextEncoder.MAX_BATCH) {
        int to = Math.min(texts.size(), from + TextEncoder.MAX_BATCH);
        List<TextEmbedding> batch = encoder.embed(texts.subList(from, to));
        for (int k = from; k < to; k++) {
          embeddings[withText.get(k)] = batch.get(k - from).vector();
        }
        progress.update("embed", to, texts.size());
      }
    }
    return embeddings;
  }

  private record HeadResult(OpportunityHead head, double[] p) {}

  private HeadResult fitHead(float[][] embeddings, boolean[] labels, Split split) {
    int steps = L2_GRID.length + FOLDS + 1;
    int step = 0;
    progress.update("head", step, steps);
    double prior = Metrics.baseRate(select(labels, split.train()));
    int[] train = withText(split.train(), embeddings);
    int[] validation = withText(split.validation(), embeddings);

    double bestL2 = L2_GRID[0];
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double l2 : L2_GRID) {
      LogisticRegression.Fit fit = fitOn(train, embeddings, labels, l2);
      double[] predicted = new double[validation.length];
      for (int k = 0; k < validation.length; k++) {
        predicted[k] = fit.probability(toDouble(embeddings[validation[k]]));
      }
      double loss = Metrics.logLoss(predicted, select(labels, validation));
      if (loss < bestLoss) {
        bestLoss = loss;
        bestL2 = l2;
      }
      progress.update("head", ++step, steps);
    }

    double[] p = new double[labels.length];
    Arrays.fill(p, prior);
    int[] trainRows = split.train();
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Integer> fitRows = new ArrayList<>();
      List<Integer> foldRows = new ArrayList<>();
      for (int k = 0; k < trainRows.length; k++) {
        (k % FOLDS == fold ? foldRows : fitRows).add(trainRows[k]);
      }
      LogisticRegression.Fit fit =
          fitOn(withText(toArray(fitRows), embeddings), embeddings, labels, bestL2);
      for (int row : foldRows) {
        if (embeddings[row] != null) {
          p[row] = fit.probability(toDouble(embeddings[row]));
        }
      }
      progress.update("head", ++step, steps);
    }

    LogisticRegression.Fit fit = fitOn(train, embeddings, labels, bestL2);
    float[] weights = new float[fit.weights().length];
    for (int j = 0; j < weights.length; j++) {
      weights[j] = (float) fit.weights()[j];
    }
    OpportunityHead head = new OpportunityHead(weights, fit.bias(), prior);
    for (int[] rows : List.of(split.validation(), split.holdOut())) {
      for (int row : rows) {
        if (embeddings[row] != null) {
          p[row] = head.probability(embeddings[row]);
        }
      }
    }
    progress.update("head", ++step, steps);
    return new HeadResult(head, p);
  }

  private static LogisticRegression.Fit fitOn(
      int[] rows, float[][] embeddings, boolean[] labels, double l2) {
    double[][] x = new double[rows.length][];
    for (int k = 0; k < rows.length; k++) {
      x[k] = toDouble(embeddings[rows[k]]);
    }
    return LogisticRegression.fit(x, select(labels, rows), l2);
  }

  private XgbScorer trainScorer(
      FeatureSpec spec, List<LabelledLead> leads, double[] p, boolean[] labels, Split split) {
    int columns = spec.columnCount();
    DMatrix train = null;
    DMatrix validation = null;
    try {
      train = matrix(spec, leads, p, labels, split.train());
      validation = matrix(spec, leads, p, labels, split.validation());
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "binary:logistic");
      params.put("eval_metric", "logloss");
      params.put("tree_method", "hist");
      params.put("eta", 0.05);
      params.put("max_depth", 4);
      params.put("min_child_weight", 3);
      params.put("subsample", 0.8);
      params.put("colsample_bytree", 0.8);
      params.put("lambda", 1.0);
      params.put("seed", config.seed());
      params.put("nthread", 2);
      params.put("verbosity", 0);
      params.put("verbose_eval", "false");
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      watches.put("validation", validation);
      Booster probe =
          XGBoost.train(
              train, params, config.maxRounds(), watches, new float[1][config.maxRounds()],
              null, null, EARLY_STOPPING_ROUNDS);
      int rounds;
      try {
        String best = probe.getAttr("best_iteration");
        rounds = best == null ? probe.getNumBoostedRound() : Integer.parseInt(best) + 1;
      } finally {
        probe.dispose();
      }
      Booster booster = XGBoost.train(train, params, rounds, Collections.emptyMap(), null, null);
      return XgbScorer.wrap(booster, columns);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      if (train != null) {
        train.dispose();
      }
      if (validation != null) {
        validation.dispose();
      }
    }
  }

  private static DMatrix matrix(
      FeatureSpec spec, List<LabelledLead> leads, double[] p, boolean[] labels, int[] rows)
      throws XGBoostError {
    float[] data = rows(spec, leads, p, rows);
    DMatrix matrix = new DMatrix(data, rows.length, spec.columnCount(), Float.NaN);
    float[] y = new float[rows.length];
    for (int k = 0; k < rows.length; k++) {
      y[k] = labels[rows[k]] ? 1 : 0;
    }
    matrix.setLabel(y);
    return matrix;
  }

  private static float[] rows(FeatureSpec spec, List<LabelledLead> leads, double[] p, int[] rows) {
    FeatureExtractor extractor = new FeatureExtractor(spec);
    int columns = spec.columnCount();
    float[] data = new float[rows.length * columns];
    for (int k = 0; k < rows.length; k++) {
      float[] row = extractor.extract(leads.get(rows[k]).event(), p[rows[k]]);
      System.arraycopy(row, 0, data, k * columns, columns);
    }
    return data;
  }

  private static double[] predict(
      XgbScorer scorer, FeatureSpec spec, List<LabelledLead> leads, double[] p, int[] rows) {
    return scorer.probabilities(rows(spec, leads, p, rows), rows.length);
  }

  private double[] structuredLogistic(
      FeatureSpec spec, List<LabelledLead> leads, boolean[] labels, Split split) {
    int columns = spec.columnCount();
    double[] noText = new double[labels.length];
    float[] train = rows(spec, leads, noText, split.train());
    double[] mean = new double[columns];
    double[] scale = new double[columns];
    for (int c = 0; c < columns; c++) {
      double sum = 0;
      double squares = 0;
      int known = 0;
      for (int k = 0; k < split.train().length; k++) {
        float v = train[k * columns + c];
        if (!Float.isNaN(v)) {
          sum += v;
          squares += (double) v * v;
          known++;
        }
      }
      mean[c] = known == 0 ? 0 : sum / known;
      double variance = known == 0 ? 0 : squares / known - mean[c] * mean[c];
      scale[c] = variance > 1e-12 ? Math.sqrt(variance) : 1;
    }
    LogisticRegression.Fit fit =
        LogisticRegression.fit(
            standardize(train, split.train().length, columns, mean, scale),
            select(labels, split.train()),
            1e-3);
    int[] holdOut = split.holdOut();
    double[][] x =
        standardize(rows(spec, leads, noText, holdOut), holdOut.length, columns, mean, scale);
    double[] predicted = new double[holdOut.length];
    for (int k = 0; k < holdOut.length; k++) {
      predicted[k] = fit.probability(x[k]);
    }
    return predicted;
  }

  /** Mean-imputed, standardized rows plus one missing-indicator column per input column. */
  private static double[][] standardize(
      float[] data, int rows, int columns, double[] mean, double[] scale) {
    double[][] x = new double[rows][2 * columns];
    for (int k = 0; k < rows; k++) {
      for (int c = 0; c < columns; c++) {
        float v = data[k * columns + c];
        boolean missing = Float.isNaN(v);
        x[k][c] = missing ? 0 : (v - mean[c]) / scale[c];
        x[k][columns + c] = missing ? 1 : 0;
      }
    }
    return x;
  }

  /** Thresholds that put the configured shares of validation leads into each tier. */
  TierPolicy tierPolicy(double[] validationProbabilities) {
    int[] scores =
        Arrays.stream(validationProbabilities).mapToInt(p -> (int) Math.round(100 * p)).toArray();
    Integer[] descending = IntStream.of(scores).boxed().sorted(Collections.reverseOrder())
        .toArray(Integer[]::new);
    int n = descending.length;
    int hot = descending[Math.max(0, (int) Math.ceil(config.hotShare() * n) - 1)];
    int warm =
        descending[Math.max(0, (int) Math.ceil((config.hotShare() + config.warmShare()) * n) - 1)];
    int cold =
        descending[
            Math.min(n - 1, Math.max(0, (int) Math.ceil(
                (config.hotShare() + config.warmShare() + config.coldShare()) * n) - 1))];
    hot = Math.max(hot, 2);
    warm = Math.max(1, Math.min(warm, hot - 1));
    cold = Math.max(0, Math.min(cold, warm - 1));
    return new TierPolicy(hot, warm, cold);
  }

  private static int[] withText(int[] rows, float[][] embeddings) {
    return IntStream.of(rows).filter(r -> embeddings[r] != null).toArray();
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean[] select(boolean[] values, int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = values[rows[k]];
    }
    return out;
  }

  private static double[] select(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = values[rows[k]];
    }
    return out;
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** Row indices of the three splits. */
  record Split(int[] train, int[] validation, int[] holdOut) {
    static Split of(int count, long seed) {
      List<Integer> order = new ArrayList<>(IntStream.range(0, count).boxed().toList());
      Collections.shuffle(order, new Random(seed));
      int trainEnd = (int) Math.round(count * 0.6);
      int validationEnd = (int) Math.round(count * 0.8);
      return new Split(
          toArray(order.subList(0, trainEnd)),
          toArray(order.subList(trainEnd, validationEnd)),
          toArray(order.subList(validationEnd, count)));
    }
  }

  /** Writes the bundle files and their manifest. */
  private static final class BundleWriter {
    private final TrainingConfig config;
    private final Path out;

    BundleWriter(TrainingConfig config, Path out) {
      this.config = config;
      this.out = out;
    }

    BundleManifest write(
        byte[] head,
        byte[] scorer,
        TierPolicy tiers,
        BundleManifest.TrainingData data,
        BundleManifest.Evaluation evaluation,
        TrainingProgress progress) {
      progress.update("write", 0, 1);
      Instant now = Instant.now();
      String version =
          config.name() + "-"
              + DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC).format(now)
              + "-" + Sha256.of(scorer).substring(0, 8);
      String createdAt = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
      BundleManifest draft =
          new BundleManifest(
              BundleManifest.FORMAT, config.name(), version, createdAt, config.encoder(),
              HEAD_FILE, SCORER_FILE, config.features(), tiers, data, evaluation, Map.of());
      byte[] card = ModelCard.render(draft).getBytes(StandardCharsets.UTF_8);
      Map<String, String> hashes = new LinkedHashMap<>();
      try {
        Files.createDirectories(out);
        for (Map.Entry<String, byte[]> file :
            Map.of(HEAD_FILE, head, SCORER_FILE, scorer, MODEL_CARD_FILE, card).entrySet()) {
          Files.write(out.resolve(file.getKey()), file.getValue());
          hashes.put(file.getKey(), Sha256.of(file.getValue()));
        }
        BundleManifest manifest =
            new BundleManifest(
                draft.format(), draft.name(), draft.version(), draft.createdAt(), draft.encoder(),
                draft.head(), draft.scorer(), draft.features(), draft.tiers(), draft.training(),
                draft.evaluation(), hashes);
        Files.write(out.resolve(BundleManifest.FILE_NAME), manifest.toJson());
        progress.update("write", 1, 1);
        return manifest;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write bundle to " + out, e);
      }
    }
  }
}
