package io.leadstream.models.training;

import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.LeadFields;
import io.leadstream.models.scoring.LeadText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a training run learns from.
 *
 * @param leads labelled leads
 * @param times event time per lead, or null when the data has no time (then the split is stratified
 *     instead of time-ordered)
 * @param features the scorer's features
 * @param source what the leads are, recorded in the manifest (a generator or a file name)
 * @param columns raw values of each input column per lead, for the single-column signal check
 * @param segmentSource the LeadEvent source that names a lead's segment, or null for none
 * @param targets a continuous target per lead (regression), or null when the leads' converted flags
 *     are the label
 * @param notes what the model card should say about the data as read (values read as missing,
 *     tables joined), in sentences; empty for none
 * @param language the language of the leads ({@code en}, {@code zh}) the bundle's reasons are
 *     written in, or null to follow the encoder's
 */
public record TrainingSet(
    List<LabelledLead> leads,
    Instant[] times,
    FeatureSpec features,
    String source,
    Map<String, String[]> columns,
    String segmentSource,
    double[] targets,
    List<String> notes,
    String language) {

  public TrainingSet {
    leads = List.copyOf(leads);
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(source, "source");
    if (times != null && times.length != leads.size()) {
      throw new IllegalArgumentException(times.length + " times for " + leads.size() + " leads");
    }
    columns = columns == null ? columnsOf(leads, features) : Map.copyOf(columns);
    if (targets != null && targets.length != leads.size()) {
      throw new IllegalArgumentException(
          targets.length + " targets for " + leads.size() + " leads");
    }
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** A set without notes on the data. */
  public TrainingSet(
      List<LabelledLead> leads,
      Instant[] times,
      FeatureSpec features,
      String source,
      Map<String, String[]> columns,
      String segmentSource,
      double[] targets) {
    this(leads, times, features, source, columns, segmentSource, targets, List.of(), null);
  }

  /** A set whose label is each lead's converted flag. */
  public TrainingSet(
      List<LabelledLead> leads,
      Instant[] times,
      FeatureSpec features,
      String source,
      Map<String, String[]> columns,
      String segmentSource) {
    this(leads, times, features, source, columns, segmentSource, null, List.of(), null);
  }

  /** Leads without event times whose input columns are the features' sources and the text. */
  public static TrainingSet of(List<LabelledLead> leads, FeatureSpec features, String source) {
    return new TrainingSet(leads, null, features, source, null, null);
  }

  /** True when the scorer reads p(opportunity), i.e. the leads' text counts. */
  public boolean readsText() {
    return features.readsText();
  }

  /** True when the label is a continuous target. */
  public boolean regression() {
    return targets != null;
  }

  /** Labels in lead order. */
  public boolean[] labels() {
    boolean[] labels = new boolean[leads.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = leads.get(i).converted();
    }
    return labels;
  }

  private static Map<String, String[]> columnsOf(List<LabelledLead> leads, FeatureSpec features) {
    Map<String, String[]> columns = new LinkedHashMap<>();
    String[] text = new String[leads.size()];
    for (int i = 0; i < text.length; i++) {
      String value = LeadText.of(leads.get(i).event());
      text[i] = value.isBlank() ? null : value;
    }
    for (FeatureSpec.Feature feature : features.features()) {
      if (feature.source().equals(FeatureSpec.OPPORTUNITY_PROBABILITY)) {
        columns.put("text", text);
        continue;
      }
      String[] values = new String[leads.size()];
      for (int i = 0; i < values.length; i++) {
        Object raw = LeadFields.valueOf(leads.get(i).event(), feature.source());
        values[i] = raw == null ? null : raw.toString();
      }
      columns.put(feature.source(), values);
    }
    return columns;
  }
}
