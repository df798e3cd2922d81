package io.leadstream.tools.embedded.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The registry's state, in memory: Avro schemas under global ids (one id per distinct schema,
 * whatever the subject), each subject's versions, and the compatibility levels. A schema is
 * recognised by its parsed form ({@link Schema#toString()}), so formatting does not matter.
 */
final class SchemaStore {

  /** A schema as registered under a subject. */
  record Version(String subject, int version, int id, String schema) {}

  /** Index {@code id - 1}. */
  private final List<Schema> schemas = new ArrayList<>();

  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, List<Integer>> idsBySubject = new TreeMap<>();
  private final Map<String, Compatibility> subjectLevels = new HashMap<>();
  private Compatibility globalLevel = Compatibility.BACKWARD;

  /**
   * Registers {@code schemaText} under {@code subject} as its next version, unless the subject has
   * it already, and returns its id.
   *
   * @throws RegistryError 42201 for a schema that does not parse, 409 for one that is incompatible
   *     with the subject's earlier versions at its compatibility level
   */
  synchronized int register(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    List<Integer> ids = idsBySubject.getOrDefault(subject, List.of());
    Integer id = idsBySchema.get(schema.toString());
    if (id != null && ids.contains(id)) {
      return id;
    }
    Compatibility level = compatibility(subject);
    List<String> problems = incompatibilities(schema, level, versions(subject, ids));
    if (!problems.isEmpty()) {
      throw RegistryError.incompatible(
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\" ("
              + level
              + "), details: "
              + problems);
    }
    if (id == null) {
      schemas.add(schema);
      id = schemas.size();
      idsBySchema.put(schema.toString(), id);
    }
    idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  /** The schema with this id; 40403 if there is none. */
  synchronized String schema(int id) {
    if (id < 1 || id > schemas.size()) {
      throw RegistryError.schemaNotFound(id);
    }
    return schemas.get(id - 1).toString();
  }

  synchronized List<String> subjects() {
    return List.copyOf(idsBySubject.keySet());
  }

  /** The subject's version numbers; 40401 for an unknown subject. */
  synchronized List<Integer> versions(String subject) {
    return versions(subject, ids(subject)).stream().map(Version::version).toList();
  }

  /**
   * The subject's version {@code version}: a number or {@code latest}.
   *
   * @throws RegistryError 40401 for an unknown subject, 40402 for an unknown version, 42202 for one
   *     that is not a version
   */
  synchronized Version version(String subject, String version) {
    List<Integer> ids = ids(subject);
    int number = versionNumber(version, ids.size());
    if (number > ids.size()) {
      throw RegistryError.versionNotFound(number);
    }
    return versions(subject, ids).get(number - 1);
  }

  /** The version of {@code subject} that has this schema; 40401 or 40403 if none has. */
  synchronized Version lookUp(String subject, String schemaText) {
    List<Integer> ids = ids(subject);
    Integer id = idsBySchema.get(parse(schemaText).toString());
    int index = id == null ? -1 : ids.indexOf(id);
    if (index < 0) {
      throw RegistryError.schemaNotFound();
    }
    return versions(subject, ids).get(index);
  }

  /**
   * Why {@code schemaText} could not be registered after the subject's version {@code version} (a
   * number or {@code latest}) at the subject's level; empty when it could.
   */
  synchronized List<String> checkCompatibility(String subject, String version, String schemaText) {
    Version against = version(subject, version);
    return incompatibilities(parse(schemaText), compatibility(subject), List.of(against));
  }

  synchronized Compatibility globalCompatibility() {
    return globalLevel;
  }

  synchronized void setGlobalCompatibility(Compatibility level) {
    globalLevel = level;
  }

  synchronized Optional<Compatibility> subjectCompatibility(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  synchronized void setSubjectCompatibility(String subject, Compatibility level) {
    subjectLevels.put(subject, level);
  }

  private Compatibility compatibility(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  private List<String> incompatibilities(
      Schema schema, Compatibility level, List<Version> earlier) {
    List<String> problems = new ArrayList<>();
    for (Version version : level.versionsToCheck(earlier)) {
      for (String problem : level.incompatibilities(schema, schemas.get(version.id() - 1))) {
        problems.add("version " + version.version() + ": " + problem);
      }
    }
    return problems;
  }

  private List<Integer> ids(String subject) {
    List<Integer> ids = idsBySubject.get(subject);
    if (ids == null) {
      throw RegistryError.subjectNotFound(subject);
    }
    return ids;
  }

  private List<Version> versions(String subject, List<Integer> ids) {
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.get(i);
      versions.add(new Version(subject, i + 1, id, schemas.get(id - 1).toString()));
    }
    return versions;
  }

  private static int versionNumber(String version, int latest) {
    String value = version.trim();
    if (value.equalsIgnoreCase("latest") || value.equals("-1")) {
      return latest;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw RegistryError.invalidVersion(version);
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryError.invalidSchema("Empty schema");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (AvroRuntimeException e) {
      throw RegistryError.invalidSchema("Invalid schema: " + e.getMessage());
    }
  }
}
