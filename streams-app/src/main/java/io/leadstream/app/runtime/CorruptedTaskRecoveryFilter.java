package io.leadstream.app.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.slf4j.Marker;

/**
 * Drops one ERROR line of Kafka Streams that reports normal recovery: after a crash under
 * exactly-once, a state store has no checkpoint, so its task is "corrupted" and restored from the
 * changelog. Streams logs that as {@code ERROR ... Get exceptions for the following tasks} and then,
 * for each task, as a WARN ("Encounter corrupted task ..., will group it with other corrupted tasks
 * and handle together"), which stays. Any other task failure in the same line keeps it an ERROR.
 * Configured in logback.xml.
 */
public final class CorruptedTaskRecoveryFilter extends TurboFilter {

  private static final String TASK_MANAGER = "org.apache.kafka.streams.processor.internals.TaskManager";
  private static final String MESSAGE = "Get exceptions for the following tasks: {";
  /** One entry of the logged map of task ids to exceptions: {@code 0_3=org.apache...Exception}. */
  private static final Pattern TASK_FAILURE = Pattern.compile("[{ ]\\d+_\\d+=([\\w.$]+)");
  private static final String CORRUPTED = TaskCorruptedException.class.getName();

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String message, Object[] params, Throwable t) {
    // Kafka's LogContext hands logback the message already formatted
    if (level != Level.ERROR || message == null || !TASK_MANAGER.equals(logger.getName()) || !message.contains(MESSAGE)) {
      return FilterReply.NEUTRAL;
    }
    Matcher failure = TASK_FAILURE.matcher(message.substring(message.indexOf(MESSAGE) + MESSAGE.length() - 1));
    boolean any = false;
    while (failure.find()) {
      if (!failure.group(1).equals(CORRUPTED)) {
        return FilterReply.NEUTRAL;
      }
      any = true;
    }
    return any ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
