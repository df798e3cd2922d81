package io.leadstream.app.streams.serde;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.ResolvingDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;

/**
 * Reads generated Avro classes like {@link SpecificDatumReader}, but checks the raw bytes of every
 * string (map keys included) for valid UTF-8 instead of letting Java replace bad sequences with
 * U+FFFD: two ids that differ only in invalid bytes would otherwise decode to the same string and
 * merge two leads. A correctly encoded U+FFFD passes. Not thread-safe.
 */
final class StrictUtf8DatumReader<T> extends SpecificDatumReader<T> {

  /**
   * A string field whose bytes are not valid UTF-8; the message names the field path, never the
   * text.
   */
  static final class InvalidUtf8Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    InvalidUtf8Exception(String path) {
      super(path + " is not valid UTF-8");
      this.path = path;
    }

    /** The same problem seen from the enclosing field. */
    InvalidUtf8Exception within(String field) {
      return new InvalidUtf8Exception(path.isEmpty() ? field : field + "." + path);
    }
  }

  private final StrictUtf8 utf8 = new StrictUtf8();

  StrictUtf8DatumReader(Schema writer, Schema reader, SpecificData data) {
    super(writer, reader, data);
  }

  @Override
  protected Object readString(Object old, Schema expected, Decoder in) throws IOException {
    Utf8 raw = in.readString(null);
    try {
      return utf8.decode(raw.getBytes(), raw.getByteLength());
    } catch (CharacterCodingException e) {
      throw new InvalidUtf8Exception("");
    }
  }

  @Override
  protected Object readMapKey(Object old, Schema expected, Decoder in) throws IOException {
    try {
      return readString(old, expected, in);
    } catch (InvalidUtf8Exception e) {
      throw new InvalidUtf8Exception("<key>");
    }
  }

  @Override
  protected void readField(
      Object record, Schema.Field field, Object oldDatum, ResolvingDecoder in, Object state)
      throws IOException {
    try {
      super.readField(record, field, oldDatum, in, state);
    } catch (InvalidUtf8Exception e) {
      throw e.within(field.name());
    }
  }
}
