package io.leadstream.tools.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * A subject's compatibility level, as the Confluent Schema Registry names them: BACKWARD (the
 * default) means the new schema reads data written with the previous one, FORWARD that the previous
 * one reads the new schema's data, FULL both; the {@code _TRANSITIVE} levels check against every
 * earlier version instead of the latest only.
 */
enum Compatibility {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  Compatibility(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** The level named {@code name}, in any case; 42203 for an unknown one. */
  static Compatibility of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw RegistryError.invalidCompatibility(name);
    }
  }

  /** Of a subject's versions (oldest first), those a new schema must be compatible with. */
  <T> List<T> versionsToCheck(List<T> versions) {
    if (this == NONE || versions.isEmpty()) {
      return List.of();
    }
    return transitive ? versions : List.of(versions.get(versions.size() - 1));
  }

  /**
   * Why {@code candidate} is not compatible with {@code previous} at this level; empty if it is.
   */
  List<String> incompatibilities(Schema candidate, Schema previous) {
    List<String> problems = new ArrayList<>();
    if (backward) {
      problems.addAll(readerProblems(candidate, previous, "new schema reading old data"));
    }
    if (forward) {
      problems.addAll(readerProblems(previous, candidate, "old schema reading new data"));
    }
    return problems;
  }

  private static List<String> readerProblems(Schema reader, Schema writer, String what) {
    List<String> problems = new ArrayList<>();
    for (Incompatibility incompatibility :
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities()) {
      problems.add(
          String.format(
              "%s at %s: %s (%s)",
              incompatibility.getType(),
              incompatibility.getLocation(),
              incompatibility.getMessage(),
              what));
    }
    return problems;
  }
}
