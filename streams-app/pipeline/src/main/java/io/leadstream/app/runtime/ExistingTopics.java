package io.leadstream.app.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;

/**
 * What the start-up checks and the topic creator first ask the cluster: which of the topics they
 * care about exist, and how they are laid out. Every answer is awaited for at most {@link #TIMEOUT}
 * and every failure becomes one {@link IllegalStateException} saying what was asked.
 */
final class ExistingTopics {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ExistingTopics() {}

  /** The existing topics whose names {@code wanted} accepts, described. */
  static Map<String, TopicDescription> describe(Admin admin, Predicate<String> wanted) {
    List<String> present = await(admin.listTopics().names()).stream().filter(wanted).toList();
    return await(admin.describeTopics(present).allTopicNames());
  }

  /**
   * @throws IllegalStateException when the cluster fails, does not answer in time, or the thread is
   *     interrupted
   */
  static <T> T await(KafkaFuture<T> answer) {
    try {
      return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Could not read LeadStream's topics: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "The cluster did not describe LeadStream's topics within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading LeadStream's topics", e);
    }
  }
}
