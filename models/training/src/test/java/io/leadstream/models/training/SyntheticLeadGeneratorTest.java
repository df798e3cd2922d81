package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.scoring.LeadText;
import io.leadstream.schema.LeadEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
  void shouldKeepTheEnglishLeadsTheDefaultBundleWasTrainedOn() throws Exception {
    // SHA-256 of train --synthetic 4000 --seed 42's leads, as generated before other languages
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (LabelledLead lead : new SyntheticLeadGenerator(42).generate(4000)) {
      digest.update(
          (lead.event().toString() + lead.converted() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    assertThat(HexFormat.of().formatHex(digest.digest()))
        .isEqualTo("65008e4a4ca9d551321e85534ade4dc0e0f492bf78d5f2427795eb6f582d7264");
  }

  @Test
  void shouldKeepTheChineseLeadsTheZhBundleWasTrainedOn() throws Exception {
    // SHA-256 of train --synthetic 4000 --seed 42 --language zh's leads; its manifest counts 992
    // converted
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    int converted = 0;
    for (LabelledLead lead : new SyntheticLeadGenerator(42, Language.ZH).generate(4000)) {
      digest.update(
          (lead.event().toString() + lead.converted() + "\n").getBytes(StandardCharsets.UTF_8));
      converted += lead.converted() ? 1 : 0;
    }

    assertThat(converted).isEqualTo(992);
    assertThat(HexFormat.of().formatHex(digest.digest()))
        .isEqualTo("658e2c6f9557393316e2eb00006082131c5fc9d57df51a5d99540c27b9104fbd");
  }

  @Test
  void shouldWriteChineseLeadsDeterministically() {
    List<LabelledLead> first = new SyntheticLeadGenerator(11, Language.ZH).generate(200);
    List<LabelledLead> second = new SyntheticLeadGenerator(11, Language.ZH).generate(200);

    assertThat(second).isEqualTo(first);
    assertThat(first)
        .extracting(l -> LeadText.of(l.event()))
        .filteredOn(text -> !text.isBlank())
        .allSatisfy(text -> assertThat(text).containsPattern("\\p{IsHan}"));
    assertThat(first).extracting(l -> l.event().getCurrency()).containsOnly("CNY", "HKD", "SGD");
    assertThat(first.get(0).event().getCompany().getName()).endsWith("公司");
  }

  @Test
  void shouldDrawChineseLabelsFromTheSameHiddenProcess() {
    List<LabelledLead> chinese = new SyntheticLeadGenerator(5, Language.ZH).generate(2000);

    double baseRate = chinese.stream().filter(LabelledLead::converted).count() / 2000.0;
    double readyRate = rateWhere(chinese, "预算已批准");
    double notInterestedRate = rateWhere(chinese, "我们没有兴趣");

    assertThat(baseRate).isBetween(0.20, 0.30);
    assertThat(readyRate).isGreaterThan(notInterestedRate + 0.3);
  }

  @Test
  void shouldHaveARealisticBaseRateAndSomeJunk() {
    List<LabelledLead> leads = new SyntheticLeadGenerator(42).generate(3000);

    double baseRate = leads.stream().filter(LabelledLead::converted).count() / 3000.0;
    long synthetic =
        leads.stream().filter(l -> "synthetic".equals(l.event().getSourceSystem())).count();
    long junkLike =
        leads.stream()
            .map(l -> LeadText.of(l.event()).toLowerCase())
            .filter(
                t ->
                    t.contains("test")
                        || t.contains("student")
                        || t.contains("cv attached")
                        || t.contains("iphone")
                        || t.contains("price list")
                        || t.contains("seo"))
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
  void shouldDrawTheSameLeadsButLabelThemByBudgetRatherThanTextAfterTheShift() {
    List<LabelledLead> standard = new SyntheticLeadGenerator(5).generate(3000);
    SyntheticLeadGenerator shifted = new SyntheticLeadGenerator(5);
    shifted.shiftTo(SyntheticLeadGenerator.Regime.BUDGET_LED);
    List<LabelledLead> budgetLed = shifted.generate(3000);

    assertThat(budgetLed)
        .extracting(LabelledLead::event)
        .isEqualTo(standard.stream().map(LabelledLead::event).toList());
    assertThat(shifted.regime()).isEqualTo(SyntheticLeadGenerator.Regime.BUDGET_LED);
    double textGapBefore =
        rateWhere(standard, "ready to go ahead") - rateWhere(standard, "not interested");
    double textGapAfter =
        rateWhere(budgetLed, "ready to go ahead") - rateWhere(budgetLed, "not interested");
    assertThat(textGapAfter).isLessThan(textGapBefore / 2);
    assertThat(budgetGap(budgetLed)).isGreaterThan(budgetGap(standard) + 0.15);
  }

  @Test
  void shouldShiftOnlyTheLeadsGeneratedAfterTheShift() {
    SyntheticLeadGenerator generator = new SyntheticLeadGenerator(5);
    List<LabelledLead> before = generator.generate(100);
    generator.shiftTo(SyntheticLeadGenerator.Regime.BUDGET_LED);
    generator.generate(100);

    assertThat(before).isEqualTo(new SyntheticLeadGenerator(5).generate(100));
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

  /** Conversion rate of leads with a budget above the median minus that of the others. */
  private static double budgetGap(List<LabelledLead> leads) {
    double median =
        leads.stream()
            .filter(l -> l.event().getBudget() != null)
            .mapToDouble(l -> l.event().getBudget())
            .sorted()
            .skip(leads.stream().filter(l -> l.event().getBudget() != null).count() / 2)
            .findFirst()
            .orElseThrow();
    List<LabelledLead> high =
        leads.stream()
            .filter(l -> l.event().getBudget() != null && l.event().getBudget() > median)
            .toList();
    List<LabelledLead> rest = leads.stream().filter(l -> !high.contains(l)).toList();
    return rate(high) - rate(rest);
  }

  private static double rate(List<LabelledLead> leads) {
    return leads.stream().filter(LabelledLead::converted).count() / (double) leads.size();
  }

  private static double rateWhere(List<LabelledLead> leads, String phrase) {
    List<LabelledLead> matching =
        leads.stream().filter(l -> LeadText.of(l.event()).contains(phrase)).toList();
    assertThat(matching).hasSizeGreaterThan(10);
    return matching.stream().filter(LabelledLead::converted).count() / (double) matching.size();
  }
}
