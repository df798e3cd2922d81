package io.leadstream.tools.bench;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.TextEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Encoders alone side by side on the same texts: each pass runs every encoder once, in turn, on one
 * slice of the texts; the passes go over the texts twice, each slice once in each order (A-B, then
 * B-A), so a change of the machine's speed shows in all of them and a steady drift favours none
 * (with one order, the same encoder was measured 7-8 % faster run last in each pass than run
 * first). More passes, each shorter, pair the encoders closer in time. Each encoder is loaded as
 * {@link EncoderChoice#load} does (one ONNX Runtime thread per call) and read at batch 1 by {@code
 * callers} threads, each with its own {@link TextEncoder} opened before the clock starts.
 */
public final class EncoderComparison {

  private EncoderComparison() {}

  /**
   * @param encoders names or spec files, as {@link EncoderChoice#load} takes them
   * @param passes 2 reads all texts in each order; 2n reads n slices of them in each order
   * @param log told each pass and encoder before it runs
   * @throws IllegalArgumentException when an encoder is unknown
   */
  public static List<EncoderRate> run(
      List<String> encoders, List<String> texts, int callers, int passes, Consumer<String> log)
      throws InterruptedException {
    if (texts.isEmpty() || callers < 1 || passes < 1) {
      throw new IllegalArgumentException("need texts, at least one caller and one pass");
    }
    Map<String, EncoderModel> models = new LinkedHashMap<>();
    try {
      for (String encoder : encoders) {
        models.put(encoder, EncoderChoice.load(encoder));
      }
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      Map<String, int[]> tokens = new LinkedHashMap<>();
      int slices = Math.max(1, Math.min(passes / 2, texts.size()));
      for (int pass = 0; pass < passes; pass++) {
        int slice = pass % slices;
        int from = texts.size() * slice / slices;
        int to = texts.size() * (slice + 1) / slices;
        boolean reverse = (slice + pass / slices) % 2 == 1;
        for (String encoder : reverse ? reversed(encoders) : encoders) {
          log.accept(
              String.format(
                  "encoders compared, pass %d of %d: %s alone on %d texts (%d parallel callers)",
                  pass + 1, passes, encoder, to - from, callers));
          int[] counts = tokens.computeIfAbsent(encoder, e -> new int[texts.size()]);
          rates
              .computeIfAbsent(encoder, e -> new ArrayList<>())
              .add(rate(models.get(encoder), texts.subList(from, to), callers, counts, from));
        }
      }
      List<EncoderRate> results = new ArrayList<>();
      for (String encoder : encoders) {
        List<Integer> counts = Arrays.stream(tokens.get(encoder)).boxed().toList();
        OptionalDouble flops =
            EncoderFlops.ofNamed(EncoderChoice.encoder(encoder))
                .map(dimensions -> OptionalDouble.of(dimensions.meanPerText(counts)))
                .orElse(OptionalDouble.empty());
        double meanTokens = counts.stream().mapToInt(Integer::intValue).average().orElseThrow();
        results.add(new EncoderRate(encoder, rates.get(encoder), meanTokens, flops));
      }
      return results;
    } finally {
      models.values().forEach(EncoderModel::close);
    }
  }

  private static List<String> reversed(List<String> encoders) {
    List<String> reversed = new ArrayList<>(encoders);
    Collections.reverse(reversed);
    return reversed;
  }

  /**
   * Texts/s of the callers; each text's token count goes to {@code tokens} at its index plus {@code
   * offset}.
   */
  private static double rate(
      EncoderModel model, List<String> texts, int callers, int[] tokens, int offset)
      throws InterruptedException {
    List<TextEncoder> encoders = new ArrayList<>();
    try {
      List<IntConsumer> reads = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        TextEncoder encoder = model.newEncoder();
        encoders.add(encoder);
        reads.add(i -> tokens[offset + i] = encoder.embed(texts.get(i)).tokens());
      }
      return ParallelReads.textsPerSecond(texts.size(), reads);
    } finally {
      encoders.forEach(TextEncoder::close);
    }
  }
}
