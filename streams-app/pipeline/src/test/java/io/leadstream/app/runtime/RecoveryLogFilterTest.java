package io.leadstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.internals.LogContext;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Normal recovery after a crash is not an ERROR; a real task failure still is. Uses the logging
 * configuration the tests run with, which installs the filter as logback.xml does.
 */
class RecoveryLogFilterTest {

  private static final TaskId TASK = new TaskId(0, 1);
  private static final String TASK_MANAGER =
      "org.apache.kafka.streams.processor.internals.TaskManager";
  private static final String CONSUMER_COORDINATOR =
      "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator";

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  // the way Kafka Streams logs: through a LogContext that prefixes the thread
  private final Logger taskManager =
      new LogContext("stream-thread [app-StreamThread-1] ").logger(TASK_MANAGER);

  @BeforeEach
  void setUp() {
    logged.start();
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(TASK_MANAGER).addAppender(logged);
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(CONSUMER_COORDINATOR)
        .addAppender(logged);
  }

  @AfterEach
  void tearDown() {
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(TASK_MANAGER)
        .detachAppender(logged);
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(CONSUMER_COORDINATOR)
        .detachAppender(logged);
  }

  @Test
  void shouldDropTheErrorThatReportsRestoringCorruptedTasks() {
    taskManager.error(
        "Get exceptions for the following tasks: {}",
        Map.of(TASK, new TaskCorruptedException(Set.of(TASK))));
    taskManager.warn(
        "Encounter corrupted task {}, will group it with other corrupted tasks and handle together",
        TASK);

    assertThat(logged.list)
        .singleElement()
        .satisfies(event -> assertThat(event.getLevel().toString()).isEqualTo("WARN"));
  }

  @Test
  void shouldKeepTheErrorWhenAnyTaskReallyFailed() {
    taskManager.error(
        "Get exceptions for the following tasks: {}",
        Map.of(
            TASK,
            new TaskCorruptedException(Set.of(TASK)),
            new TaskId(0, 2),
            new StreamsException("disk full")));

    assertThat(logged.list)
        .singleElement()
        .satisfies(event -> assertThat(event.getLevel().toString()).isEqualTo("ERROR"));
  }

  @Test
  void shouldDropTheErrorOfLeavingAGroupThatForgotTheMemberAfterABrokerOutage() {
    Logger coordinator =
        new LogContext("[Consumer clientId=app-StreamThread-1-consumer, groupId=app] ")
            .logger(CONSUMER_COORDINATOR);

    coordinator.error(
        "LeaveGroup request with {} failed with error: {}",
        "Generation{generationId=29, memberId='m-1'}",
        "The coordinator is not aware of this member.");
    coordinator.error(
        "LeaveGroup request with {} failed with error: {}",
        "Generation{generationId=29, memberId='m-1'}",
        "The request timed out.");

    assertThat(logged.list)
        .singleElement()
        .satisfies(event -> assertThat(event.getFormattedMessage()).contains("timed out"));
  }
}
