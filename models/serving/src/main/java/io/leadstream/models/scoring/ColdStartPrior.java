package io.leadstream.models.scoring;

import io.leadstream.models.scoring.FeatureSpec.Transform;
import io.leadstream.models.scoring.FieldPrior.Term;
import java.util.List;

/**
 * The {@link FieldPrior} that {@code bundle init --kind zero-shot} writes: hand-set, not fitted to
 * any data. The zero-shot p(opportunity) and the LeadEvent's purchase intent, budget and engagement
 * fields, each scaled to [0, 1] between a low and a high value, with weights in log-odds over that
 * range. The reference lead (text at the zero-shot prior, intent 3 of 5, a 10k budget, no meeting,
 * 2 visits, 2 emails opened, last contact 30 days ago) scores 30, COLD under the fixed tiers; every
 * number can be tuned in the manifest.
 */
public final class ColdStartPrior {

  /** Log-odds of the reference lead: p = 0.30. */
  public static final double INTERCEPT = -0.85;

  private ColdStartPrior() {}

  /**
   * The prior, its text term centred on {@code textPrior} (the zero-shot prior a blank text gets,
   * so a lead without text is not moved by it).
   */
  public static FieldPrior of(double textPrior) {
    return new FieldPrior(
        INTERCEPT,
        List.of(
            new Term(
                "opportunity_probability",
                FeatureSpec.OPPORTUNITY_PROBABILITY,
                "text signal",
                Transform.NONE,
                null,
                0,
                1,
                textPrior,
                3.0),
            linear("purchaseIntent", "purchase intent", 1, 5, 3, 2.0),
            log1p("budget", "budget", 1_000, 1_000_000, 10_000, 1.5),
            linear("engagement.meetings", "meetings", 0, 4, 0, 1.5),
            log1p("engagement.websiteVisits", "website visits", 0, 50, 2, 0.75),
            log1p("engagement.emailsOpened", "emails opened", 0, 20, 2, 0.5),
            linear("engagement.daysSinceLastContact", "days since last contact", 0, 90, 30, -1.0)));
  }

  private static Term linear(
      String source, String label, double low, double high, double reference, double weight) {
    return term(source, label, Transform.NONE, low, high, reference, weight);
  }

  private static Term log1p(
      String source, String label, double low, double high, double reference, double weight) {
    return term(source, label, Transform.LOG1P, low, high, reference, weight);
  }

  private static Term term(
      String source,
      String label,
      Transform transform,
      double low,
      double high,
      double reference,
      double weight) {
    String name = label.replace(' ', '_');
    return new Term(name, source, label, transform, null, low, high, reference, weight);
  }
}
