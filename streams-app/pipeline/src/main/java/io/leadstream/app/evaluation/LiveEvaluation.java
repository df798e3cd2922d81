package io.leadstream.app.evaluation;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.DriftReference;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.evaluation.CalibrationBin;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.DriftQuantities;
import io.leadstream.models.evaluation.Interval;
import io.leadstream.models.evaluation.PopulationStability;
import io.leadstream.models.evaluation.QuantityDrift;
import io.leadstream.models.evaluation.TierRow;
import io.leadstream.models.evaluation.TierStatistics;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.schema.EventScore;
import io.leadstream.schema.LabelledLead;
import io.leadstream.schema.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the live scores did against the outcomes on {@code leads.labelled}: per model version, over
 * the labelled leads whose outcome occurred in a window, the metrics the trainer reports on its
 * hold-out ({@link ClassificationMetrics}, {@link TierStatistics}), beside that bundle's card.
 *
 * <p>The probability of a lead is its score / 100, the number sales saw; the card's hold-out
 * figures are of the unrounded probability, so rounding ties cost the live AUC a little. Tiers are
 * the tiers the leads were given when scored, not recomputed from the score.
 *
 * <p>Drift: per version whose manifest carries a {@link DriftReference}, the population stability
 * index ({@link PopulationStability}) of each quantity of the reference (p(opportunity), the score,
 * the most important features) over the leads as they were scored ({@code asOf}), features read
 * from {@code asOf}'s event with the bundle's own feature spec ({@link DriftQuantities}), no model
 * loaded. A quantity warns when its PSI is above the threshold, from {@value #MIN_DRIFT_LEADS}
 * leads on: below, an unchanged population's PSI is mostly sampling noise.
 */
public final class LiveEvaluation {

  /** Tier thresholds that map the {@link #tierScore} of a recorded tier back to that tier. */
  private static final TierPolicy RECORDED_TIER = new TierPolicy(3, 2, 1);

  /** PSI above which a quantity warns by default: the usual "major shift". */
  public static final double DEFAULT_DRIFT_THRESHOLD = PopulationStability.MAJOR_ABOVE;

  /** Leads of a version from which its drift may warn. */
  public static final int MIN_DRIFT_LEADS = 100;

  private LiveEvaluation() {}

  /**
   * The result of one evaluation.
   *
   * @param from start of the window, exclusive
   * @param until end of the window, inclusive
   * @param leads labelled records evaluated (one per lead)
   * @param outsideWindow of these, records whose outcome occurred outside the window
   * @param unmatched outcomes in the window written without a score (asOf absent)
   * @param versions per model version, ordered by version
   * @param unusedCards versions of the bundles given that no lead in the window was scored by
   * @param driftThreshold PSI above which a quantity warns
   */
  public record Report(
      String from,
      String until,
      long leads,
      long outsideWindow,
      long unmatched,
      List<VersionReport> versions,
      List<String> unusedCards,
      double driftThreshold) {

    /** True when any version warns. */
    public boolean warns() {
      return versions.stream().anyMatch(v -> !v.warnings().isEmpty());
    }
  }

  /**
   * How the leads scored by one model version did.
   *
   * @param modelVersion bundle version that scored the leads
   * @param count labelled leads in the window
   * @param positives of these, leads labelled 1
   * @param baseRate positives / count
   * @param meanPredicted mean of score / 100
   * @param auc AUC of score / 100; NaN when one outcome is absent
   * @param aucInterval its 95 % DeLong interval; null when one outcome is absent
   * @param logLoss log loss of score / 100
   * @param brier Brier score of score / 100
   * @param calibration per decile of score: mean predicted, observed rate, count
   * @param tiers conversion rate and lift per recorded tier, HOT first
   * @param holdOut the hold-out figures of this version's card; null without its bundle
   * @param holdOutTiers the card's hold-out tier rows; empty without its bundle
   * @param warnings what looks wrong, in sentences; empty for none
   * @param drift per quantity of the card's drift reference, in its order: PSI, live count and the
   *     bins' training and live shares; empty without a reference
   * @param driftNote why there is no drift (no card, a card without a reference) or why it does not
   *     warn (too few leads); null for neither
   */
  public record VersionReport(
      String modelVersion,
      int count,
      int positives,
      double baseRate,
      double meanPredicted,
      double auc,
      Interval aucInterval,
      double logLoss,
      double brier,
      List<CalibrationBin> calibration,
      List<TierRow> tiers,
      EvaluationMetrics holdOut,
      List<BundleManifest.TierOutcome> holdOutTiers,
      List<String> warnings,
      List<QuantityDrift> drift,
      String driftNote) {}

  /**
   * Evaluates {@code leads}, one record per lead (the latest of each, as compaction keeps them).
   *
   * @param until end of the window, inclusive
   * @param window length of the window: outcomes after {@code until - window} count
   * @param cards bundle manifests; a version's hold-out figures are those of the manifest of that
   *     version
   * @param margin a version warns when its live AUC is below the card's hold-out AUC minus this
   * @param calibrationMargin a version warns when its mean score / 100 and its observed conversion
   *     rate differ by more than this and the mean lies outside the rate's 95 % Wilson interval
   * @param driftThreshold a version warns for each quantity whose PSI is above this (from {@value
   *     #MIN_DRIFT_LEADS} leads on)
   */
  public static Report evaluate(
      Collection<LabelledLead> leads,
      Instant until,
      Duration window,
      Collection<BundleManifest> cards,
      double margin,
      double calibrationMargin,
      double driftThreshold) {
    Instant from = until.minus(window);
    Map<String, List<LabelledLead>> byVersion = new TreeMap<>();
    long outside = 0;
    long unmatched = 0;
    for (LabelledLead lead : leads) {
      Instant at = lead.getOutcomeAt();
      if (!at.isAfter(from) || at.isAfter(until)) {
        outside++;
      } else if (lead.getAsOf() == null) {
        unmatched++;
      } else {
        byVersion
            .computeIfAbsent(lead.getAsOf().getScore().getModelVersion(), v -> new ArrayList<>())
            .add(lead);
      }
    }
    Map<String, BundleManifest> cardByVersion = new TreeMap<>();
    cards.forEach(card -> cardByVersion.put(card.version(), card));
    List<VersionReport> versions = new ArrayList<>();
    byVersion.forEach(
        (version, labelled) ->
            versions.add(
                version(
                    version,
                    labelled,
                    cardByVersion.get(version),
                    margin,
                    calibrationMargin,
                    driftThreshold)));
    List<String> unused =
        cardByVersion.keySet().stream().filter(v -> !byVersion.containsKey(v)).toList();
    return new Report(
        from.toString(),
        until.toString(),
        leads.size(),
        outside,
        unmatched,
        List.copyOf(versions),
        unused,
        driftThreshold);
  }

  /**
   * {@link #evaluate(Collection, Instant, Duration, Collection, double, double, double)} with the
   * {@link #DEFAULT_DRIFT_THRESHOLD}.
   */
  public static Report evaluate(
      Collection<LabelledLead> leads,
      Instant until,
      Duration window,
      Collection<BundleManifest> cards,
      double margin,
      double calibrationMargin) {
    return evaluate(
        leads, until, window, cards, margin, calibrationMargin, DEFAULT_DRIFT_THRESHOLD);
  }

  private static VersionReport version(
      String version,
      List<LabelledLead> leads,
      BundleManifest card,
      double margin,
      double calibrationMargin,
      double driftThreshold) {
    int n = leads.size();
    double[] predicted = new double[n];
    boolean[] actual = new boolean[n];
    int[] tiers = new int[n];
    int positives = 0;
    double sum = 0;
    for (int k = 0; k < n; k++) {
      EventScore score = leads.get(k).getAsOf().getScore();
      predicted[k] = score.getScore() / 100.0;
      actual[k] = leads.get(k).getLabel() == 1;
      tiers[k] = tierScore(score.getTier());
      positives += actual[k] ? 1 : 0;
      sum += predicted[k];
    }
    double auc = ClassificationMetrics.auc(predicted, actual);
    EvaluationMetrics holdOut =
        card == null || card.evaluation() == null ? null : card.evaluation().model();
    List<String> warnings = new ArrayList<>();
    if (aucWarns(auc, holdOut, margin)) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "live AUC %.3f is below the hold-out AUC %.3f by more than %.3f (%d leads)",
              auc,
              holdOut.auc(),
              margin,
              n));
    }
    double meanPredicted = sum / n;
    double baseRate = (double) positives / n;
    Interval observed = TierStatistics.wilson(positives, n);
    if (calibrationWarns(positives, n, meanPredicted, calibrationMargin)) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "calibration: mean score/100 %.3f, observed rate %.3f (95 %% interval %.3f-%.3f),"
                  + " %d leads",
              meanPredicted,
              baseRate,
              observed.low(),
              observed.high(),
              n));
    }
    List<QuantityDrift> drift = List.of();
    String driftNote;
    if (card == null) {
      driftNote = "no drift: no bundle of this version given, so no training distributions";
    } else if (card.driftReference() == null) {
      driftNote =
          "no drift: the bundle's manifest has no drift reference (trained before drift was"
              + " recorded, or not trained by LeadStream); retrain to measure drift";
    } else {
      drift =
          new DriftQuantities(card.features())
              .drift(card.driftReference(), leads.stream().map(LabelledLead::getAsOf).toList());
      driftNote =
          n >= MIN_DRIFT_LEADS
              ? null
              : String.format(
                  Locale.ROOT,
                  "drift of %d leads is mostly sampling noise: it warns from %d leads on",
                  n,
                  MIN_DRIFT_LEADS);
      for (QuantityDrift quantity : drift) {
        if (driftWarns(quantity, driftThreshold)) {
          warnings.add(driftWarning(quantity, driftThreshold));
        }
      }
    }
    return new VersionReport(
        version,
        n,
        positives,
        baseRate,
        meanPredicted,
        auc,
        ClassificationMetrics.aucInterval(predicted, actual),
        ClassificationMetrics.logLoss(predicted, actual),
        ClassificationMetrics.brier(predicted, actual),
        ClassificationMetrics.calibrationCurve(predicted, actual),
        TierStatistics.tierTable(tiers, actual, RECORDED_TIER),
        holdOut,
        card == null || card.evaluation() == null ? List.of() : card.evaluation().tiers(),
        List.copyOf(warnings),
        drift,
        driftNote);
  }

  private static String driftWarning(QuantityDrift quantity, double threshold) {
    QuantityDrift.BinShares moved = quantity.mostMoved();
    return String.format(
        Locale.ROOT,
        "drift: PSI of %s %.3f is above %.2f (%s, %d leads): bin %s holds %.1f %% live, %.1f %% in"
            + " training",
        quantity.name(),
        quantity.psi(),
        threshold,
        quantity.reading(),
        quantity.liveCount(),
        moved.bin(),
        100 * moved.live(),
        100 * moved.reference());
  }

  /**
   * The AUC warning's rule: a live AUC below the card's hold-out AUC minus {@code margin}; never
   * without a card or when the AUC is undefined.
   */
  public static boolean aucWarns(double auc, EvaluationMetrics holdOut, double margin) {
    return holdOut != null && Double.isFinite(auc) && auc < holdOut.auc() - margin;
  }

  /**
   * The calibration warning's rule: the mean score / 100 and the observed rate of {@code positives}
   * in {@code count} differ by more than {@code margin}, and the mean lies outside the rate's 95 %
   * Wilson interval.
   */
  public static boolean calibrationWarns(
      int positives, int count, double meanPredicted, double margin) {
    double baseRate = (double) positives / count;
    return Math.abs(meanPredicted - baseRate) > margin
        && !TierStatistics.wilson(positives, count).contains(meanPredicted);
  }

  /**
   * Whether a quantity's drift warns: its PSI is above {@code threshold} and it was measured over
   * at least {@value #MIN_DRIFT_LEADS} leads.
   */
  public static boolean driftWarns(QuantityDrift quantity, double threshold) {
    return quantity.liveCount() >= MIN_DRIFT_LEADS && quantity.psi() > threshold;
  }

  /**
   * A stand-in score that {@link #RECORDED_TIER} maps to {@code tier}, so that {@link
   * TierStatistics#tierTable} tabulates the tiers as recorded.
   */
  private static int tierScore(Tier tier) {
    return switch (tier) {
      case HOT -> 3;
      case WARM -> 2;
      case COLD -> 1;
      case DISQUALIFIED -> 0;
    };
  }
}
