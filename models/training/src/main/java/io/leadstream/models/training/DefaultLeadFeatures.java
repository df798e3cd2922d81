package io.leadstream.models.training;

import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.FeatureSpec.Encoding;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import java.util.List;

/** The feature spec of the default bundle: core LeadEvent fields, lead source, p(opportunity). */
public final class DefaultLeadFeatures {
  private DefaultLeadFeatures() {}

  /** Core fields, the {@code attributes.leadSource} CRM field, and p(opportunity) last. */
  public static FeatureSpec spec() {
    return spec(Language.EN);
  }

  /**
   * The spec for synthetic leads of {@code language}: as {@link #spec()}, with the countries of
   * that language's leads.
   */
  public static FeatureSpec spec(Language language) {
    return new FeatureSpec(
        List.of(
            Feature.log1p("employees", "company.employees", "company size"),
            Feature.log1p("annual_revenue", "company.annualRevenue", "annual revenue"),
            Feature.categorical(
                "industry",
                "company.industry",
                List.of(
                    "software",
                    "manufacturing",
                    "logistics",
                    "retail",
                    "finance",
                    "healthcare",
                    "energy",
                    "education",
                    "public sector",
                    "media"),
                Encoding.ONE_HOT,
                "industry"),
            Feature.categorical(
                "country",
                "company.country",
                language.market().countries(),
                Encoding.INDEX,
                "country"),
            Feature.bool("decision_maker", "contact.isDecisionMaker", "decision maker"),
            Feature.log1p("budget", "budget", "budget"),
            Feature.numeric("purchase_intent", "purchaseIntent", "purchase intent"),
            Feature.numeric("prior_deals", "cooperation.priorDeals", "prior deals"),
            Feature.log1p("prior_revenue", "cooperation.priorRevenue", "prior revenue"),
            Feature.numeric("website_visits", "engagement.websiteVisits", "website visits"),
            Feature.numeric("emails_opened", "engagement.emailsOpened", "emails opened"),
            Feature.numeric("meetings", "engagement.meetings", "meetings"),
            Feature.numeric(
                "days_since_contact", "engagement.daysSinceLastContact", "days since last contact"),
            Feature.categorical(
                "lead_source",
                "attributes.leadSource",
                List.of(
                    "web_form", "referral", "trade_show", "cold_outreach", "partner", "webinar"),
                Encoding.ONE_HOT,
                "lead source"),
            Feature.numeric(
                "opportunity_probability", FeatureSpec.OPPORTUNITY_PROBABILITY, "text signal")));
  }
}
