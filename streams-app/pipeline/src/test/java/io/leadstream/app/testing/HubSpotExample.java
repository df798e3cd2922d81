package io.leadstream.app.testing;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worked HubSpot-style example of {@code docs/examples/hubspot-json} (its mapping and events),
 * and bad JSON input of every kind with the dead letter each must become. Tests run in their
 * module's folder, two levels below the repository.
 */
public final class HubSpotExample {

  public static final Path FOLDER = Path.of("../../docs/examples/hubspot-json");

  /** A valid event of the example: its record key (the objectId) and its bytes. */
  public record Event(String key, byte[] value) {}

  /**
   * A record the pipeline must dead-letter.
   *
   * @param what what is wrong, for assertion messages
   * @param key the record key's bytes
   * @param value the value's bytes, null for a tombstone
   * @param reason the dead letter's reason
   * @param detail how the dead letter's detail starts
   */
  public record BadRecord(String what, byte[] key, byte[] value, String reason, String detail) {}

  private HubSpotExample() {}

  public static Path mapping() {
    return FOLDER.resolve("mapping.yaml");
  }

  /** The settings that make the pipeline read the example's events. */
  public static Map<String, Object> inputSettings() {
    return Map.of(
        LeadStreamConfig.INPUT_FORMAT_CONFIG,
        "json",
        LeadStreamConfig.INPUT_MAPPING_CONFIG,
        mapping().toString());
  }

  /** The example's events, in file order, keyed by their objectId. */
  public static List<Event> events() {
    try {
      List<Event> events = new ArrayList<>();
      for (String line : Files.readAllLines(FOLDER.resolve("events.jsonl"))) {
        String id = line.replaceFirst("^\\{\"objectId\": (\\d+),.*", "$1");
        events.add(new Event(id, utf8(line)));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One bad record of each kind, keyed like valid ones unless the key is what is wrong.
   *
   * @param textMaxBytes the pipeline's {@code leadstream.text.max.bytes}
   * @param recordMaxBytes the pipeline's {@code leadstream.record.max.bytes}
   */
  public static List<BadRecord> badRecords(int textMaxBytes, int recordMaxBytes) {
    List<BadRecord> bad = new ArrayList<>();
    bad.add(
        bad(
            "truncated",
            "5201",
            "{\"objectId\": 5201, \"properties\": {\"company\": \"Acme\"",
            "NOT_JSON",
            "value ends inside the JSON (truncated?): parsing failed at column "));
    bad.add(
        bad(
            "an array, not an object",
            "5202",
            "[{\"objectId\": 5202}]",
            "NOT_JSON",
            "value is not a JSON object: it starts with an array; a CRM event must be one JSON"
                + " object"));
    bad.add(
        bad(
            "form encoding, not JSON",
            "5203",
            "objectId=5203&company=Acme",
            "NOT_JSON",
            "value is not valid JSON: parsing failed at column "));
    bad.add(
        bad(
            "a key twice",
            "5204",
            "{\"objectId\": 5204, \"objectId\": 5205}",
            "NOT_JSON",
            "value has a key twice in one object: parsing failed at column "));
    bad.add(
        bad(
            "white space only",
            "5205",
            "  \n",
            "NOT_JSON",
            "value holds no JSON, only white space"));
    bad.add(
        new BadRecord(
            "an Avro LeadEvent",
            utf8("5206"),
            LeadStreamSerdes.leadEvent().encode(TestLeads.hot("5206").build()),
            "NOT_JSON",
            "value starts with C3 01, the Avro single-object marker"));
    bad.add(
        new BadRecord("a tombstone", utf8("5207"), null, "EMPTY_RECORD", "record has no value"));
    String badUtf8 = "{\"objectId\": 5208, \"properties\": {\"company\": \"Ac?me\"}}";
    byte[] badUtf8Bytes = utf8(badUtf8);
    badUtf8Bytes[badUtf8.indexOf('?')] = (byte) 0xFF;
    bad.add(
        new BadRecord(
            "malformed UTF-8 in a value",
            utf8("5208"),
            badUtf8Bytes,
            "BAD_UTF8",
            "value is not valid UTF-8 at byte "
                + badUtf8.indexOf('?')
                + " of "
                + badUtf8Bytes.length
                + "; JSON must be UTF-8"));
    bad.add(
        new BadRecord(
            "malformed UTF-8 in the key",
            new byte[] {'5', (byte) 0xC3, '9'},
            utf8(event(5209, "")),
            "BAD_UTF8",
            "record key is not valid UTF-8"));
    bad.add(
        bad(
            "no id",
            "5210",
            "{\"properties\": {\"company\": \"Acme\"}}",
            "MISSING_LEAD_ID",
            "objectId (the mapping's id) is not in the event"));
    bad.add(
        bad(
            "a null id",
            "5211",
            "{\"objectId\": null, \"properties\": {\"company\": \"Acme\"}}",
            "MISSING_LEAD_ID",
            "objectId (the mapping's id) is null"));
    bad.add(
        bad(
            "a word for a number",
            "5212",
            event(5212, ", \"annualrevenue\": \"lots\""),
            "INVALID_FIELD",
            "properties.annualrevenue: expected a number, got \"lots\""));
    bad.add(
        bad(
            "an array for a number",
            "5213",
            event(5213, ", \"numberofemployees\": [10, 20]"),
            "INVALID_FIELD",
            "properties.numberofemployees: expected a number, got an array"));
    bad.add(
        bad(
            "a time that is none",
            "5214",
            "{\"objectId\": 5214, \"properties\": {\"lastmodifieddate\": \"yesterday\"}}",
            "INVALID_FIELD",
            "properties.lastmodifieddate: expected an ISO-8601 date or date-time"));
    bad.add(
        bad(
            "another lead's key",
            "9999",
            event(5215, ""),
            "KEY_MISMATCH",
            "record key differs from leadId"));
    bad.add(
        bad(
            "purchase intent 9 (the validator's check)",
            "5216",
            event(5216, ", \"purchase_intent\": \"9\""),
            "INVALID_FIELD",
            "purchaseIntent must be 1 to 5, was 9"));
    bad.add(
        bad(
            "negative revenue (the validator's check)",
            "5217",
            event(5217, ", \"annualrevenue\": -5"),
            "INVALID_FIELD",
            "company.annualRevenue must be a finite number >= 0, was -5.0"));
    bad.add(
        bad(
            "notes over the text cap",
            "5218",
            event(5218, ", \"notes_last_activity\": \"" + "x".repeat(textMaxBytes) + "\""),
            "TEXT_TOO_LONG",
            "notes is "));
    bad.add(
        bad(
            "over the record cap",
            "5219",
            event(5219, ", \"padding\": \"" + "x".repeat(recordMaxBytes) + "\""),
            "RECORD_TOO_LARGE",
            "key and value are "));
    return bad;
  }

  /** A valid event of lead {@code id} with the given further properties. */
  public static String event(int id, String moreProperties) {
    return "{\"objectId\": "
        + id
        + ", \"properties\": {\"company\": \"Lead "
        + id
        + " GmbH\", \"lastmodifieddate\": \"2026-11-30T08:00:00Z\""
        + moreProperties
        + "}}";
  }

  private static BadRecord bad(
      String what, String key, String value, String reason, String detail) {
    return new BadRecord(what, utf8(key), utf8(value), reason, detail);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
