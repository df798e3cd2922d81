package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.bundle.RegressionMetrics;
import io.leadstream.models.evaluation.Confusion;
import io.leadstream.models.evaluation.Interval;
import io.leadstream.models.scoring.Calibration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a training run produced.
 *
 * @param folder the bundle folder written
 * @param version the bundle's version
 * @param holdOut the bundle's hold-out metrics (calibrated probabilities)
 * @param baselines hold-out metrics of simpler models, by name
 * @param data the data the bundle was trained on
 * @param took wall-clock time of the run
 * @param warnings what looked suspicious, e.g. likely leakage
 * @param tierRule how the tier thresholds were chosen
 * @param calibration the calibration method chosen on validation
 * @param holdOutLeads the hold-out leads, to compare another bundle on the same leads, each with
 *     its outcome as the evaluation judged it (for a continuous target: above the median)
 * @param regression for a continuous target, hold-out MSE and R² by model; null otherwise
 * @param inputs what the bundle reads and how it was calibrated, as tables name it: "text +
 *     fields", "fields only, platt-calibrated", ...
 * @param aucInterval the 95 % interval of the bundle's hold-out AUC; null without both outcomes
 * @param atHalf each model's calls at p >= 0.5 against the outcome, this bundle first
 * @param atHotCut each model's calls at the HOT cut: the bundle's HOT leads, as many top leads of
 *     each baseline that can rank
 * @param reasonExamples the score, tier and reasons of the hold-out's highest-scored, median and
 *     lowest-scored leads as a sales rep reads them, as the model card shows them
 */
public record TrainingSummary(
    Path folder,
    String version,
    EvaluationMetrics holdOut,
    Map<String, EvaluationMetrics> baselines,
    BundleManifest.TrainingData data,
    Duration took,
    List<String> warnings,
    String tierRule,
    Calibration.Method calibration,
    List<LabelledLead> holdOutLeads,
    Map<String, RegressionMetrics> regression,
    String inputs,
    Interval aucInterval,
    Map<String, Confusion> atHalf,
    Map<String, Confusion> atHotCut,
    List<String> reasonExamples) {}
