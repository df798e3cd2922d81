package io.leadstream.models.scoring;

import io.leadstream.models.scoring.FeatureSpec.Column;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.models.scoring.ReasonPhrases.Phrase;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns SHAP contributions into the few reasons a sales rep reads, in the bundle's language ({@link
 * ReasonPhrases}).
 *
 * <p>Factors are ranked by their contribution on the model's own scale (XGBoost's log-odds, or the
 * predicted value of a regression), one-hot columns of one feature summed into one factor: the
 * strongest for the score and the strongest against it are always given, however few score points
 * they are worth, so a lead scored 0 or 97 is explained as well as one scored 50. Each factor's
 * points are its contribution times the conversion the caller gives ({@link #explainAt}); a factor
 * worth less than half a point reads "<1 point" ({@link ReasonPhrases#points}). Stateless and
 * thread-safe.
 */
public final class ReasonExplainer {

  /** Factors for the score returned per lead. */
  public static final int DEFAULT_POSITIVE = 3;

  /** Factors against the score returned per lead. */
  public static final int DEFAULT_NEGATIVE = 2;

  private final FeatureSpec spec;
  private final List<Column> columns;
  private final ReasonPhrases phrases;

  /** An explainer writing English reasons. */
  public ReasonExplainer(FeatureSpec spec) {
    this(spec, ReasonPhrases.ENGLISH);
  }

  /** An explainer writing reasons with {@code phrases}. */
  public ReasonExplainer(FeatureSpec spec, ReasonPhrases phrases) {
    this.spec = spec;
    this.columns = spec.columns();
    this.phrases = phrases;
  }

  /** The phrase set reasons are written with. */
  public ReasonPhrases phrases() {
    return phrases;
  }

  /**
   * The strongest factors for the score (largest first), then the strongest against it (most
   * negative first), in score points at the lead's probability ({@code p (1 - p) 100} points per
   * log-odds unit).
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
    return explain(
        event,
        new TextSignal(opportunityProbability, 0),
        contributions,
        probability,
        positive,
        negative);
  }

  /**
   * As {@link #explain(LeadEvent, double, float[], double, int, int)}, saying when the text was
   * unreadable.
   */
  public List<Reason> explain(
      LeadEvent event,
      TextSignal text,
      float[] contributions,
      double probability,
      int positive,
      int negative) {
    return explainAt(
        event, text, contributions, probability * (1 - probability) * 100, positive, negative);
  }

  /**
   * The strongest factors by contribution, with their points {@code pointsPerUnit * phi}: for the
   * scorers of a bundle, the score's change per unit of contribution between the average lead and
   * this one, so the points add up to the lead's distance from the average lead's score. When the
   * text was not readable, its reason is always given, whatever its weight: the score ignored the
   * text, and the rep should know.
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
    List<Integer> order = new ArrayList<>();
    for (int f = 0; f < perFeature.length; f++) {
      if (perFeature[f] != 0) {
        order.add(f);
      }
    }
    order.sort(Comparator.comparingDouble((Integer f) -> -Math.abs(perFeature[f])));
    List<Reason> selected = new ArrayList<>();
    order.stream()
        .filter(f -> perFeature[f] > 0)
        .limit(positive)
        .forEach(f -> selected.add(reason(f, perFeature[f], pointsPerUnit, event, text)));
    order.stream()
        .filter(f -> perFeature[f] < 0)
        .limit(negative)
        .forEach(f -> selected.add(reason(f, perFeature[f], pointsPerUnit, event, text)));
    // a text the model could not read is always said, whatever its weight: the score ignored it
    if (!text.readable()) {
      for (int f = 0; f < perFeature.length; f++) {
        Feature feature = spec.features().get(f);
        boolean said = selected.stream().anyMatch(r -> r.getFeature().equals(feature.name()));
        if (feature.source().equals(FeatureSpec.OPPORTUNITY_PROBABILITY) && !said) {
          selected.add(reason(f, perFeature[f], pointsPerUnit, event, text));
        }
      }
    }
    return List.copyOf(selected);
  }

  private Reason reason(int f, double phi, double pointsPerUnit, LeadEvent event, TextSignal text) {
    Feature feature = spec.features().get(f);
    double points = Math.round(pointsPerUnit * phi * 100) / 100.0;
    return new Reason(feature.name(), label(feature, event, text), points);
  }

  /** The feature's value for this lead in words a sales rep reads. */
  String label(Feature feature, LeadEvent event, TextSignal text) {
    String source = feature.source();
    if (source.equals(FeatureSpec.OPPORTUNITY_PROBABILITY)) {
      return textLabel(text, phrases);
    }
    Object raw = LeadFields.valueOf(event, source);
    boolean known = raw != null && !(raw instanceof CharSequence s && s.toString().isBlank());
    String meaning = known ? feature.meaning(raw) : null;
    if (meaning != null) {
      return phrases.format(Phrase.VALUE, phrases.label(feature.label()), meaning);
    }
    if (phrases.hasFieldPhrase(feature)) {
      return fieldPhrase(source, raw, known, event);
    }
    return generic(feature, raw, known);
  }

  private String fieldPhrase(String source, Object raw, boolean known, LeadEvent event) {
    String currency = event.getCurrency() == null ? "" : " " + event.getCurrency();
    double number = FeatureExtractor.asNumber(raw);
    return switch (source) {
      case "budget" ->
          known
              ? phrases.format(Phrase.BUDGET, phrases.money(number), currency)
              : phrases.format(Phrase.NO_BUDGET);
      case "company.employees" ->
          known
              ? count(number, Phrase.EMPLOYEE, Phrase.EMPLOYEES)
              : phrases.format(Phrase.SIZE_UNKNOWN);
      case "company.annualRevenue" ->
          known
              ? phrases.format(Phrase.REVENUE, phrases.money(number), currency)
              : phrases.format(Phrase.REVENUE_UNKNOWN);
      case "purchaseIntent" ->
          known
              ? phrases.format(Phrase.INTENT, (long) number)
              : phrases.format(Phrase.INTENT_NOT_RATED);
      case "contact.isDecisionMaker" ->
          !known
              ? phrases.format(Phrase.DECISION_MAKER_UNKNOWN)
              : FeatureExtractor.asBoolean(raw) == 1
                  ? phrases.format(Phrase.DECISION_MAKER)
                  : phrases.format(Phrase.NOT_DECISION_MAKER);
      case "engagement.meetings" ->
          number > 0
              ? count(number, Phrase.MEETING, Phrase.MEETINGS)
              : phrases.format(Phrase.NO_MEETINGS);
      case "engagement.websiteVisits" ->
          number > 0
              ? count(number, Phrase.VISIT, Phrase.VISITS)
              : phrases.format(Phrase.NO_VISITS);
      case "engagement.emailsOpened" ->
          number > 0
              ? count(number, Phrase.EMAIL, Phrase.EMAILS)
              : phrases.format(Phrase.NO_EMAILS);
      case "engagement.daysSinceLastContact" ->
          !known
              ? phrases.format(Phrase.CONTACT_UNKNOWN)
              : number < 1
                  ? phrases.format(Phrase.CONTACTED_TODAY)
                  : count(number, Phrase.CONTACT_DAY, Phrase.CONTACT_DAYS);
      case "cooperation.priorDeals" ->
          number > 0
              ? count(number, Phrase.PRIOR_DEAL, Phrase.PRIOR_DEALS)
              : phrases.format(Phrase.NO_PRIOR_DEALS);
      case "cooperation.priorRevenue" ->
          number > 0
              ? phrases.format(Phrase.PRIOR_REVENUE, phrases.money(number), currency)
              : phrases.format(Phrase.NO_PRIOR_REVENUE);
      default -> throw new IllegalStateException("no phrase for " + source);
    };
  }

  /**
   * What the text model read, in words a sales rep reads: "text reads as a buying signal (p=0.82)",
   * "... mild interest ...", "text shows no buying signal ...", or that the text was not readable
   * by the model; in English.
   */
  public static String textLabel(TextSignal text) {
    return textLabel(text, ReasonPhrases.ENGLISH);
  }

  /** As {@link #textLabel(TextSignal)}, with {@code phrases}. */
  public static String textLabel(TextSignal text, ReasonPhrases phrases) {
    if (!text.readable()) {
      return phrases.format(
          Phrase.TEXT_UNREADABLE,
          String.format(Locale.ROOT, "%.0f", 100 * text.unknownTokenRatio()));
    }
    double opportunityProbability = text.opportunityProbability();
    String p = String.format(Locale.ROOT, "%.2f", opportunityProbability);
    if (opportunityProbability >= 0.5) {
      return phrases.format(Phrase.TEXT_BUYING, p);
    }
    if (opportunityProbability >= 0.25) {
      return phrases.format(Phrase.TEXT_MILD, p);
    }
    return phrases.format(Phrase.TEXT_NONE, p);
  }

  private String generic(Feature feature, Object raw, boolean known) {
    String label = phrases.label(feature.label());
    if (!known) {
      return phrases.format(Phrase.UNKNOWN, label);
    }
    double number = FeatureExtractor.asNumber(raw);
    return switch (feature.type()) {
      case BOOLEAN ->
          FeatureExtractor.asBoolean(raw) == 1
              ? phrases.format(Phrase.YES, label)
              : phrases.format(Phrase.NO, label);
      case CATEGORICAL -> phrases.format(Phrase.VALUE, label, raw.toString().strip());
      case NUMERIC ->
          phrases.format(
              Phrase.VALUE,
              label,
              (Double.isNaN(number) ? raw.toString().strip() : plain(number))
                  + (feature.unit() == null ? "" : " " + feature.unit()));
    };
  }

  private String count(double n, Phrase one, Phrase many) {
    long rounded = Math.round(n);
    return phrases.format(rounded == 1 ? one : many, ReasonPhrases.grouped(rounded));
  }

  static String money(double amount) {
    return ReasonPhrases.ENGLISH.money(amount);
  }

  /** A number as a user wrote it: thousands grouped, at most two decimals, none when whole. */
  static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return ReasonPhrases.grouped((long) value);
    }
    String text = String.format(Locale.ROOT, "%,.2f", value);
    return text.endsWith("0") ? text.substring(0, text.length() - 1) : text;
  }
}
