package io.leadstream.tools.bench;

import io.leadstream.app.metrics.PipelineMetrics;
import io.micrometer.core.instrument.DistributionSummary;

/**
 * How many texts the pipeline's read-text step read per call while the bench measured: the {@code
 * leadstream.inference.batch.texts} summary's calls and texts summed over the measured spans only.
 */
final class ReadCalls {

  private final DistributionSummary batches;
  private long calls;
  private double texts;

  ReadCalls(PipelineMetrics metrics) {
    this.batches = metrics.inferenceBatches();
  }

  /** Starts a measured span. */
  void resume() {
    calls -= batches.count();
    texts -= batches.totalAmount();
  }

  /** Ends the span {@link #resume()} started. */
  void pause() {
    calls += batches.count();
    texts += batches.totalAmount();
  }

  /** Texts per call over the measured spans; NaN when none was read. */
  double textsPerCall() {
    return calls == 0 ? Double.NaN : texts / calls;
  }
}
