package io.leadstream.app.streams.serde;

/**
 * Where an input record came from, and its timestamp.
 *
 * @param topic the source topic; null when unknown (a record that did not come from a topic)
 * @param partition its partition
 * @param offset the record's offset
 * @param timestamp the record's timestamp (epoch millis)
 */
public record RecordOrigin(String topic, int partition, long offset, long timestamp) {

  /** A record whose source is not known. */
  public static RecordOrigin unknown(long timestamp) {
    return new RecordOrigin(null, -1, -1L, timestamp);
  }

  public boolean known() {
    return topic != null && partition >= 0 && offset >= 0;
  }

  /**
   * The record's place as LeadStream writes it everywhere ({@code leads.raw-0@17}); the same for
   * every time the record is processed.
   */
  public String position() {
    if (!known()) {
      throw new IllegalStateException(
          "the record's source topic, partition and offset are unknown");
    }
    return topic + "-" + partition + "@" + offset;
  }
}
