package io.leadstream.tools.observe;

import io.leadstream.schema.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies outcomes: counts per tier and per dead-letter reason, throughput and end-to-end latency
 * percentiles. Throughput counts from the moment the first input was sent to the last outcome read.
 */
public final class RunSummary {

  private final Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
  private final Map<String, Integer> deadLetters = new TreeMap<>();
  private final List<Long> latenciesMs = new ArrayList<>();
  private int textReused;
  private long lastOutcomeMs;

  public void add(Outcome outcome) {
    lastOutcomeMs = Math.max(lastOutcomeMs, outcome.receivedAtMs());
    if (outcome instanceof Outcome.Scored scored) {
      tiers.merge(scored.lead().getTier(), 1, Integer::sum);
      latenciesMs.add(scored.endToEndLatencyMs());
      if (scored.lead().getTextInferenceSkipped()) {
        textReused++;
      }
    } else if (outcome instanceof Outcome.DeadLettered dead) {
      deadLetters.merge(dead.reason(), 1, Integer::sum);
    }
  }

  public int scored() {
    return latenciesMs.size();
  }

  public int deadLettered() {
    return deadLetters.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int total() {
    return scored() + deadLettered();
  }

  public Map<Tier, Integer> tiers() {
    return Collections.unmodifiableMap(tiers);
  }

  public Map<String, Integer> deadLettersByReason() {
    return Collections.unmodifiableMap(deadLetters);
  }

  public int textReused() {
    return textReused;
  }

  /** Outcomes per second from {@code startMs} to the last outcome. */
  public double throughputPerSecond(long startMs) {
    long elapsed = Math.max(1, lastOutcomeMs - startMs);
    return total() * 1000.0 / elapsed;
  }

  /** Latency percentile in ms (nearest rank), over scored leads; 0 when none. */
  public long latencyPercentileMs(double percentile) {
    if (latenciesMs.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(latenciesMs);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
