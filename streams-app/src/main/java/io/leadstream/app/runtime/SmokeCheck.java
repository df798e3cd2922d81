package io.leadstream.app.runtime;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.training.LabelledLead;
import io.leadstream.models.training.SyntheticLeadGenerator;
import io.leadstream.schema.LeadEvent;
import java.util.List;

/**
 * Scores a fixed set of synthetic leads with a freshly loaded bundle before it may serve: every
 * call must succeed and give finite probabilities, scores 0-100 and a tier.
 */
final class SmokeCheck {

  private static final List<LeadEvent> LEADS =
      new SyntheticLeadGenerator(20261128L).generate(8).stream().map(LabelledLead::event).toList();

  private SmokeCheck() {}

  /** @throws IllegalStateException naming what is wrong */
  static void check(ModelBundle bundle) {
    try (LeadScorer scorer = bundle.newScorer()) {
      List<TextSignal> texts = scorer.readTexts(LEADS.stream().map(LeadText::of).toList());
      for (int i = 0; i < LEADS.size(); i++) {
        double p = texts.get(i).opportunityProbability();
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalStateException("p(opportunity) " + p + " outside [0, 1] for smoke lead " + i);
        }
        LeadScore score = scorer.score(LEADS.get(i), p);
        if (!(score.probability() >= 0 && score.probability() <= 1) || score.score() < 0 || score.score() > 100
            || score.tier() == null) {
          throw new IllegalStateException("implausible score " + score + " for smoke lead " + i);
        }
      }
    }
  }
}
