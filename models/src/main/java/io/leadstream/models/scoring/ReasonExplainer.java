package io.leadstream.models.scoring;

import io.leadstream.models.scoring.FeatureSpec.Column;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns SHAP contributions into the few reasons a sales rep reads.
 *
 * <p>XGBoost's contributions are in log-odds. Each is converted to score points with the local
 * slope of the sigmoid at the lead's probability: {@code points = p * (1 - p) * 100 * phi}. This
 * is a first-order approximation: the points of all features add up to the score's distance
 * from the base score only approximately, but their sizes and signs compare correctly. One-hot
 * columns of one feature are summed into one reason. Stateless and thread-safe.
 */
public final class ReasonExplainer {

  /** Factors for the score returned per lead. */
  public static final int DEFAULT_POSITIVE = 3;

  /** Factors against the score returned per lead. */
  public static final int DEFAULT_NEGATIVE = 2;

  /** Factors worth less than this many score points explain nothing and are left out. */
  public static final double MIN_POINTS = 0.5;

  private final FeatureSpec spec;
  private final List<Column> columns;

  public ReasonExplainer(FeatureSpec spec) {
    this.spec = spec;
    this.columns = spec.columns();
  }

  /**
   * The strongest factors for the score (largest first), then the strongest against it (most
   * negative first); factors under {@link #MIN_POINTS} are left out, so a lead scored near 0 or
   * 100 may have fewer reasons.
   *
   * @param event the scored lead, read for the labels
   * @param opportunityProbability p(opportunity) the row was built with
   * @param contributions SHAP values from {@link XgbScorer#contributions(float[])}, bias last
   * @param probability the lead's predicted probability
   * @param positive how many factors for the score at most
   * @param negative how many factors against the score at most
   */
  public List<Reason> explain(
      LeadEvent event,
      double opportunityProbability,
      float[] contributions,
      double probability,
      int positive,
      int negative) {
    return explain(event, new TextSignal(opportunityProbability, 0), contributions, probability,
        positive, negative);
  }

  /** As {@link #explain(LeadEvent, double, float[], double, int, int)}, saying when the text was unreadable. */
  public List<Reason> explain(
      LeadEvent event,
      TextSignal text,
      float[] contributions,
      double probability,
      int positive,
      int negative) {
    return explainAt(event, text, contributions, probability * (1 - probability) * 100, positive,
        negative);
  }

  /**
   * As {@link #explain(LeadEvent, TextSignal, float[], double, int, int)} with the conversion
   * from contribution to score points given: {@code points = pointsPerUnit * phi}. For a
   * regression, the local slope of the score in the predicted value.
   */
  public List<Reason> explainAt(
      LeadEvent event,
      TextSignal text,
      float[] contributions,
      double pointsPerUnit,
      int positive,
      int negative) {
    if (contributions.length != columns.size() + 1) {
      throw new IllegalArgumentException(
          contributions.length + " contributions for " + columns.size() + " columns (+ bias)");
    }
    double[] perFeature = new double[spec.features().size()];
    for (int c = 0; c < columns.size(); c++) {
      perFeature[columns.get(c).feature()] += contributions[c];
    }
    double slope = pointsPerUnit;
    List<Reason> reasons = new ArrayList<>();
    Reason unreadableText = null;
    for (int f = 0; f < perFeature.length; f++) {
      Feature feature = spec.features().get(f);
      double points = Math.round(slope * perFeature[f] * 100) / 100.0;
      boolean textFeature = feature.source().equals(FeatureSpec.OPPORTUNITY_PROBABILITY);
      if (textFeature && !text.readable()) {
        unreadableText = new Reason(feature.name(), label(feature, event, text), points);
      }
      if (perFeature[f] == 0 || Math.abs(points) < MIN_POINTS) {
        continue;
      }
      reasons.add(new Reason(feature.name(), label(feature, event, text), points));
    }
    reasons.sort(Comparator.comparingDouble((Reason r) -> -Math.abs(r.getContribution())));
    List<Reason> selected = new ArrayList<>();
    reasons.stream().filter(r -> r.getContribution() > 0).limit(positive).forEach(selected::add);
    reasons.stream().filter(r -> r.getContribution() < 0).limit(negative).forEach(selected::add);
    // a text the model could not read is always said, whatever its weight: the score ignored it
    Reason notice = unreadableText;
    if (notice != null && selected.stream().noneMatch(r -> r.getFeature().equals(notice.getFeature()))) {
      selected.add(notice);
    }
    return List.copyOf(selected);
  }

