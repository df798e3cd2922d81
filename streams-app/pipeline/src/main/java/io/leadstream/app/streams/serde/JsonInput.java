package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.models.mapping.JsonEventException;

/** What the JSON decoders of leads and outcomes check alike, and how their failures read. */
final class JsonInput {

  private JsonInput() {}

  /**
   * @throws InvalidLeadException EMPTY_RECORD, or NOT_JSON for a value in Avro's single-object
   *     encoding
   */
  static void checkValue(byte[] value) {
    if (value == null || value.length == 0) {
      throw new InvalidLeadException(DeadLetterReason.EMPTY_RECORD, "record has no value");
    }
    if (value.length >= 2 && value[0] == (byte) 0xC3 && value[1] == 0x01) {
      throw new InvalidLeadException(
          DeadLetterReason.NOT_JSON,
          "value starts with C3 01, the Avro single-object marker; this pipeline reads JSON"
              + " (leadstream.input.format=json)");
    }
  }

  /** The dead letter's exception for a JSON event its mapping cannot read. */
  static InvalidLeadException invalid(JsonEventException e) {
    DeadLetterReason reason =
        switch (e.kind()) {
          case BAD_UTF8 -> DeadLetterReason.BAD_UTF8;
          case NOT_JSON -> DeadLetterReason.NOT_JSON;
          case MISSING_ID -> DeadLetterReason.MISSING_LEAD_ID;
          case INVALID_FIELD -> DeadLetterReason.INVALID_FIELD;
        };
    return new InvalidLeadException(reason, e.getMessage(), e);
  }
}
