package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.LeadEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticLeadGeneratorTest {

  @Test
  void shouldGenerateTheSameLeadsForTheSameSeed() {
    List<LabelledLead> first = new SyntheticLeadGenerator(11).generate(200);
    List<LabelledLead> second = new SyntheticLeadGenerator(11).generate(200);
    List<LabelledLead> other = new SyntheticLeadGenerator(12).generate(200);

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void shouldHaveARealisticBaseRateAndSomeJunk() {
    List<LabelledLead> leads = new SyntheticLeadGenerator(42).generate(3000);

    double baseRate = leads.stream().filter(LabelledLead::converted).count() / 3000.0;
    long synthetic = leads.stream().filter(l -> "synthetic".equals(l.event().getSourceSystem())).count();
    long junkLike =
        leads.stream()
            .map(l -> LeadText.of(l.event()).toLowerCase())
            .filter(t -> t.contains("test") || t.contains("student") || t.contains("cv attached")
                || t.contains("iphone") || t.contains("price list") || t.contains("seo"))
            .count();

    assertThat(baseRate).isBetween(0.20, 0.30);
    assertThat(synthetic).isEqualTo(3000);
    assertThat(junkLike).isBetween(90L, 400L);
  }

  @Test
  void shouldWriteTextsThatCarryTheOutcome() {
    List<LabelledLead> leads = new SyntheticLeadGenerator(5).generate(2000);

    double readyRate = rateWhere(leads, "ready to go ahead");
    double notInterestedRate = rateWhere(leads, "not interested");

    assertThat(readyRate).isGreaterThan(notInterestedRate + 0.3);
  }

  @Test
  void shouldFollowUpTheSameLeadWithMovedEngagement() {
    SyntheticLeadGenerator generator = new SyntheticLeadGenerator(9);
    LeadEvent first = generator.next().event();

    LeadEvent next = first;
    for (int i = 0; i < 10; i++) {
      next = generator.followUp(next);
    }

    assertThat(next.getLeadId()).isEqualTo(first.getLeadId());
    assertThat(next.getEventId()).isNotEqualTo(first.getEventId());
    assertThat(next.getOccurredAt()).isAfter(first.getOccurredAt());
    assertThat(next.getCompany()).isEqualTo(first.getCompany());
    if (first.getEngagement() != null) {
      assertThat(next.getEngagement().getWebsiteVisits())
          .isGreaterThanOrEqualTo(first.getEngagement().getWebsiteVisits());
    }
  }

  private static double rateWhere(List<LabelledLead> leads, String phrase) {
    List<LabelledLead> matching =
        leads.stream().filter(l -> LeadText.of(l.event()).contains(phrase)).toList();
    assertThat(matching).hasSizeGreaterThan(10);
    return matching.stream().filter(LabelledLead::converted).count() / (double) matching.size();
  }
}
