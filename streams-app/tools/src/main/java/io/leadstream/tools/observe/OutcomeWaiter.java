package io.leadstream.tools.observe;

import java.time.Duration;
import java.util.function.Consumer;

/** Reads outcomes until a given number have arrived, handing each to a consumer as it comes. */
public final class OutcomeWaiter {

  private static final Duration POLL = Duration.ofMillis(200);

  private OutcomeWaiter() {}

  /**
   * @return the number of outcomes read; fewer than {@code expected} when {@code timeout} passed
   */
  public static int await(
      OutcomeReader reader, int expected, Duration timeout, Consumer<Outcome> each) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (seen < expected && System.nanoTime() < deadline) {
      for (Outcome outcome : reader.poll(POLL)) {
        each.accept(outcome);
        seen++;
      }
    }
    return seen;
  }
}
