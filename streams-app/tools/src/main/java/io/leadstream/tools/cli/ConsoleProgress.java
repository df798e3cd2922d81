package io.leadstream.tools.cli;

import io.leadstream.models.training.TrainingProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** Draws one progress bar per stage on a console line, redrawn in place. */
final class ConsoleProgress implements TrainingProgress {

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private String stage;
  private int lastPercent = -1;
  private long stageStartNanos;

  ConsoleProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void update(String stage, long done, long total) {
    if (!stage.equals(this.stage)) {
      if (this.stage != null) {
        out.println();
      }
      this.stage = stage;
      this.lastPercent = -1;
      this.stageStartNanos = System.nanoTime();
    }
    int percent = total <= 0 ? 100 : (int) (100 * done / total);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    int filled = WIDTH * percent / 100;
    double seconds = (System.nanoTime() - stageStartNanos) / 1e9;
    out.printf(
        Locale.ROOT,
        "\r%-9s [%s%s] %3d%%  %d/%d  %.0fs",
        stage,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        percent,
        done,
        total,
        seconds);
    out.flush();
  }

  /** Ends the current bar's line. */
  void finish() {
    if (stage != null) {
      out.println();
      out.flush();
    }
  }
}
