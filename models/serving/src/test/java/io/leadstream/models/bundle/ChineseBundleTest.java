package io.leadstream.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TestLeads;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.Company;
import io.leadstream.schema.Contact;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The zh bundle: bge-small-zh-v1.5 reads Chinese lead texts, the head and scorer rank them. */
class ChineseBundleTest {

  static final String SOURCE_EXAMPLE = "客户 ABC 公司有意向采购我们的 XYZ 产品,初步谈好了合作意向,需要进一步沟通具体的采购数量和交付时间。";

  private static ModelBundle bundle;
  private static LeadScorer scorer;

  @BeforeAll
  static void loadChineseBundle() {
    bundle = ModelBundle.load("classpath:bundles/zh");
    scorer = bundle.newScorer();
  }

  @AfterAll
  static void close() {
    scorer.close();
    bundle.close();
  }

  @Test
  void shouldLoadTheChineseBundleWithItsEncoder() {
    assertThat(bundle.version()).startsWith("zh-");
    assertThat(bundle.manifest().encoder().language()).isEqualTo("zh");
    assertThat(bundle.manifest().encoder().dimension()).isEqualTo(512);
    assertThat(bundle.manifest().encoder().lowercase()).isTrue();
    assertThat(bundle.manifest().evaluation().model().auc()).isGreaterThan(0.8);
  }

  @Test
  void shouldReadTheSourceDocumentsLeadAsABuyingSignal() {
    TextSignal example = scorer.readText(SOURCE_EXAMPLE);
    TextSignal blank = scorer.readText("");

    assertThat(example.readable()).isTrue();
    assertThat(example.unknownTokenRatio()).isLessThan(0.05);
    assertThat(example.opportunityProbability()).isGreaterThan(blank.opportunityProbability());
  }

  @Test
  void shouldGiveAChineseHotTextAHigherProbabilityThanChineseJunk() {
    List<TextSignal> signals =
        scorer.readTexts(List.of("预算已批准,采购部要求月底前拿到合同。需要报价,希望下周签合同。", "只是随便看看,暂无需求,请不要再联系我们。"));

    assertThat(signals.get(0).opportunityProbability())
        .isGreaterThan(signals.get(1).opportunityProbability() + 0.3);
  }

  @Test
  void shouldScoreAChineseHotLeadAboveAChineseJunkOne() {
    LeadEvent hot =
        chinese(
            TestLeads.bare("zh-hot"),
            "上海华信物流有限公司",
            800,
            500_000.0,
            SOURCE_EXAMPLE,
            "预算昨天已经批下来了,签约的下一步是什么?",
            new Engagement(20, 10, 3, 1));
    LeadEvent junk =
        chinese(
            TestLeads.bare("zh-junk"),
            "测试",
            null,
            null,
            "测试 测试",
            "恭喜您中奖!免费领取iPhone,点击链接:http://bit.ly/x",
            new Engagement(0, 0, 0, 60));

    List<TextSignal> signals = scorer.readTexts(List.of(LeadText.of(hot), LeadText.of(junk)));
    LeadScore hotScore = scorer.score(hot, signals.get(0));
    LeadScore junkScore = scorer.score(junk, signals.get(1));

    assertThat(hotScore.score()).isGreaterThan(junkScore.score() + 30);
    assertThat(signals).allSatisfy(s -> assertThat(s.readable()).isTrue());
  }

  @Test
  void shouldExplainAChineseLeadInChinese() {
    LeadEvent hot =
        chinese(
            TestLeads.bare("zh-reasons"),
            "上海华信物流有限公司",
            800,
            380_000.0,
            SOURCE_EXAMPLE,
            "预算昨天已经批下来了,签约的下一步是什么?",
            new Engagement(20, 10, 0, 1));

    LeadScore score = scorer.score(hot, scorer.readText(LeadText.of(hot)));

    assertThat(bundle.manifest().reasonLanguage()).isEqualTo("zh");
    assertThat(score.reasons())
        .isNotEmpty()
        .allSatisfy(reason -> assertThat(reason.getLabel()).containsPattern("\\p{IsHan}"));
    assertThat(score.reasons())
        .extracting(r -> r.getLabel())
        .noneMatch(label -> label.startsWith("text ") || label.startsWith("budget "));
  }

  private static LeadEvent chinese(
      LeadEvent.Builder lead,
      String company,
      Integer employees,
      Double budget,
      String notes,
      String message,
      Engagement engagement) {
    return lead.setCompany(new Company(company, "logistics", employees, null, "CN"))
        .setContact(new Contact("王伟", employees == null ? null : "总经理", employees != null))
        .setBudget(budget)
        .setCurrency("CNY")
        .setPurchaseIntent(employees == null ? 1 : 5)
        .setEngagement(engagement)
        .setNotes(notes)
        .setLastMessage(message)
        .setAttributes(Map.of("leadSource", employees == null ? "web_form" : "referral"))
        .build();
  }
}
