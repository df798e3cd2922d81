package io.leadstream.app.runtime;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a stream thread dies of an exception that no handler took (record-level failures go to the
 * dead-letter topic instead), log its root cause and start a new thread in its place: the task
 * resumes from its last committed offsets, so exactly-once still holds.
 */
final class ReplaceFailedThread implements StreamsUncaughtExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ReplaceFailedThread.class);

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    log.error("Stream thread failed; replacing it. Root cause: {}", rootCause(exception), exception);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
