package io.leadstream.models.mapping;

import static com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A mapping file as written, bound from its YAML by {@link MappingReader}: every value the text the
 * user wrote, a key left out null, nothing validated yet. Where the grammar takes one value or a
 * list, a single value is read as a list of one. The components are the allowed keys, in the order
 * messages list them.
 */
record MappingFile(
    String id,
    Label label,
    Time time,
    String delimiter,
    @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> missing,
    @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Join> join,
    @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> text,
    List<Feature> features,
    Map<String, String> fields,
    String segment,
    @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> exclude,
    String language) {

  /** {@code label:}. */
  record Label(
      String column,
      String type,
      @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> positive,
      @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> negative) {}

  /** {@code time:}, a column name alone or {@code {column: ..., format: ..., zone: ...}}. */
  record Time(String column, String format, String zone) {
    @JsonCreator
    Time {}

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Time column(String column) {
      return new Time(column, null, null);
    }
  }

  /** One entry of {@code join:}. */
  record Join(
      String file,
      String key,
      @JsonProperty("file_key") String fileKey,
      String prefix,
      String delimiter) {}

  /** One entry of {@code features:}. */
  record Feature(
      String column,
      String type,
      String transform,
      String label,
      String field,
      @JsonProperty("max_levels") String maxLevels,
      @JsonProperty("min_count") String minCount,
      String unit,
      Map<String, String> values) {}
}
