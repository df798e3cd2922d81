package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.scoring.FeatureSpec.Encoding;
import io.leadstream.models.scoring.FeatureSpec.Feature;
import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.LeadEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private static final FeatureSpec SPEC =
      new FeatureSpec(
          List.of(
              Feature.log1p("employees", "company.employees", "company size"),
              Feature.numeric("budget", "budget", "budget"),
              Feature.bool("decision_maker", "contact.isDecisionMaker", "decision maker"),
              Feature.categorical(
                  "industry",
                  "company.industry",
                  List.of("software", "retail"),
                  Encoding.ONE_HOT,
                  "industry"),
              Feature.categorical(
                  "country", "company.country", List.of("DE", "FR"), Encoding.INDEX, "country"),
              Feature.numeric("seats", "attributes.seats", "seats"),
              Feature.bool("trial", "attributes.trial", "trial"),
              Feature.numeric("p", FeatureSpec.OPPORTUNITY_PROBABILITY, "text")));

  private final FeatureExtractor extractor = new FeatureExtractor(SPEC);

  @Test
  void shouldLayOutColumnsInSpecOrderWithOneHotLevels() {
    assertThat(SPEC.columns())
        .extracting(FeatureSpec.Column::name)
        .containsExactly(
            "employees",
            "budget",
            "decision_maker",
            "industry=software",
            "industry=retail",
            "country",
            "seats",
            "trial",
            "p");
  }

  @Test
  void shouldGiveEachFeatureAsOneNumberForDrift() {
    LeadEvent event =
        TestLeads.bare("x")
            .setCompany(new Company("A", "Mining", 99, null, "FR"))
            .setContact(new Contact("B", "CEO", true))
            .build();
    List<Feature> features = SPEC.features();

    assertThat(FeatureExtractor.value(features.get(0), event, 0.3)).isEqualTo(Math.log1p(99));
    assertThat(FeatureExtractor.value(features.get(1), event, 0.3)).as("no budget").isNaN();
    assertThat(FeatureExtractor.value(features.get(2), event, 0.3)).isEqualTo(1.0);
    assertThat(FeatureExtractor.value(features.get(3), event, 0.3))
        .as("a level outside the levels")
        .isEqualTo(2.0);
    assertThat(FeatureExtractor.value(features.get(4), event, 0.3)).isEqualTo(1.0);
    assertThat(FeatureExtractor.value(features.get(7), event, 0.3)).isEqualTo(0.3);
  }

  @Test
  void shouldReadPresentValuesWithTransforms() {
    LeadEvent event =
        TestLeads.bare("x")
            .setCompany(new Company("A", "Retail", 99, null, "FR"))
            .setContact(new Contact("B", "CEO", true))
            .setBudget(5000.0)
            .setAttributes(Map.of("seats", " 40 ", "trial", "yes"))
            .build();

    float[] row = extractor.extract(event, 0.8);

    assertThat(row[0]).isCloseTo((float) Math.log(100), within(1e-5f));
    assertThat(row[1]).isEqualTo(5000f);
    assertThat(row[2]).isEqualTo(1f);
    assertThat(row[3]).isEqualTo(0f);
    assertThat(row[4]).isEqualTo(1f);
    assertThat(row[5]).isEqualTo(1f);
    assertThat(row[6]).isEqualTo(40f);
    assertThat(row[7]).isEqualTo(1f);
    assertThat(row[8]).isCloseTo(0.8f, within(1e-6f));
  }

  @Test
  void shouldGiveNanForMissingValues() {
    float[] row = extractor.extract(TestLeads.bare("x").build(), 0.3);

    for (int column = 0; column < 8; column++) {
      assertThat(row[column]).as(SPEC.columns().get(column).name()).isNaN();
    }
    assertThat(row[8]).isCloseTo(0.3f, within(1e-6f));
  }

  @Test
  void shouldSetNoOneHotColumnAndAnOtherIndexForUnknownLevels() {
    LeadEvent event =
        TestLeads.bare("x")
            .setCompany(new Company("A", "mining", null, null, "JP"))
            .setAttributes(Map.of("seats", "many"))
            .build();

    float[] row = extractor.extract(event, 0.5);

    assertThat(row[3]).isZero();
    assertThat(row[4]).isZero();
    assertThat(row[5]).isEqualTo(2f);
    assertThat(row[6]).isNaN();
  }

  @Test
  void shouldRejectSourcesThatAreNotLeadEventFields() {
    assertThatThrownBy(() -> Feature.numeric("x", "company.headcount", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("company.headcount");
  }
}
