package io.leadstream.tools.scenario;

import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.models.evaluation.CalibrationBin;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The scenario's figures as a table, one row per phase and model version, then the retrain and the
 * warnings.
 */
public final class ScenarioTable {

  private static final String ROW = "%-6s %-18s %-11s %-30s %6s %8s %-19s %8s %6s %6s %6s %5s%n";

  private ScenarioTable() {}

  public static void print(PrintWriter out, ScenarioResult result) {
    List<PhaseResult> phases = result.phases();
    out.printf(
        Locale.ROOT,
        ROW,
        "phase",
        "",
        "process",
        "model version",
        "leads",
        "outcomes",
        "live AUC [95 %]",
        "hold-out",
        "mean",
        "rate",
        "ECE",
        "warns");
    for (PhaseResult phase : phases) {
      for (VersionReport v : phase.report().versions()) {
        out.printf(
            Locale.ROOT,
            ROW,
            phase.name(),
            phase.description(),
            phase.regime(),
            v.modelVersion(),
            phase.leads(),
            v.count(),
            v.aucInterval() == null
                ? number(v.auc())
                : String.format(
                    Locale.ROOT,
                    "%.3f [%.3f-%.3f]",
                    v.auc(),
                    v.aucInterval().low(),
                    v.aucInterval().high()),
            v.holdOut() == null ? "-" : number(v.holdOut().auc()),
            number(v.meanPredicted()),
            number(v.baseRate()),
            number(expectedCalibrationError(v.calibration())),
            v.warnings().size());
      }
    }
    out.println(
        "mean: mean score/100; rate: observed conversion rate; ECE: mean |predicted - observed|"
            + " over the deciles, weighted by leads");
    RetrainStep retrain = result.retrain();
    if (retrain != null) {
      out.printf(
          Locale.ROOT,
          "retrain after phase B: %s, %s -> %s; trained on %d labelled leads, judged on the %d of"
              + " the comparison window: AUC %s (serving) vs %s (candidate)%n",
          retrain.outcome(),
          retrain.currentVersion(),
          retrain.candidateVersion() == null ? "-" : retrain.candidateVersion(),
          retrain.trainingLeads(),
          retrain.windowLeads(),
          number(retrain.currentAuc()),
          number(retrain.candidateAuc()));
      out.printf("  %s%n", retrain.reason());
    }
    for (PhaseResult phase : phases) {
      for (VersionReport v : phase.report().versions()) {
        v.warnings()
            .forEach(
                w -> out.printf("WARNING phase %s, %s: %s%n", phase.name(), v.modelVersion(), w));
      }
    }
    out.flush();
  }

  /** Mean absolute gap between predicted and observed over the bins, weighted by their leads. */
  public static double expectedCalibrationError(List<CalibrationBin> bins) {
    double gap = 0;
    long leads = 0;
    for (CalibrationBin bin : bins) {
      gap += bin.count() * Math.abs(bin.meanPredicted() - bin.observedRate());
      leads += bin.count();
    }
    return leads == 0 ? Double.NaN : gap / leads;
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "-";
  }
}
