package io.leadstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ReplaceFailedThreadTest {

  @Test
  void shouldReplaceTheThreadAndLogTheRootCause() {
    Logger logger = (Logger) LoggerFactory.getLogger(ReplaceFailedThread.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    try {
      StreamsException failure = new StreamsException("task 0_1 failed",
          new IllegalStateException("wrapper", new java.io.IOException("disk full")));

      StreamThreadExceptionResponse response = new ReplaceFailedThread().handle(failure);

      assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      assertThat(captured.list).singleElement()
          .satisfies(event -> assertThat(event.getFormattedMessage()).contains("java.io.IOException: disk full"));
    } finally {
      logger.detachAppender(captured);
    }
  }
}
