package io.leadstream.models.scoring;

import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.schema.LeadEvent;
import java.util.List;
import java.util.Locale;

/**
 * Turns a lead and its p(opportunity) into the scorer's input row, following a {@link FeatureSpec}.
 * Missing or unreadable values become NaN, which XGBoost treats as missing. Stateless and
 * thread-safe.
 */
public final class FeatureExtractor {

  private final FeatureSpec spec;
  private final int width;

  public FeatureExtractor(FeatureSpec spec) {
    this.spec = spec;
    this.width = spec.columnCount();
  }

  public FeatureSpec spec() {
    return spec;
  }

  /** The row for one lead, {@link FeatureSpec#columnCount()} long. */
  public float[] extract(LeadEvent event, double opportunityProbability) {
    float[] row = new float[width];
    int column = 0;
    for (Feature feature : spec.features()) {
      Object raw = raw(feature, event, opportunityProbability);
      switch (feature.type()) {
        case NUMERIC -> row[column++] = (float) transform(feature, asNumber(raw));
        case BOOLEAN -> row[column++] = (float) asBoolean(raw);
        case CATEGORICAL -> column = writeCategorical(feature, raw, row, column);
      }
    }
    return row;
  }

  /**
   * One feature of a lead as one number, as drift is measured on it: a numeric feature as the
   * scorer reads it (transformed), a boolean as 1 or 0, a categorical as the index of its level,
   * {@code levels.size()} for a value outside them; NaN when missing or unreadable.
   */
  public static double value(Feature feature, LeadEvent event, double opportunityProbability) {
    Object raw = raw(feature, event, opportunityProbability);
    return switch (feature.type()) {
      case NUMERIC -> transform(feature, asNumber(raw));
      case BOOLEAN -> asBoolean(raw);
      case CATEGORICAL -> {
        int index = levelIndex(feature.levels(), raw);
        yield raw == null ? Double.NaN : index < 0 ? feature.levels().size() : index;
      }
    };
  }

  private static Object raw(Feature feature, LeadEvent event, double opportunityProbability) {
    return feature.source().equals(FeatureSpec.OPPORTUNITY_PROBABILITY)
        ? (Object) opportunityProbability
        : LeadFields.valueOf(event, feature.source());
  }

  private static int writeCategorical(Feature feature, Object raw, float[] row, int column) {
    List<String> levels = feature.levels();
    int index = levelIndex(levels, raw);
    if (feature.encoding() == FeatureSpec.Encoding.INDEX) {
      row[column] = raw == null ? Float.NaN : index < 0 ? levels.size() : index;
      return column + 1;
    }
    for (int i = 0; i < levels.size(); i++) {
      row[column + i] = raw == null ? Float.NaN : i == index ? 1f : 0f;
    }
    return column + levels.size();
  }

  static int levelIndex(List<String> levels, Object raw) {
    if (raw == null) {
      return -1;
    }
    String value = raw.toString().strip();
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).equalsIgnoreCase(value)) {
        return i;
      }
    }
    return -1;
  }

  static double transform(Feature feature, double value) {
    if (Double.isNaN(value)) {
      return value;
    }
    return switch (feature.transform()) {
      case NONE -> value;
      case LOG1P -> value <= -1 ? Double.NaN : Math.log1p(value);
    };
  }

  /** A number from a number, boolean or numeric text; NaN otherwise. */
  static double asNumber(Object raw) {
    if (raw instanceof Number number) {
      return number.doubleValue();
    }
    if (raw instanceof Boolean flag) {
      return flag ? 1 : 0;
    }
    if (raw instanceof CharSequence text) {
      try {
        return Double.parseDouble(text.toString().strip());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** 1 or 0 from a boolean, number or yes/no text; NaN otherwise. */
  static double asBoolean(Object raw) {
    if (raw instanceof Boolean flag) {
      return flag ? 1 : 0;
    }
    if (raw instanceof Number number) {
      return number.doubleValue() != 0 ? 1 : 0;
    }
    if (raw instanceof CharSequence text) {
      return switch (text.toString().strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1" -> 1;
        case "false", "no", "n", "0" -> 0;
        default -> Double.NaN;
      };
    }
    return Double.NaN;
  }
}
