package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.FeatureMapping;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.models.scoring.LeadFields;
import io.leadstream.models.training.LabelledLead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the scorer's {@link FeatureSpec} for a mapping from the training leads. */
public final class CrmFeatureSpec {
  private CrmFeatureSpec() {}

  /**
   * The feature spec the scorer uses for a mapping: the text signal first when there are text
   * columns, then one feature per mapped feature. Categorical levels come from {@code rows}: the
   * values seen at least {@code min_count} times, most frequent first, at most {@code max_levels};
   * spellings differing only in case count as one level (the scorer compares levels ignoring case),
   * named by their most frequent spelling.
   *
   * @param rows the training leads, as {@link CrmExportReader} made them
   * @throws MappingException when a categorical feature has no value frequent enough
   */
  public static FeatureSpec build(LeadMapping mapping, List<LabelledLead> rows) {
    List<Feature> features = new ArrayList<>();
    if (!mapping.text().isEmpty()) {
      features.add(
          Feature.numeric(LeadMapping.TEXT_FEATURE, FeatureSpec.OPPORTUNITY_PROBABILITY, "text"));
    }
    for (int i = 0; i < mapping.features().size(); i++) {
      FeatureMapping f = mapping.features().get(i);
      features.add(
          switch (f.type()) {
            case NUMERIC ->
                new Feature(
                    f.name(),
                    f.source(),
                    f.type(),
                    f.transform(),
                    null,
                    null,
                    f.label(),
                    f.unit(),
                    f.values());
            case BOOLEAN ->
                new Feature(
                    f.name(),
                    f.source(),
                    f.type(),
                    f.transform(),
                    null,
                    null,
                    f.label(),
                    null,
                    f.values());
            case CATEGORICAL ->
                new Feature(
                    f.name(),
                    f.source(),
                    f.type(),
                    f.transform(),
                    levels(mapping, i, rows),
                    FeatureSpec.Encoding.ONE_HOT,
                    f.label(),
                    null,
                    f.values());
          });
    }
    return new FeatureSpec(features);
  }

  private static List<String> levels(LeadMapping mapping, int index, List<LabelledLead> rows) {
    FeatureMapping feature = mapping.features().get(index);
    Map<String, Level> byKey = new LinkedHashMap<>();
    for (LabelledLead row : rows) {
      Object raw = LeadFields.valueOf(row.event(), feature.source());
      String value = raw == null ? "" : raw.toString().strip();
      if (!value.isEmpty()) {
        byKey.computeIfAbsent(value.toLowerCase(Locale.ROOT), k -> new Level()).add(value);
      }
    }
    List<String> levels =
        byKey.values().stream()
            .filter(level -> level.count >= feature.minCount())
            .sorted(Comparator.comparingInt((Level level) -> -level.count))
            .limit(feature.maxLevels())
            .map(Level::spelling)
            .toList();
    if (levels.isEmpty()) {
      throw new MappingException(
          mapping.origin()
              + ": features["
              + index
              + "] '"
              + feature.column()
              + "' has no value"
              + " seen at least "
              + feature.minCount()
              + " times in the "
              + rows.size()
              + " leads; lower its min_count or make it another type");
    }
    return levels;
  }

  /** One level: its count and its spellings by count; ties keep the first seen. */
  private static final class Level {
    private final Map<String, Integer> spellings = new LinkedHashMap<>();
    private int count;

    void add(String spelling) {
      spellings.merge(spelling, 1, Integer::sum);
      count++;
    }

    String spelling() {
      return spellings.entrySet().stream()
          .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
          .orElseThrow()
          .getKey();
    }
  }
}
