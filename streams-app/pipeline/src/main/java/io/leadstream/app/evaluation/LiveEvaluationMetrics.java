package io.leadstream.app.evaluation;

import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.app.evaluation.ReplacedGauges.Reading;
import io.leadstream.models.evaluation.CalibrationBin;
import io.leadstream.models.evaluation.QuantityDrift;
import io.leadstream.models.evaluation.TierRow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The latest live evaluation as gauges, per model version and window: in Prometheus {@code
 * leadstream_live_auc{version="...",window="30d"}}, its DeLong interval ({@code _auc_low}, {@code
 * _auc_high}), {@code _log_loss}, {@code _brier}, {@code _outcomes}, {@code _positives}, the card's
 * {@code _holdout_auc}, calibration per decile ({@code _calibration_predicted}, {@code
 * _calibration_observed}, {@code _calibration_leads}, label {@code decile}), conversion and lift
 * per tier ({@code _tier_conversion}, {@code _tier_lift}, label {@code tier}), drift ({@code _psi},
 * label {@code quantity}), {@code _warning{kind="auc"|"calibration"|"drift"}} 0 or 1; per window
 * {@code _unmatched} and {@code _evaluated_timestamp_seconds}. A version no longer in the window
 * loses its gauges; an undefined figure (the AUC of a version with one outcome only) has none.
 */
public final class LiveEvaluationMetrics {

  private static final String PREFIX = "leadstream.live.";

  private final ReplacedGauges gauges;
  private final EvaluationSettings settings;
  private final String window;

  public LiveEvaluationMetrics(MeterRegistry registry, EvaluationSettings settings) {
    this.gauges = new ReplacedGauges(registry);
    this.settings = settings;
    this.window = settings.windowLabel();
  }

  /** Shows {@code report}, evaluated {@code at}, in place of the previous one. */
  public void show(Report report, Instant at) {
    Tags windowTags = Tags.of("window", window);
    List<Reading> readings = new ArrayList<>();
    readings.add(
        new Reading(
            PREFIX + "evaluated.timestamp",
            "When the live evaluation last ran (Unix time)",
            "seconds",
            windowTags,
            at.toEpochMilli() / 1000.0));
    readings.add(
        new Reading(
            PREFIX + "unmatched",
            "Outcomes in the window written without a score (no event of the lead before the horizon)",
            null,
            windowTags,
            report.unmatched()));
    for (VersionReport version : report.versions()) {
      version(readings, version, windowTags.and("version", version.modelVersion()));
    }
    gauges.replace(readings);
  }

  private void version(List<Reading> readings, VersionReport v, Tags tags) {
    readings.add(reading("auc", "Live AUC of score/100 over the window", tags, v.auc()));
    if (v.aucInterval() != null) {
      readings.add(
          reading(
              "auc.low",
              "Low end of the live AUC's 95 % DeLong interval",
              tags,
              v.aucInterval().low()));
      readings.add(
          reading(
              "auc.high",
              "High end of the live AUC's 95 % DeLong interval",
              tags,
              v.aucInterval().high()));
    }
    readings.add(reading("log.loss", "Live log loss of score/100", tags, v.logLoss()));
    readings.add(reading("brier", "Live Brier score of score/100", tags, v.brier()));
    readings.add(reading("outcomes", "Labelled leads in the window", tags, v.count()));
    readings.add(reading("positives", "Of these, the leads that converted", tags, v.positives()));
    if (v.holdOut() != null) {
      readings.add(
          reading(
              "holdout.auc", "The hold-out AUC on the version's card", tags, v.holdOut().auc()));
    }
    int decile = 1;
    for (CalibrationBin bin : v.calibration()) {
      Tags binTags = tags.and("decile", Integer.toString(decile++));
      readings.add(
          reading(
              "calibration.predicted",
              "Mean score/100 per decile of score",
              binTags,
              bin.meanPredicted()));
      readings.add(
          reading(
              "calibration.observed",
              "Observed conversion rate per decile of score",
              binTags,
              bin.observedRate()));
      readings.add(
          reading("calibration.leads", "Labelled leads per decile of score", binTags, bin.count()));
    }
    for (TierRow tier : v.tiers()) {
      Tags tierTags = tags.and("tier", tier.tier().name());
      readings.add(
          reading(
              "tier.conversion",
              "Live conversion rate per tier as scored",
              tierTags,
              tier.conversionRate()));
      readings.add(
          reading(
              "tier.lift",
              "Live lift per tier: its conversion over the base rate",
              tierTags,
              tier.lift()));
    }
    for (QuantityDrift drift : v.drift()) {
      readings.add(
          reading(
              "psi",
              "Population stability index of a quantity, training split against the window",
              tags.and("quantity", drift.name()),
              drift.psi()));
    }
    Set<WarningKind> warns = WarningKind.of(v, settings);
    for (WarningKind kind : WarningKind.values()) {
      readings.add(
          reading(
              "warning",
              "1 when the version warns of this kind (AUC below the card by more than the margin,"
                  + " calibration off, or a PSI above the drift threshold)",
              tags.and("kind", kind.label()),
              warns.contains(kind) ? 1 : 0));
    }
  }

  private static Reading reading(String name, String description, Tags tags, double value) {
    return new Reading(PREFIX + name, description, null, tags, value);
  }
}
