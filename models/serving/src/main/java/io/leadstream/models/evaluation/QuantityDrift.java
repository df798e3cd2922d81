package io.leadstream.models.evaluation;

import io.leadstream.models.bundle.DriftReference.Kind;
import java.util.Comparator;
import java.util.List;

/**
 * How far the live distribution of one quantity has moved from training.
 *
 * @param kind what is measured
 * @param name {@code opportunityProbability}, {@code score}, or the feature's name
 * @param psi population stability index ({@link PopulationStability}); NaN without live values
 * @param reading {@code stable}, {@code moderate shift} or {@code major shift}
 * @param liveCount live values compared
 * @param bins per bin, the missing one last: its training and live shares
 */
public record QuantityDrift(
    Kind kind, String name, double psi, String reading, int liveCount, List<BinShares> bins) {

  public QuantityDrift {
    bins = List.copyOf(bins);
  }

  /**
   * One bin's shares.
   *
   * @param bin the bin in words, e.g. {@code (3, 7.5]} or {@code missing}
   * @param reference share of the training leads in it
   * @param live share of the live leads in it
   */
  public record BinShares(String bin, double reference, double live) {}

  /** The bin whose share moved most. */
  public BinShares mostMoved() {
    return bins.stream()
        .max(Comparator.comparingDouble(b -> Math.abs(b.live() - b.reference())))
        .orElseThrow();
  }
}