  /** The feature's value for this lead in words a sales rep reads. */
  static String label(Feature feature, LeadEvent event, TextSignal text) {
    String source = feature.source();
    if (source.equals(FeatureSpec.OPPORTUNITY_PROBABILITY)) {
      return textLabel(text);
    }
    Object raw = LeadFields.valueOf(event, source);
    String currency = event.getCurrency() == null ? "" : " " + event.getCurrency();
    double number = FeatureExtractor.asNumber(raw);
    boolean known = raw != null && !(raw instanceof CharSequence s && s.toString().isBlank());
    switch (source) {
      case "budget":
        return known ? "budget " + money(number) + currency : "no budget given";
      case "company.employees":
        return known ? count(number, "employee", "employees") : "company size unknown";
      case "company.annualRevenue":
        return known ? "revenue " + money(number) + currency : "revenue unknown";
      case "purchaseIntent":
        return known ? "purchase intent " + (long) number + "/5" : "purchase intent not rated";
      case "contact.isDecisionMaker":
        if (!known) {
          return "decision maker unknown";
        }
        return FeatureExtractor.asBoolean(raw) == 1 ? "decision maker" : "not a decision maker";
      case "engagement.meetings":
        return number > 0 ? count(number, "meeting", "meetings") : "no meetings yet";
      case "engagement.websiteVisits":
        return number > 0 ? count(number, "website visit", "website visits") : "no website visits";
      case "engagement.emailsOpened":
        return number > 0 ? count(number, "email opened", "emails opened") : "no emails opened";
      case "engagement.daysSinceLastContact":
        if (!known) {
          return "last contact unknown";
        }
        return number < 1 ? "contacted today" : "no contact for " + count(number, "day", "days");
      case "cooperation.priorDeals":
        return number > 0 ? count(number, "prior deal", "prior deals") : "no prior deals";
      case "cooperation.priorRevenue":
        return number > 0 ? "prior revenue " + money(number) + currency : "no prior revenue";
      default:
        return generic(feature, raw, known, number);
    }
  }

  /**
   * What the text model read, in words a sales rep reads: "text reads as a buying signal
   * (p=0.82)", "... mild interest ...", "text shows no buying signal ...", or that the text was
   * not readable by the model.
   */
  public static String textLabel(TextSignal text) {
    if (!text.readable()) {
      return String.format(Locale.ROOT, "text not readable by this model (%.0f%% unknown tokens)",
          100 * text.unknownTokenRatio());
    }
    double opportunityProbability = text.opportunityProbability();
    String p = String.format(Locale.ROOT, "%.2f", opportunityProbability);
    if (opportunityProbability >= 0.5) {
      return "text reads as a buying signal (p=" + p + ")";
    }
    if (opportunityProbability >= 0.25) {
      return "text reads as mild interest (p=" + p + ")";
    }
    return "text shows no buying signal (p=" + p + ")";
  }

  private static String generic(Feature feature, Object raw, boolean known, double number) {
    if (!known) {
      return feature.label() + " unknown";
    }
    return switch (feature.type()) {
      case BOOLEAN -> FeatureExtractor.asBoolean(raw) == 1 ? feature.label() : "not " + feature.label();
      case CATEGORICAL -> feature.label() + ": " + raw.toString().strip();
      case NUMERIC -> feature.label() + ": " + (Double.isNaN(number) ? raw.toString() : plain(number));
    };
  }

  private static String count(double n, String one, String many) {
    long rounded = Math.round(n);
    return String.format(Locale.ROOT, "%,d", rounded) + " " + (rounded == 1 ? one : many);
  }

  static String money(double amount) {
    double abs = Math.abs(amount);
    if (abs >= 1_000_000) {
      return trim(amount / 1_000_000) + "M";
    }
    if (abs >= 1_000) {
      return trim(amount / 1_000) + "k";
    }
    return trim(amount);
  }

  private static String trim(double value) {
    return value >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String plain(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
