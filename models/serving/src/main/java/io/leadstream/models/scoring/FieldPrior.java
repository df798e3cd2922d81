package io.leadstream.models.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.models.scoring.FeatureSpec.Transform;
import java.util.List;

/**
 * A logistic model with hand-set weights, for a team with no labelled history: the cold-start
 * scorer a bundle carries in its manifest's {@code fieldPrior} section instead of an XGBoost {@code
 * scorer}, so a user can read and tune every number.
 *
 * <pre>
 * log-odds = intercept + sum over terms of weight * (x(value) - x(reference))
 * x(v)     = (t(v) - t(low)) / (t(high) - t(low)), clipped to [0, 1]; t = the term's transform
 * </pre>
 *
 * A lead whose every field is at its reference has the log-odds {@code intercept}; a missing field
 * counts as at its reference (it moves nothing). Each term's {@code weight * (x(value) -
 * x(reference))} is its contribution in log-odds, as a SHAP value is for XGBoost. Immutable.
 *
 * @param intercept log-odds of the reference lead
 * @param terms the terms; numeric fields (a boolean reads as 1 or 0), or {@code
 *     opportunityProbability} for the text
 */
public record FieldPrior(double intercept, List<Term> terms) {

  public FieldPrior {
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("fieldPrior: intercept must be finite");
    }
    if (terms == null || terms.isEmpty()) {
      throw new IllegalArgumentException("fieldPrior: needs at least one term");
    }
    terms = List.copyOf(terms);
    new FeatureSpec(terms.stream().map(Term::feature).toList()); // refuses a name used twice
  }

  /**
   * One field and how much it moves the log-odds between {@code low} and {@code high}.
   *
   * @param name machine name, used as {@code Reason.feature}
   * @param source a LeadEvent field path, {@code attributes.<key>}, or {@code
   *     opportunityProbability}
   * @param label words a sales rep reads; the built-in field labels ("purchase intent") get the
   *     field's own phrase in reasons ("purchase intent 5/5")
   * @param transform {@code log1p} for counts and money spanning orders of magnitude; none when
   *     absent
   * @param unit shown after the value in generic reasons; optional
   * @param low the value at which {@code x} is 0, in the field's own units
   * @param high the value at which {@code x} is 1
   * @param reference the value of a typical lead: its term is 0
   * @param weight log-odds from {@code low} to {@code high}; negative when more is worse
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Term(
      String name,
      String source,
      String label,
      Transform transform,
      String unit,
      double low,
      double high,
      double reference,
      double weight) {

    public Term {
      transform = transform == null ? Transform.NONE : transform;
      for (double value : new double[] {low, high, reference, weight}) {
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException(
              "fieldPrior term '" + name + "': numbers must be finite");
        }
      }
      Feature feature = Feature.numeric(name, source, label); // refuses an unknown source
      if (!(t(transform, high) > t(transform, low))) {
        throw new IllegalArgumentException(
            "fieldPrior term '" + name + "': high must be above low (after the transform)");
      }
      label = feature.label();
    }

    /** The term as a feature, for extracting its value and wording its reason. */
    @JsonIgnore
    public Feature feature() {
      return new Feature(
          name, source, FeatureSpec.Type.NUMERIC, transform, null, null, label, unit, null);
    }

    /** The term's contribution in log-odds for a transformed value; 0 for a missing (NaN) one. */
    double contribution(float transformed) {
      // rounded to float as the row's values are, so a value at the reference moves nothing
      float reference = (float) t(transform, this.reference);
      return Double.isNaN(transformed) ? 0 : weight * (scaled(transformed) - scaled(reference));
    }

    private double scaled(double transformed) {
      double lo = t(transform, low);
      return Math.max(0, Math.min(1, (transformed - lo) / (t(transform, high) - lo)));
    }

    private static double t(Transform transform, double value) {
      return transform == Transform.LOG1P ? Math.log1p(value) : value;
    }
  }

  /** The terms as the feature spec their values are extracted with, one column each. */
  @JsonIgnore
  public FeatureSpec features() {
    return new FeatureSpec(terms.stream().map(Term::feature).toList());
  }

  /** True when a term reads the text's p(opportunity). */
  public boolean readsText() {
    return features().readsText();
  }

  /**
   * Each term's contribution in log-odds, then the intercept last (the layout of XGBoost's SHAP
   * contributions, bias last).
   *
   * @param row the lead's values as {@link FeatureExtractor} extracts them with {@link #features()}
   */
  public float[] contributions(float[] row) {
    if (row.length != terms.size()) {
      throw new IllegalArgumentException(row.length + " values for " + terms.size() + " terms");
    }
    float[] out = new float[terms.size() + 1];
    for (int i = 0; i < row.length; i++) {
      out[i] = (float) terms.get(i).contribution(row[i]);
    }
    out[terms.size()] = (float) intercept;
    return out;
  }
}
