package io.leadstream.app.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.metrics.PipelineMetrics;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.app.testing.TopologyHarness;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.schema.Company;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology with the Chinese bundle ({@code leadstream.model.bundle=classpath:bundles/zh}). */
class ChineseTopologyTest {

  private static final String SOURCE_EXAMPLE =
      "客户 ABC 公司有意向采购我们的 XYZ 产品,初步谈好了合作意向,需要进一步沟通具体的采购数量和交付时间。";

  private static ActiveModel chinese;

  @TempDir Path stateDir;

  private final LeadStreamConfig config =
      new LeadStreamConfig(Map.of(LeadStreamConfig.MODEL_BUNDLE_CONFIG, "classpath:bundles/zh"));
  private TopologyHarness harness;
  private TestOutputTopic<String, PrioritizedLead> prioritized;

  @BeforeAll
  static void loadChineseBundle() {
    System.setProperty("ai.djl.offline", "true");
    chinese = new ActiveModel(ModelBundle.load("classpath:bundles/zh"));
  }

  @AfterAll
  static void closeBundle() {
    chinese.close();
  }

  @BeforeEach
  void setUp() {
    harness = new TopologyHarness(config, chinese, PipelineMetrics.inMemory(), stateDir);
    prioritized = harness.prioritized();
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void shouldReadTheSourceDocumentsChineseLeadAndRankItAboveChineseJunk() {
    send(
        TestLeads.hot("lead-zh")
            .setCompany(
                Company.newBuilder()
                    .setName("上海华信物流有限公司")
                    .setIndustry("logistics")
                    .setEmployees(1800)
                    .setCountry("CN")
                    .build())
            .setCurrency("CNY")
            .setNotes(SOURCE_EXAMPLE)
            .setLastMessage("预算昨天已经批下来了,签约的下一步是什么?")
            .build());
    send(
        TestLeads.junk("lead-zh-junk")
            .setNotes("测试 测试")
            .setLastMessage("只是随便看看,暂无需求,不要再联系我们。")
            .build());

    List<PrioritizedLead> leads = prioritized.readValuesToList();
    PrioritizedLead hot = leads.get(0);
    assertThat(hot.getCompanyName()).isEqualTo("上海华信物流有限公司");
    assertThat(hot.getUnknownTokenRatio()).isLessThan(0.3);
    assertThat(hot.getModelVersion()).startsWith("zh-");
    // the zh bundle explains in Chinese: its unreadable-text reason would read 该模型读不懂这段文本
    assertThat(hot.getReasons())
        .isNotEmpty()
        .extracting(r -> r.getLabel())
        .noneMatch(label -> label.startsWith("text not readable") || label.startsWith("该模型读不懂"));
    assertThat(hot.getOpportunityProbability())
        .isGreaterThan(leads.get(1).getOpportunityProbability());
    assertThat(hot.getScore()).isGreaterThan(leads.get(1).getScore());
  }

  private void send(LeadEvent lead) {
    harness.send(lead);
  }
}
