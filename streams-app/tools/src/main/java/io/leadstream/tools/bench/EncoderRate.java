package io.leadstream.tools.bench;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * One encoder alone on the bench's texts.
 *
 * @param encoder its name (or spec file)
 * @param passes texts/s of each pass
 * @param meanTokens mean tokens per text as its tokenizer reads them, special tokens included
 * @param flopsPerText mean FLOPs of its matrix products per text ({@link EncoderFlops}); empty when
 *     its dimensions are not known
 */
public record EncoderRate(
    String encoder, List<Double> passes, double meanTokens, OptionalDouble flopsPerText) {

  public EncoderRate {
    passes = List.copyOf(passes);
    if (passes.isEmpty()) {
      throw new IllegalArgumentException("no pass of " + encoder);
    }
  }

  /** Median texts/s over the passes. */
  public double textsPerSecond() {
    return BenchResult.median(passes);
  }

  /**
   * GFLOP/s its median rate achieves, counting its fp32 FLOPs (an int8 encoder does the same
   * products in int8).
   */
  public OptionalDouble achievedGflopsPerSecond() {
    return flopsPerText.isPresent()
        ? OptionalDouble.of(flopsPerText.getAsDouble() * textsPerSecond() / 1e9)
        : OptionalDouble.empty();
  }

  /** Per pass, this encoder's rate over {@code reference}'s in the same pass. */
  public List<Double> ratiosTo(EncoderRate reference) {
    if (reference.passes.size() != passes.size()) {
      throw new IllegalArgumentException(
          encoder + " and " + reference.encoder + " ran different numbers of passes");
    }
    return IntStream.range(0, passes.size())
        .mapToObj(p -> passes.get(p) / reference.passes.get(p))
        .toList();
  }
}
