package io.leadstream.tools.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leadstream.app.evaluation.LiveEvaluation.VersionReport;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.evaluation.CalibrationBin;
import io.leadstream.models.training.report.LiveAucPlot;
import io.leadstream.models.training.report.ModelCardPlots;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a scenario run leaves in its output folder: the table ({@value #TABLE}), every phase's full
 * evaluation ({@value #JSON}), the live AUC per phase beside the card ({@value #AUC_PLOT}) and the
 * calibration of each phase ({@value #CALIBRATION_PLOT}).
 */
public final class ScenarioFiles {

  public static final String TABLE = "closed-loop.txt";
  public static final String JSON = "closed-loop.json";
  public static final String AUC_PLOT = "live-auc.png";
  public static final String CALIBRATION_PLOT = "calibration.png";

  private ScenarioFiles() {}

  public static void write(Path out, ScenarioResult result, double margin) throws IOException {
    Files.createDirectories(out);
    StringWriter table = new StringWriter();
    ScenarioTable.print(new PrintWriter(table), result);
    Files.writeString(out.resolve(TABLE), table.toString());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .registerModule(BundleManifest.finiteNumbers())
        .writeValue(out.resolve(JSON).toFile(), result);
    List<LiveAucPlot.Point> points = new ArrayList<>();
    Map<String, List<CalibrationBin>> curves = new LinkedHashMap<>();
    for (PhaseResult phase : result.phases()) {
      String label = phase.name() + ": " + phase.description();
      for (VersionReport v : phase.report().versions()) {
        points.add(
            new LiveAucPlot.Point(
                label,
                v.modelVersion(),
                v.auc(),
                v.aucInterval() == null ? v.auc() : v.aucInterval().low(),
                v.aucInterval() == null ? v.auc() : v.aucInterval().high(),
                v.holdOut() == null ? Double.NaN : v.holdOut().auc()));
        curves.put(
            String.format(
                Locale.ROOT,
                "%s (%s, %s process, ECE %.3f)",
                label,
                v.modelVersion(),
                phase.regime(),
                ScenarioTable.expectedCalibrationError(v.calibration())),
            v.calibration());
      }
    }
    LiveAucPlot.write(out.resolve(AUC_PLOT), points, margin);
    ModelCardPlots.calibrationCurves(
        out.resolve(CALIBRATION_PLOT), "Live calibration per phase (deciles of score)", curves);
  }
}
