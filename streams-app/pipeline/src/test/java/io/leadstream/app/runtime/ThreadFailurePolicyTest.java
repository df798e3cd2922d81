package io.leadstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThreadFailurePolicyTest {

  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final StreamsException failure =
      new StreamsException(
          "task 0_1 failed", new IllegalStateException("wrapper", new IOException("disk full")));

  @Test
  void shouldReplaceTheThreadAndLogTheRootCause() {
    Logger logger = (Logger) LoggerFactory.getLogger(ThreadFailurePolicy.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    try {
      StreamThreadExceptionResponse response =
          new ThreadFailurePolicy(3, Duration.ofMinutes(10), clock).handle(failure);

      assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      assertThat(captured.list)
          .singleElement()
          .satisfies(
              event ->
                  assertThat(event.getFormattedMessage())
                      .contains("java.io.IOException: disk full"));
    } finally {
      logger.detachAppender(captured);
    }
  }

  @Test
  void shouldShutTheInstanceDownWhenFailuresKeepComingBack() {
    ThreadFailurePolicy policy = new ThreadFailurePolicy(2, Duration.ofMinutes(10), clock);

    StreamThreadExceptionResponse first = policy.handle(failure);
    StreamThreadExceptionResponse second = policy.handle(failure);
    StreamThreadExceptionResponse third = policy.handle(failure);

    assertThat(first).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(second).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(third).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(policy.fatal()).contains(failure);
    assertThat(policy.lastFailure()).contains(START);
  }

  @Test
  void shouldForgetReplacementsOlderThanTheWindow() {
    ThreadFailurePolicy policy = new ThreadFailurePolicy(1, Duration.ofMinutes(10), clock);
    policy.handle(failure);

    now.set(START.plus(Duration.ofMinutes(11)));
    StreamThreadExceptionResponse later = policy.handle(failure);

    assertThat(later).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(policy.fatal()).isEmpty();
  }

  @Test
  void shouldShutDownAtTheFirstFailureWhenNoReplacementsAreAllowed() {
    assertThat(new ThreadFailurePolicy(0, Duration.ofMinutes(10), clock).handle(failure))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
