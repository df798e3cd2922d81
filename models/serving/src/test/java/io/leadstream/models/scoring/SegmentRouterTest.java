package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.schema.Company;
import io.leadstream.schema.LeadEvent;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentRouterTest {

  private static XgbScorer main;
  private static XgbScorer europe;
  private static XgbScorer america;

  @BeforeAll
  static void loadScorers() throws Exception {
    byte[] model = XgbScorerTest.trainedModel();
    main = XgbScorer.load(model, XgbScorerTest.COLUMNS);
    europe = XgbScorer.load(model, XgbScorerTest.COLUMNS);
    america = XgbScorer.load(model, XgbScorerTest.COLUMNS);
  }

  @AfterAll
  static void close() {
    main.close();
    europe.close();
    america.close();
  }

  @Test
  void shouldRouteByTheAttributeValueIgnoringCaseAndBlanks() {
    SegmentRouter router =
        new SegmentRouter("attributes.region", main, Map.of(" EU ", europe, "us", america));

    assertThat(router.scorerFor(withRegion("EU"))).isSameAs(europe);
    assertThat(router.scorerFor(withRegion("  eu"))).isSameAs(europe);
    assertThat(router.scorerFor(withRegion("US\t"))).isSameAs(america);
    assertThat(router.segmentOf(withRegion(" Eu "))).isEqualTo("eu");
  }

  @Test
  void shouldFallBackToTheMainScorerForUnknownMissingOrBlankSegments() {
    SegmentRouter router =
        new SegmentRouter("attributes.region", main, Map.of("EU", europe, "US", america));

    assertThat(router.scorerFor(withRegion("APAC"))).isSameAs(main);
    assertThat(router.scorerFor(withRegion("   "))).isSameAs(main);
    assertThat(router.scorerFor(TestLeads.bare("no-region").build())).isSameAs(main);
    assertThat(router.segmentOf(TestLeads.bare("no-region").build())).isNull();
  }

  @Test
  void shouldUseTheMainScorerForEveryLeadWithoutASource() {
    SegmentRouter router = new SegmentRouter(null, main, Map.of("EU", europe));

    assertThat(router.scorerFor(withRegion("EU"))).isSameAs(main);
    assertThat(router.segmentOf(withRegion("EU"))).isNull();
  }

  @Test
  void shouldRouteByANestedLeadEventField() {
    SegmentRouter router = new SegmentRouter("company.country", main, Map.of("de", europe));
    LeadEvent german =
        TestLeads.bare("de")
            .setCompany(new Company("Nordwind GmbH", "software", 120, null, "DE"))
            .build();

    assertThat(router.scorerFor(german)).isSameAs(europe);
    assertThat(router.scorerFor(TestLeads.bare("no-company").build())).isSameAs(main);
  }

  private static LeadEvent withRegion(String region) {
    return TestLeads.bare("lead-" + region.strip()).setAttributes(Map.of("region", region)).build();
  }
}
