package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.scoring.FeatureSpec.Encoding;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonExplainerTest {

  private static final FeatureSpec SPEC =
      new FeatureSpec(
          List.of(
              Feature.log1p("budget", "budget", "budget"),
              Feature.categorical(
                  "industry", "company.industry", List.of("software", "retail", "media"),
                  Encoding.ONE_HOT, "industry"),
              Feature.bool("decision_maker", "contact.isDecisionMaker", "decision maker"),
              Feature.numeric("meetings", "engagement.meetings", "meetings"),
              Feature.numeric(
                  "days_since_contact", "engagement.daysSinceLastContact", "days since contact"),
              Feature.numeric("p", FeatureSpec.OPPORTUNITY_PROBABILITY, "text")));

  private static final LeadEvent EVENT =
      TestLeads.bare("r")
          .setCompany(new Company("A", "retail", 50, null, "DE"))
          .setContact(new Contact("B", "CEO", true))
          .setBudget(250_000.0)
          .setCurrency("EUR")
          .setEngagement(new Engagement(3, 2, 3, 45))
          .build();

  private final ReasonExplainer explainer = new ReasonExplainer(SPEC);

  @Test
  void shouldGroupOneHotColumnsAndListFactorsForThenAgainst() {
    float[] contributions = {0.2f, 0.3f, -0.5f, 0.1f, 0.05f, 0.4f, -0.6f, 0.01f, -1.5f};

    List<Reason> reasons = explainer.explain(EVENT, 0.82, contributions, 0.5, 3, 2);

    // industry's one-hot columns sum to -0.1 (-2.5 points); p contributes 0.25 points: dropped
    assertThat(reasons).extracting(Reason::getFeature)
        .containsExactly("meetings", "budget", "decision_maker", "days_since_contact", "industry");
    assertThat(reasons.get(0).getLabel()).isEqualTo("3 meetings");
    assertThat(reasons.get(1).getLabel()).isEqualTo("budget 250k EUR");
    assertThat(reasons.get(3).getContribution()).isCloseTo(-15.0, within(1e-6));
    assertThat(reasons.get(3).getLabel()).isEqualTo("no contact for 45 days");
    assertThat(reasons.get(4).getContribution()).isCloseTo(-2.5, within(1e-6));
  }

  @Test
  void shouldCapFactorsForAndAgainstSeparately() {
    float[] contributions = {0.2f, 0.3f, -0.5f, 0.1f, 0.05f, 0.4f, -0.6f, 0.01f, -1.5f};

    List<Reason> reasons = explainer.explain(EVENT, 0.82, contributions, 0.5, 1, 1);

    assertThat(reasons).extracting(Reason::getFeature)
        .containsExactly("meetings", "days_since_contact");
  }

  @Test
  void shouldConvertLogOddsToScorePointsAtTheLeadsProbability() {
    float[] contributions = {0, 1.0f, 0, 0, 0, 0, 0, 0.4f, 0};

    List<Reason> reasons = explainer.explain(EVENT, 0.82, contributions, 0.8, 3, 2);

    assertThat(reasons).extracting(Reason::getFeature).containsExactly("industry", "p");
    assertThat(reasons.get(0).getContribution()).isCloseTo(0.8 * 0.2 * 100 * 1.0, within(1e-6));
    assertThat(reasons.get(0).getLabel()).isEqualTo("industry: retail");
    assertThat(reasons.get(1).getLabel()).isEqualTo("text reads as a buying signal (p=0.82)");
  }

  @Test
  void shouldNameMissingValuesPlainly() {
    LeadEvent bare = TestLeads.bare("m").build();
    float[] contributions = {-0.5f, 0, 0, 0, -0.3f, -0.2f, 0, 0, 0};

    List<Reason> reasons = explainer.explain(bare, 0.1, contributions, 0.3, 3, 3);

    assertThat(reasons).extracting(Reason::getLabel)
        .containsExactly("no budget given", "decision maker unknown", "no meetings yet");
  }
}
