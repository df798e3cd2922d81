package io.leadstream.models.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** How many new leads arrive per day, from their event times. */
final class LeadArrival {
  private LeadArrival() {}

  /** Leads per day over the span of the times (at least one day), or NaN without times. */
  static double perDay(Instant[] times) {
    if (times == null || times.length == 0 || Arrays.stream(times).anyMatch(Objects::isNull)) {
      return Double.NaN;
    }
    Instant first = Arrays.stream(times).min(Instant::compareTo).orElseThrow();
    Instant last = Arrays.stream(times).max(Instant::compareTo).orElseThrow();
    double days = Math.max(1.0, Duration.between(first, last).toSeconds() / 86_400.0);
    return times.length / days;
  }
}
