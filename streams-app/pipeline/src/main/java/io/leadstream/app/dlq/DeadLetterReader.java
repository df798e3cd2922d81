package io.leadstream.app.dlq;

import io.leadstream.app.io.TopicSnapshot;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the dead-letter topic once, from its beginning to the end it had when the read started. */
public final class DeadLetterReader {

  private DeadLetterReader() {}

  /**
   * Hands every committed dead letter to {@code action}, in offset order within each partition.
   *
   * @return how many dead letters were read
   * @throws IllegalArgumentException when the topic does not exist
   */
  public static long read(
      Map<String, Object> clientProperties, String deadLetterTopic, Consumer<DeadLetter> action) {
    return TopicSnapshot.read(
        clientProperties, deadLetterTopic, record -> action.accept(DeadLetter.from(record)));
  }
}
