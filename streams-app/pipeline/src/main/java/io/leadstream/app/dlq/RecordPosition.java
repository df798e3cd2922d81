package io.leadstream.app.dlq;

/**
 * Where a record is: topic, partition and offset. Written {@code topic/partition/offset}, which is
 * unambiguous because topic names cannot hold a slash.
 */
public record RecordPosition(String topic, int partition, long offset) {

  /** Parses {@code topic/partition/offset}, the form {@link #toString()} writes. */
  public static RecordPosition parse(String text) {
    int lastSlash = text.lastIndexOf('/');
    int firstSlash = text.lastIndexOf('/', lastSlash - 1);
    if (firstSlash <= 0 || lastSlash == text.length() - 1) {
      throw new IllegalArgumentException("Not a topic/partition/offset: " + text);
    }
    try {
      return new RecordPosition(
          text.substring(0, firstSlash),
          Integer.parseInt(text.substring(firstSlash + 1, lastSlash)),
          Long.parseLong(text.substring(lastSlash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a topic/partition/offset: " + text, e);
    }
  }

  @Override
  public String toString() {
    return topic + "/" + partition + "/" + offset;
  }
}
