package io.leadstream.models.mapping;

import io.leadstream.models.scoring.FeatureSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One export column the scorer reads as a feature.
 *
 * @param column the export column
 * @param name machine name: the column lowercased, other characters as '_', unique in the mapping
 * @param type numeric, boolean or categorical
 * @param transform numeric transform, {@code NONE} for other types
 * @param label words a sales rep reads; the column name unless the mapping says otherwise
 * @param field the LeadEvent field the value is written to and read from, or null to keep it under
 *     {@code attributes.<column>}
 * @param maxLevels categorical: at most this many levels
 * @param minCount categorical: a level must be seen at least this often in the training rows
 * @param unit numeric: what the value counts, shown after it in reasons; null for none
 * @param values what values mean, shown in reasons instead of them (a bucket code's range); empty
 *     for none
 */
public record FeatureMapping(
    String column,
    String name,
    FeatureSpec.Type type,
    FeatureSpec.Transform transform,
    String label,
    String field,
    int maxLevels,
    int minCount,
    String unit,
    Map<String, String> values) {

  public FeatureMapping {
    values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Default {@link #maxLevels()}. */
  public static final int DEFAULT_MAX_LEVELS = 30;

  /** Default {@link #minCount()}. */
  public static final int DEFAULT_MIN_COUNT = 10;

  /** The feature source: the {@code field} path, or {@code attributes.<column>}. */
  public String source() {
    return field != null ? field : FeatureSpec.ATTRIBUTES_PREFIX + column;
  }
}
