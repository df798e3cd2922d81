package io.leadstream.tools.retrain;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a retraining run is asked.
 *
 * @param bundle the folder the pipeline reloads its bundle from ({@code leadstream.model.bundle});
 *     it must hold the current bundle
 * @param window length of the comparison window of outcome times, never trained on
 * @param until end of the window, or null for the newest outcome
 * @param trainingWindow length of the window of outcome times before the comparison window that
 *     trains; null for every earlier outcome
 * @param gate when the candidate replaces the current bundle
 * @param keep how many replaced versions the history keeps, at least 1
 */
public record RetrainSettings(
    Path bundle,
    Duration window,
    Instant until,
    Duration trainingWindow,
    PromotionGate gate,
    int keep) {

  /** The default comparison window: the last 7 days of outcomes. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  public RetrainSettings {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(gate, "gate");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the comparison window must be positive: " + window);
    }
    if (trainingWindow != null && (trainingWindow.isNegative() || trainingWindow.isZero())) {
      throw new IllegalArgumentException("the training window must be positive: " + trainingWindow);
    }
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least 1 replaced version, was " + keep);
    }
  }

  /**
   * Defaults for {@code bundle}: a 7-day window to the newest outcome, the default gate, 5 kept.
   */
  public static RetrainSettings defaults(Path bundle) {
    return new RetrainSettings(
        bundle, DEFAULT_WINDOW, null, null, PromotionGate.defaults(), BundleHistory.DEFAULT_KEEP);
  }
}
