package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.training.crm.CrmTrainingSet;
import io.leadstream.schema.Reason;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leads that matter most, scored near 0 or 100, get their strongest factors in points. */
class ReasonsAtTheExtremesTest {

  @TempDir Path dir;

  @Test
  void shouldExplainTheHighestAndLowestScoredLeadsWithPointsThatAddUpToTheirScores() {
    // a strong signal: many leads score near 0 or near 100
    Path export = GeneratedExport.write(dir, "export.csv", 800, 9, 3.0);
    Path mapping = GeneratedExport.text(dir, "mapping.yaml", GeneratedExport.FIELDS_ONLY_MAPPING);
    Path out = dir.resolve("sharp");
    TrainingSummary summary =
        new BundleTrainer(TrainingConfig.defaults("sharp", 3), null)
            .train(CrmTrainingSet.read(export, mapping).set(), out);

    try (ModelBundle bundle = ModelBundle.load(out);
        LeadScorer scorer = bundle.newScorer()) {
      TextSignal noText = scorer.readText("");
      List<LeadScore> scores =
          summary.holdOutLeads().stream()
              .map(l -> scorer.score(l.event(), noText))
              .sorted(Comparator.comparingDouble(LeadScore::probability))
              .toList();
      LeadScore lowest = scores.get(0);
      LeadScore highest = scores.get(scores.size() - 1);

      assertThat(lowest.score()).isLessThanOrEqualTo(3);
      assertThat(highest.score()).isGreaterThanOrEqualTo(97);
      // both factors (visits, source) for every lead, however flat the curve is there
      assertThat(lowest.reasons()).hasSize(2);
      assertThat(highest.reasons()).hasSize(2);
      // with one booster every lead starts from the same average lead: the points of all its
      // factors add up to its distance from it, so two leads' sums differ by their scores'
      assertThat(points(highest) - points(lowest))
          .isCloseTo(100 * (highest.probability() - lowest.probability()), within(0.05));
      assertThat(points(highest)).isGreaterThan(30);
    }
  }

  private static double points(LeadScore score) {
    return score.reasons().stream().mapToDouble(Reason::getContribution).sum();
  }
}
