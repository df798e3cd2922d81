package io.leadstream.app.streams.errors;

/**
 * Why a record went to the dead-letter topic; the value of the {@code leadstream.dlq.reason}
 * header.
 */
public enum DeadLetterReason {
  /** The record has no value (a tombstone or an empty payload). */
  EMPTY_RECORD,
  /**
   * Key and value exceed {@code leadstream.record.max.bytes}. When even the dead letter would be
   * too large for the dead-letter topic, its value is omitted ({@code
   * leadstream.dlq.value.omitted}) and the original stays in the source topic at the partition and
   * offset the headers name.
   */
  RECORD_TOO_LARGE,
  /**
   * The bytes do not start with the Avro single-object marker C3 01 (with {@code
   * leadstream.input.format=confluent-avro}: the wire format's magic byte 0 and a schema id).
   */
  NOT_AVRO,
  /**
   * With {@code leadstream.input.format=json}: the value is not valid JSON, or JSON that is not one
   * object; the detail says where parsing failed, never what the value holds.
   */
  NOT_JSON,
  /**
   * Written with a schema LeadStream does not know: a single-object fingerprint of no known writer
   * schema, or a schema id the registry does not hold as an Avro schema.
   */
  UNKNOWN_SCHEMA,
  /**
   * With the schema registry wire format: the writer schema cannot be read as the app's LeadEvent
   * by Avro schema resolution (the detail names the schema id and each incompatibility).
   */
  INCOMPATIBLE_SCHEMA,
  /**
   * The bytes claim to be a LeadEvent but cannot be decoded (truncated, corrupt, or bytes after its
   * end).
   */
  UNDECODABLE,
  /** The event has no leadId (for a JSON event: the mapping's id path holds no value). */
  MISSING_LEAD_ID,
  /** The event has no eventId. */
  MISSING_EVENT_ID,
  /**
   * The record key is not the event's leadId, so the lead's events would not stay on one partition.
   */
  KEY_MISMATCH,
  /**
   * A field holds an absurd value, such as a negative budget or a purchase intent of 9; or, for a
   * JSON event, a mapped path holds what the mapping cannot read (the detail names the path, what
   * it expected and what it got).
   */
  INVALID_FIELD,
  /** The notes or last message exceed the configured size cap. */
  TEXT_TOO_LONG,
  /** A string (any field, a map key, or the record key) held bytes that are not valid UTF-8. */
  BAD_UTF8,
  /**
   * The model failed on this record while it still scores the canary leads: the record is the
   * problem for this bundle (a bundle that fails on everything stops the task instead).
   */
  UNSCORABLE
}
