package io.leadstream.models.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a mapping with a value of the wrong shape or an unknown key is told, section by section. */
class MappingMessagesTest {

  private static final String MINIMAL =
      """
      id: Id
      label: {column: Won, positive: ["yes"], negative: ["no"]}
      features:
        - {column: Visits, type: numeric}
      """;

  private static final String FEATURE = "- {column: Visits, type: numeric}";

  static Stream<Arguments> wrongShapes() {
    return Stream.of(
        Arguments.of(
            "[a, b]\n", "expected keys (id, label, features, ...) at the top level, got a list"),
        Arguments.of(
            "abc\n", "expected keys (id, label, features, ...) at the top level, got 'abc'"),
        Arguments.of(MINIMAL.replace("id: Id", "id: [A]"), "id must be a single value, got a list"),
        Arguments.of(
            MINIMAL.replace("label: {", "label: [{").replace("[\"no\"]}", "[\"no\"]}]"),
            "label must have keys column and positive/negative (or type: continuous)"),
        Arguments.of(
            MINIMAL.replace("column: Won", "column: {a: b}"),
            "label must be a single value, got a mapping"),
        Arguments.of(
            MINIMAL.replace("[\"yes\"]", "{a: b}"),
            "label.positive[0] must be a single value, got a mapping"),
        Arguments.of(
            MINIMAL + "time: [a, b]\n", "time must be a column name or {column: ..., format: ...}"),
        Arguments.of(MINIMAL + "time: {column: [a]}\n", "time must be a single value, got a list"),
        Arguments.of(
            MINIMAL + "time: {column: T, zone: {a: b}}\n",
            "time.zone must be a single value, got a mapping"),
        Arguments.of(
            MINIMAL + "missing: {a: b}\n", "missing[0] must be a single value, got a mapping"),
        Arguments.of(
            MINIMAL + "join: abc\n",
            "join[0] must be {file: accounts.csv, key: <column>}, got 'abc'"),
        Arguments.of(
            MINIMAL + "join: [{file: b.csv, key: Id}, abc]\n",
            "join[1] must be {file: accounts.csv, key: <column>}, got 'abc'"),
        Arguments.of(
            MINIMAL + "join: {file: b.csv, key: [Id]}\n",
            "join[0].key must be a single value, got a list"),
        Arguments.of(MINIMAL + "text: [[a]]\n", "text[0] must be a single value, got a list"),
        Arguments.of(MINIMAL + "text: {a: b}\n", "text[0] must be a single value, got a mapping"),
        Arguments.of(
            MINIMAL.replace(FEATURE, "column: Visits"),
            "features must be a list of {column: ..., type: ...}, got a mapping"),
        Arguments.of(
            MINIMAL.replace("\n  " + FEATURE, " abc"),
            "features must be a list of {column: ..., type: ...}, got 'abc'"),
        Arguments.of(MINIMAL + "  -\n", "features[1] must be {column: ..., type: ...}, got ''"),
        Arguments.of(
            MINIMAL.replace("column: Visits", "column: {a: b}"),
            "features[0] must be a single value, got a mapping"),
        Arguments.of(
            MINIMAL.replace("numeric}", "numeric, unit: [a]}"),
            "features[0].unit must be a single value, got a list"),
        Arguments.of(
            MINIMAL.replace("numeric}", "numeric, values: [a, b]}"),
            "features[0].values must map values to what they mean, e.g. {0: none, 1: \"1 to 50k\"}, got a list"),
        Arguments.of(
            MINIMAL.replace("numeric}", "numeric, values: {}}"),
            "features[0].values must map values to what they mean, e.g. {0: none, 1: \"1 to 50k\"}, got a mapping"),
        Arguments.of(
            MINIMAL.replace("numeric}", "numeric, values: {0: [a]}}"),
            "features[0].values.0 must be a single value, got a list"),
        Arguments.of(
            MINIMAL + "fields: [a]\n",
            "fields must map LeadEvent field paths to columns, got a list"),
        Arguments.of(
            MINIMAL + "fields: {company.name: {a: b}}\n",
            "fields.company.name must be a single value, got a mapping"),
        Arguments.of(MINIMAL + "segment:\n", "segment names no column"));
  }

  @ParameterizedTest
  @MethodSource("wrongShapes")
  void shouldNameTheKeyAndWhatItGot(String yaml, String message) {
    assertThatThrownBy(() -> LeadMapping.parse(yaml, "m.yaml"))
        .isInstanceOf(MappingException.class)
        .hasMessage("m.yaml: " + message);
  }

  static Stream<Arguments> unknownKeys() {
    return Stream.of(
        Arguments.of(
            MINIMAL + "zone: UTC\n",
            "unknown key 'zone'. Allowed keys: id, label, time, delimiter,"
                + " missing, join, text, features, fields, segment, exclude, language"),
        Arguments.of(
            MINIMAL + "time: {column: T, zones: UTC}\n",
            "time: unknown key 'zones'; did you mean 'zone'? Allowed keys: column, format, zone"),
        Arguments.of(
            MINIMAL + "join: [{file: b.csv, key: Id}, {file: c.csv, key: Id, filekey: x}]\n",
            "join[1]: unknown key 'filekey'; did you mean 'file_key'? Allowed keys: file, key, file_key, prefix,"
                + " delimiter"),
        Arguments.of(
            MINIMAL.replace("numeric}", "numeric, units: m}"),
            "features[0]: unknown key 'units'; did you mean 'unit'? Allowed keys: column, type, transform, label,"
                + " field, max_levels, min_count, unit, values"));
  }

  @ParameterizedTest
  @MethodSource("unknownKeys")
  void shouldNameAnUnknownKeyAndTheAllowedOnes(String yaml, String message) {
    assertThatThrownBy(() -> LeadMapping.parse(yaml, "m.yaml"))
        .isInstanceOf(MappingException.class)
        .hasMessage("m.yaml: " + message);
  }

  @Test
  void shouldReadNullAndTildeAsTheWordsTheyAre() {
    LeadMapping mapping = LeadMapping.parse(MINIMAL + "missing: [null, ~, \"\"]\n", "m.yaml");

    assertThat(mapping.missing()).containsExactly("null", "~", "");
    assertThat(mapping.isMissing("~")).isTrue();
  }
}
