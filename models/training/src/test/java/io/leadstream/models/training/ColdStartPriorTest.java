package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.Interval;
import io.leadstream.models.scoring.ColdStartPrior;
import io.leadstream.models.scoring.FeatureExtractor;
import io.leadstream.models.scoring.FieldPrior;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-set cold-start prior on the synthetic leads, text at its reference: a sanity check of
 * its signs and sizes, not evidence (its fields were chosen knowing the generator's process).
 */
class ColdStartPriorTest {

  @Test
  void shouldRankTheSyntheticLeadsByTheirFieldsAlone() {
    List<LabelledLead> leads = new SyntheticLeadGenerator(42).generate(4000);
    FieldPrior prior = ColdStartPrior.of(0.5);
    FeatureExtractor extractor = new FeatureExtractor(prior.features());
    double[] logOdds = new double[leads.size()];
    boolean[] converted = new boolean[leads.size()];
    for (int i = 0; i < logOdds.length; i++) {
      for (float contribution : prior.contributions(extractor.extract(leads.get(i).event(), 0.5))) {
        logOdds[i] += contribution;
      }
      converted[i] = leads.get(i).converted();
    }

    // measured 2026-12-01: 0.769 (0.752-0.785) on all 4,000; XGBoost without the text, trained on
    // them, 0.804 on the default bundle's hold-out
    Interval auc = ClassificationMetrics.aucInterval(logOdds, converted);
    assertThat(auc.low()).isGreaterThan(0.74);
    assertThat(ClassificationMetrics.auc(logOdds, converted)).isBetween(0.75, 0.79);
  }
}
