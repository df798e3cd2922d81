package io.leadstream.models.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordered features the scorer reads, as a bundle manifest records them, so a CRM export can be
 * mapped in by editing a manifest rather than code. One feature may become several model columns
 * (one-hot categoricals); {@link #columns()} lists them in model order.
 *
 * @param features features in model order
 */
public record FeatureSpec(@JsonValue List<Feature> features) {

  /** The pseudo-source that carries p(opportunity) read from the lead's text. */
  public static final String OPPORTUNITY_PROBABILITY = "opportunityProbability";

  /** Prefix of sources that read the LeadEvent's {@code attributes} map. */
  public static final String ATTRIBUTES_PREFIX = "attributes.";

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public FeatureSpec {
    features = List.copyOf(features);
    Set<String> names = new HashSet<>();
    for (Feature feature : features) {
      if (!names.add(feature.name())) {
        throw new IllegalArgumentException("feature name '" + feature.name() + "' used twice");
      }
    }
  }

  /** Feature value kinds. */
  public enum Type {
    @JsonProperty("numeric")
    NUMERIC,
    @JsonProperty("boolean")
    BOOLEAN,
    @JsonProperty("categorical")
    CATEGORICAL
  }

  /** Transform applied to numeric values before the model sees them. */
  public enum Transform {
    @JsonProperty("none")
    NONE,
    /** {@code ln(1 + x)}, for counts and money that span orders of magnitude. */
    @JsonProperty("log1p")
    LOG1P
  }

  /** How a categorical feature becomes columns. */
  public enum Encoding {
    /** One 0/1 column per level; a value outside the levels sets none. */
    @JsonProperty("onehot")
    ONE_HOT,
    /**
     * One column holding the level's index; a value outside the levels gets {@code levels.size()}.
     */
    @JsonProperty("index")
    INDEX
  }

  /**
   * One feature.
   *
   * @param name machine name, stable across releases; used as {@code Reason.feature}
   * @param source a LeadEvent field path ({@code budget}, {@code company.employees}, {@code
   *     contact.isDecisionMaker}, ...), {@code attributes.<key>}, or {@code opportunityProbability}
   * @param type numeric, boolean or categorical
   * @param transform numeric transform; null means none
   * @param levels categorical levels, compared ignoring case
   * @param encoding categorical encoding; null means one-hot
   * @param label words a sales rep reads, e.g. "company size"
   * @param unit what a numeric value counts, shown after it in reasons ("12 days", "4,800 USD");
   *     null for none
   * @param values what the values mean, by value as the data spells it, shown in reasons instead of
   *     the value: the range of a bucket code ({@code 4: "over 1.5M"}), the words of a code; null
   *     for none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Feature(
      String name,
      String source,
      Type type,
      Transform transform,
      List<String> levels,
      Encoding encoding,
      String label,
      String unit,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> values) {

    /** A feature without unit or value meanings. */
    public Feature(
        String name,
        String source,
        Type type,
        Transform transform,
        List<String> levels,
        Encoding encoding,
        String label) {
      this(name, source, type, transform, levels, encoding, label, null, null);
    }

    public Feature {
      if (name == null || name.isBlank() || source == null || source.isBlank()) {
        throw new IllegalArgumentException("a feature needs a name and a source");
      }
      type = type == null ? Type.NUMERIC : type;
      transform = transform == null ? Transform.NONE : transform;
      if (type == Type.CATEGORICAL) {
        if (levels == null || levels.isEmpty()) {
          throw new IllegalArgumentException("categorical feature '" + name + "' needs levels");
        }
        levels = List.copyOf(levels);
        encoding = encoding == null ? Encoding.ONE_HOT : encoding;
      } else {
        levels = null;
        encoding = null;
      }
      label = label == null || label.isBlank() ? name.replace('_', ' ') : label;
      unit = unit == null || unit.isBlank() ? null : unit.strip();
      values =
          values == null || values.isEmpty()
              ? null
              : Collections.unmodifiableMap(new LinkedHashMap<>(values));
      LeadFields.requireKnownSource(source);
    }

    /**
     * What {@code raw} means by {@link #values()}: looked up as spelled (trimmed), then ignoring
     * case, then as a plain number ({@code 4.0} as {@code 4}); null when it means nothing given.
     */
    public String meaning(Object raw) {
      if (values == null || raw == null) {
        return null;
      }
      String value = raw.toString().strip();
      String meaning = values.get(value);
      if (meaning != null) {
        return meaning;
      }
      for (Map.Entry<String, String> entry : values.entrySet()) {
        if (entry.getKey().strip().equalsIgnoreCase(value)) {
          return entry.getValue();
        }
      }
      double number = FeatureExtractor.asNumber(raw);
      if (!Double.isNaN(number) && number == Math.rint(number) && Math.abs(number) < 1e15) {
        return values.get(String.valueOf((long) number));
      }
      return null;
    }

    /** A numeric feature without transform. */
    public static Feature numeric(String name, String source, String label) {
      return new Feature(name, source, Type.NUMERIC, Transform.NONE, null, null, label);
    }

    /** A numeric feature read through {@code ln(1 + x)}. */
    public static Feature log1p(String name, String source, String label) {
      return new Feature(name, source, Type.NUMERIC, Transform.LOG1P, null, null, label);
    }

    /** A yes/no feature. */
    public static Feature bool(String name, String source, String label) {
      return new Feature(name, source, Type.BOOLEAN, Transform.NONE, null, null, label);
    }

    /** A categorical feature. */
    public static Feature categorical(
        String name, String source, List<String> levels, Encoding encoding, String label) {
      return new Feature(name, source, Type.CATEGORICAL, Transform.NONE, levels, encoding, label);
    }

    int width() {
      return type == Type.CATEGORICAL && encoding == Encoding.ONE_HOT ? levels.size() : 1;
    }
  }

  /**
   * One model column.
   *
   * @param name column name given to the model, {@code feature} or {@code feature=level}
   * @param feature index into {@link #features()}
   * @param level the one-hot level, or null
   */
  public record Column(String name, int feature, String level) {}

  /** Model columns in order. */
  public List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      Feature feature = features.get(i);
      if (feature.width() == 1) {
        columns.add(new Column(feature.name(), i, null));
      } else {
        for (String level : feature.levels()) {
          columns.add(new Column(feature.name() + "=" + level, i, level));
        }
      }
    }
    return columns;
  }

  /** Number of model columns. */
  public int columnCount() {
    int count = 0;
    for (Feature feature : features) {
      count += feature.width();
    }
    return count;
  }

  /**
   * True when a feature reads p(opportunity): only then does the lead's text count for the score. A
   * spec without one ("fields only") needs no text model at all.
   */
  public boolean readsText() {
    return features.stream().anyMatch(f -> f.source().equals(OPPORTUNITY_PROBABILITY));
  }

  /** This spec without the features whose source is {@code source}. */
  public FeatureSpec without(String source) {
    return new FeatureSpec(features.stream().filter(f -> !f.source().equals(source)).toList());
  }
}
