package io.leadstream.tools.demo;

import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Records no JSON file can express: bytes that are not Avro, Avro of an unknown schema, truncated
 * Avro, invalid UTF-8 inside a text field, and an empty value. The demo sends them beside the
 * sample leads to show that bad input is dead-lettered, not lost, and the pipeline goes on.
 */
public final class MalformedRecords {

  /** One raw record to send. */
  public record RawRecord(String key, byte[] value, String what) {}

  private static final String MARKER = "@@BROKEN@@";

  private MalformedRecords() {}

  public static List<RawRecord> all() {
    byte[] valid = LeadStreamSerdes.leadEvent().encode(lead("demo-bad-avro-1", "A complete note"));
    byte[] unknownSchema = valid.clone();
    unknownSchema[2] ^= (byte) 0xFF; // flip the first byte of the schema fingerprint
    return List.of(
        new RawRecord(
            "demo-bad-json",
            "{\"leadId\": \"demo-bad-json\"}".getBytes(StandardCharsets.UTF_8),
            "JSON instead of Avro"),
        new RawRecord("demo-bad-avro-1", unknownSchema, "Avro with an unknown schema fingerprint"),
        new RawRecord("demo-bad-avro-1", Arrays.copyOf(valid, valid.length / 2), "truncated Avro"),
        new RawRecord("demo-bad-utf8", brokenUtf8(), "invalid UTF-8 in the notes"),
        new RawRecord("demo-empty", new byte[0], "an empty value"));
  }

  private static byte[] brokenUtf8() {
    byte[] bytes =
        LeadStreamSerdes.leadEvent().encode(lead("demo-bad-utf8", "Call back about " + MARKER));
    byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + marker.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
        bytes[i] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not valid UTF-8
        bytes[i + 2] = (byte) 0xFF; // never valid in UTF-8
        return bytes;
      }
    }
    throw new IllegalStateException("marker not found in the encoded lead");
  }

  private static LeadEvent lead(String leadId, String notes) {
    return LeadEvent.newBuilder()
        .setEventId(leadId + "-event")
        .setLeadId(leadId)
        .setOccurredAt(Instant.parse("2026-11-20T09:00:00Z"))
        .setNotes(notes)
        .build();
  }
}
