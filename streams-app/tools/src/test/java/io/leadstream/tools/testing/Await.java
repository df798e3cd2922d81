package io.leadstream.tools.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition instead of sleeping a fixed time. */
public final class Await {

  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  /**
   * Polls {@code condition} until it holds.
   *
   * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}
   */
  public static void until(String what, Duration timeout, Callable<Boolean> condition)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
