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
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonExplainerTest {

  private static final FeatureSpec SPEC =
      new FeatureSpec(
          List.of(
              Feature.log1p("budget", "budget", "budget"),
              Feature.categorical(
                  "industry",
                  "company.industry",
                  List.of("software", "retail", "media"),
                  Encoding.ONE_HOT,
                  "industry"),
              Feature.bool("decision_maker", "contact.isDecisionMaker", "decision maker"),
              Feature.numeric("meetings", "engagement.meetings", "meetings"),
              Feature.numeric(
                  "days_since_contact",
                  "engagement.daysSinceLastContact",
                  "days since last contact"),
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

    // industry's one-hot columns sum to -0.1 (-2.5 points); p's 0.01 is the fourth factor for
    assertThat(reasons)
        .extracting(Reason::getFeature)
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

    assertThat(reasons)
        .extracting(Reason::getFeature)
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
  void shouldGiveTheStrongestFactorsOfALeadScoredNearZeroHoweverFewPointsTheyAreWorth() {
    // at p = 0.002 a log-odds unit is worth 0.2 points at the lead: every factor rounds to 0
    float[] contributions = {-2.0f, 0, -0.4f, 0, 0, 0.3f, -3.0f, 0.05f, -1.5f};

    List<Reason> reasons = explainer.explain(EVENT, 0.82, contributions, 0.002, 3, 2);

    assertThat(reasons)
        .extracting(Reason::getFeature)
        .containsExactly("meetings", "p", "days_since_contact", "budget");
    assertThat(reasons).allSatisfy(r -> assertThat(Math.abs(r.getContribution())).isLessThan(1));
    assertThat(ReasonPhrases.ENGLISH.points(reasons.get(0).getContribution()))
        .isEqualTo("<1 point");
    assertThat(ReasonPhrases.ENGLISH.points(-7.4)).isEqualTo("-7");
    assertThat(ReasonPhrases.ENGLISH.points(12.6)).isEqualTo("+13");
  }

  @Test
  void shouldShowWhatACodeMeansAndAUnitWithTheMappingsLabel() {
    FeatureSpec spec =
        new FeatureSpec(
            List.of(
                new Feature(
                    "revenue_band",
                    "attributes.Revenue Band",
                    FeatureSpec.Type.NUMERIC,
                    FeatureSpec.Transform.NONE,
                    null,
                    null,
                    "revenue from client, past 2 years",
                    null,
                    Map.of("0", "none", "4", "over 1.5M USD")),
                new Feature(
                    "minutes",
                    "attributes.Minutes",
                    FeatureSpec.Type.NUMERIC,
                    FeatureSpec.Transform.LOG1P,
                    null,
                    null,
                    "time on website",
                    "minutes",
                    null),
                new Feature(
                    "deal",
                    "budget",
                    FeatureSpec.Type.NUMERIC,
                    FeatureSpec.Transform.LOG1P,
                    null,
                    null,
                    "deal size",
                    "EUR",
                    null)));
    LeadEvent lead =
        TestLeads.bare("c")
            .setBudget(42_500.0)
            .setAttributes(Map.of("Revenue Band", "4", "Minutes", "1532"))
            .build();

    List<Reason> reasons =
        new ReasonExplainer(spec).explain(lead, 0.5, new float[] {1.2f, 0.4f, -0.3f, 0}, 0.6, 3, 2);

    assertThat(reasons)
        .extracting(Reason::getLabel)
        .containsExactly(
            "revenue from client, past 2 years: over 1.5M USD",
            "time on website: 1,532 minutes",
            "deal size: 42,500 EUR");
  }

  @Test
  void shouldWordReasonsInTheBundlesLanguageAndKeepAMappingsLabelsAsWritten() {
    FeatureSpec spec =
        new FeatureSpec(
            List.of(
                Feature.log1p("budget", "budget", "budget"),
                Feature.categorical(
                    "industry",
                    "company.industry",
                    List.of("software", "retail"),
                    Encoding.ONE_HOT,
                    "industry"),
                Feature.numeric("meetings", "engagement.meetings", "meetings"),
                Feature.categorical(
                    "region", "attributes.区域", List.of("华东"), Encoding.ONE_HOT, "区域"),
                Feature.numeric("p", FeatureSpec.OPPORTUNITY_PROBABILITY, "text signal")));
    LeadEvent lead =
        TestLeads.bare("zh")
            .setBudget(380_000.0)
            .setCurrency("CNY")
            .setCompany(new Company("上海华信", "software", 80, null, "CN"))
            .setEngagement(new Engagement(0, 0, 0, 3))
            .setAttributes(Map.of("区域", "华东"))
            .build();
    float[] contributions = {0.5f, 0.4f, 0, -0.3f, 0.2f, 0.6f, -1};

    List<Reason> reasons =
        new ReasonExplainer(spec, ReasonPhrases.CHINESE)
            .explain(lead, new TextSignal(0.64, 0), contributions, 0.7, 3, 2);
    List<Reason> unreadable =
        new ReasonExplainer(spec, ReasonPhrases.CHINESE)
            .explain(
                lead,
                new TextSignal(0.3, 0.45),
                new float[] {0.5f, 0.4f, 0, -0.3f, 0.2f, 0.05f, -1},
                0.7,
                1,
                0);

    assertThat(reasons)
        .extracting(Reason::getLabel)
        .containsExactly("文本显示购买信号 (p=0.64)", "预算 38万 CNY", "行业: software", "尚未开会");
    assertThat(unreadable)
        .extracting(Reason::getLabel)
        .containsExactly("预算 38万 CNY", "该模型读不懂这段文本 (45% 的词元未知)");
    assertThat(
            new ReasonExplainer(spec, ReasonPhrases.CHINESE)
                .explain(
                    lead,
                    new TextSignal(0.64, 0),
                    new float[] {0, 0, 0, 0, 0.3f, 0, -1},
                    0.7,
                    3,
                    2))
        .extracting(Reason::getLabel)
        .containsExactly("区域: 华东");
    assertThat(ReasonPhrases.CHINESE.points(0.3)).isEqualTo("<1 分");
    assertThat(ReasonPhrases.of("zh-CN")).isSameAs(ReasonPhrases.CHINESE);
    assertThat(ReasonPhrases.of(null)).isSameAs(ReasonPhrases.ENGLISH);
  }

  @Test
  void shouldNameMissingValuesPlainly() {
    LeadEvent bare = TestLeads.bare("m").build();
    float[] contributions = {-0.5f, 0, 0, 0, -0.3f, -0.2f, 0, 0, 0};

    List<Reason> reasons = explainer.explain(bare, 0.1, contributions, 0.3, 3, 3);

    assertThat(reasons)
        .extracting(Reason::getLabel)
        .containsExactly("no budget given", "decision maker unknown", "no meetings yet");
  }
}
