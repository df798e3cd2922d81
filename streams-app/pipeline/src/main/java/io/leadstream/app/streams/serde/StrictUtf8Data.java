package io.leadstream.app.streams.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;

/**
 * The data model of LeadStream's decoders: generated classes, read by {@link
 * StrictUtf8DatumReader}. The generated classes' own fast decoders ("custom coders") read strings
 * leniently, so they are turned off.
 */
final class StrictUtf8Data extends SpecificData {

  @Override
  public boolean useCustomCoders() {
    return false;
  }

  @Override
  public DatumReader<?> createDatumReader(Schema writer, Schema reader) {
    return new StrictUtf8DatumReader<>(writer, reader, this);
  }
}
