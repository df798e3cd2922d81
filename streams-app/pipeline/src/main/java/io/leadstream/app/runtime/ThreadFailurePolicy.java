package io.leadstream.app.runtime;

import io.leadstream.app.streams.errors.Causes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies of a failure no handler took (a broken model, a store, a
 * bug; bad records are dead-lettered instead): its root cause is logged and a new thread takes its
 * place, resuming from the last committed offsets, so exactly-once still holds. A failure that
 * keeps coming back would loop for ever, so after {@code maxReplacements} replacements within
 * {@code window} the instance shuts down instead, for its orchestrator to restart it or alert.
 */
final class ThreadFailurePolicy implements StreamsUncaughtExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ThreadFailurePolicy.class);

  private final int maxReplacements;
  private final Duration window;
  private final Clock clock;
  private final Deque<Instant> replacements = new ArrayDeque<>();
  private volatile Instant lastFailure;
  private volatile Throwable fatal;

  ThreadFailurePolicy(int maxReplacements, Duration window, Clock clock) {
    this.maxReplacements = maxReplacements;
    this.window = window;
    this.clock = clock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
    Instant now = clock.instant();
    lastFailure = now;
    while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(window))) {
      replacements.removeFirst();
    }
    Throwable root = Causes.rootCause(exception);
    if (replacements.size() >= maxReplacements) {
      fatal = exception;
      log.error(
          "Stream thread failed again after {} replacements within {}; shutting this instance down."
              + " Root cause: {}",
          replacements.size(),
          window,
          root,
          exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    replacements.addLast(now);
    log.error(
        "Stream thread failed; replacing it ({} of {} replacements within {}). Root cause: {}",
        replacements.size(),
        maxReplacements,
        window,
        root,
        exception);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /** When a stream thread last failed, if ever. */
  Optional<Instant> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** The failure that shut the instance down, if it came to that. */
  Optional<Throwable> fatal() {
    return Optional.ofNullable(fatal);
  }
}
