package io.leadstream.models.mapping;

import static com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.Map;

/**
 * An outcome mapping file as written, bound from its YAML by {@link MappingReader}: the text the
 * user wrote, a key left out null, nothing validated yet. The components are the allowed keys.
 */
record OutcomeMappingFile(
    String lead,
    Outcome outcome,
    MappingFile.Time time,
    String id,
    String value,
    String currency,
    String source,
    @JsonFormat(with = ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> missing) {

  /**
   * {@code outcome:}: the path holding the CRM's word for the outcome, and what each word means.
   */
  record Outcome(String column, Map<String, String> values) {}
}
