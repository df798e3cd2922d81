package io.leadstream.app.streams.serde;

import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Further writer schemas of {@link LeadEvent} that producers use ({@code
 * leadstream.input.schemas}): one complete schema per {@code .avsc} file, each checked once, at
 * start, to be readable as the app's LeadEvent by Avro schema resolution.
 */
public final class WriterSchemas {

  private static final Logger LOG = LoggerFactory.getLogger(WriterSchemas.class);

  private WriterSchemas() {}

  /**
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static List<Schema> load(Optional<Path> folder) {
    if (folder.isEmpty()) {
      return List.of();
    }
    Path dir = folder.get();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("leadstream.input.schemas: " + dir + " is not a folder");
    }
    List<Schema> schemas = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".avsc")).sorted().toList()) {
        schemas.add(readable(file, parse(file)));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "leadstream.input.schemas: cannot read " + dir + ": " + e.getMessage(), e);
    }
    return List.copyOf(schemas);
  }

  /**
   * The schema's CRC-64-AVRO fingerprint as it appears after {@code C3 01}, in hex (little-endian
   * bytes).
   */
  public static String fingerprint(Schema schema) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    return HexFormat.of()
        .formatHex(
            ByteBuffer.allocate(Long.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(fingerprint)
                .array());
  }

  private static Schema parse(Path file) throws IOException {
    try {
      return new Schema.Parser().parse(Files.readString(file));
    } catch (SchemaParseException e) {
      throw new IllegalArgumentException(
          "leadstream.input.schemas: "
              + file.getFileName()
              + " is not a complete Avro schema ("
              + e.getMessage()
              + "); write the whole LeadEvent schema, nested "
              + "types included, in one file",
          e);
    }
  }

  private static Schema readable(Path file, Schema writer) {
    incompatibility(writer)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(
                  "leadstream.input.schemas: "
                      + file.getFileName()
                      + " (fingerprint "
                      + fingerprint(writer)
                      + ") cannot be read as LeadEvent: "
                      + why);
            });
    return writer;
  }

  /**
   * The versions of a registry subject readable as LeadEvent; those that are not are left out with
   * a warning (their records are then dead-lettered as UNKNOWN_SCHEMA).
   */
  public static List<Schema> fromRegistry(SchemaRegistryClient registry, String subject) {
    return fromRegistry(registry, subject, LeadEvent.getClassSchema());
  }

  /** The versions of a registry subject readable as {@code reader}, as for LeadEvent. */
  public static List<Schema> fromRegistry(
      SchemaRegistryClient registry, String subject, Schema reader) {
    List<Schema> readable = new ArrayList<>();
    for (Schema writer : registry.versions(subject)) {
      Optional<String> why = incompatibility(reader, writer);
      if (why.isEmpty()) {
        readable.add(writer);
      } else {
        LOG.warn(
            "Schema registry subject {} holds a writer schema (fingerprint {}) that cannot be read"
                + " as {}, left out: {}",
            subject,
            fingerprint(writer),
            reader.getName(),
            why.get());
      }
    }
    return List.copyOf(readable);
  }

  /** Why {@code writer} cannot be read as the app's LeadEvent; empty when it can. */
  static Optional<String> incompatibility(Schema writer) {
    return incompatibility(LeadEvent.getClassSchema(), writer);
  }

  /** Why {@code writer} cannot be read as {@code reader}; empty when it can. */
  static Optional<String> incompatibility(Schema reader, Schema writer) {
    SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return Optional.empty();
    }
    return Optional.of(
        compatibility.getResult().getIncompatibilities().stream()
            .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
            .toList()
            .toString());
  }
}
