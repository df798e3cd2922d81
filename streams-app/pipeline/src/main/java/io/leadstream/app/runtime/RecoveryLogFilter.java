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
 * Drops two ERROR lines of Kafka's clients that report normal recovery, so that an ERROR in the log
 * always means something to act on. Configured in logback.xml.
 *
 * <ul>
 *   <li>After a crash under exactly-once a state store has no checkpoint, so its task is
 *       "corrupted" and restored from the changelog: Streams logs {@code Get exceptions for the
 *       following tasks} at ERROR, and then a WARN per task ("Encounter corrupted task ..."), which
 *       stays. The line is kept when any task in it failed otherwise.
 *   <li>After a broker outage longer than the session time-out, the group no longer knows the
 *       member, and the consumer's {@code LeaveGroup ... failed with error: The coordinator is not
 *       aware of this member} is logged at ERROR before it simply joins again.
 * </ul>
 */
public final class RecoveryLogFilter extends TurboFilter {

  private static final String TASK_MANAGER =
      "org.apache.kafka.streams.processor.internals.TaskManager";
  private static final String TASK_FAILURES = "Get exceptions for the following tasks: {";

  /** One entry of the logged map of task ids to exceptions: {@code 0_3=org.apache...Exception}. */
  private static final Pattern TASK_FAILURE = Pattern.compile("[{ ]\\d+_\\d+=([\\w.$]+)");

  private static final String CORRUPTED = TaskCorruptedException.class.getName();
  private static final String CONSUMER_COORDINATOR =
      "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator";
  private static final Pattern UNKNOWN_MEMBER_LEAVING =
      Pattern.compile(
          "LeaveGroup request with .* failed with error: The coordinator is not aware of this member");

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String message, Object[] params, Throwable t) {
    // Kafka's LogContext hands logback the message already formatted
    if (level != Level.ERROR || message == null) {
      return FilterReply.NEUTRAL;
    }
    if (TASK_MANAGER.equals(logger.getName()) && message.contains(TASK_FAILURES)) {
      return onlyCorruptedTasks(message) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
    if (CONSUMER_COORDINATOR.equals(logger.getName())
        && UNKNOWN_MEMBER_LEAVING.matcher(message).find()) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean onlyCorruptedTasks(String message) {
    Matcher failure =
        TASK_FAILURE.matcher(
            message.substring(message.indexOf(TASK_FAILURES) + TASK_FAILURES.length() - 1));
    boolean any = false;
    while (failure.find()) {
      if (!failure.group(1).equals(CORRUPTED)) {
        return false;
      }
      any = true;
    }
    return any;
  }
}
