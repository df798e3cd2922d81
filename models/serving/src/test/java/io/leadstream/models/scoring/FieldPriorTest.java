package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.scoring.FeatureSpec.Transform;
import io.leadstream.models.scoring.FieldPrior.Term;
import io.leadstream.schema.Engagement;
import io.leadstream.schema.LeadEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-set logistic prior's arithmetic: scaling, clipping, reference, missing values. */
class FieldPriorTest {

  private static final FieldPrior PRIOR = ColdStartPrior.of(0.2);

  @Test
  void shouldGiveEachTermWeightTimesItsScaledDistanceFromTheReference() {
    FieldPrior prior =
        new FieldPrior(
            -1,
            List.of(
                new Term("intent", "purchaseIntent", null, null, null, 1, 5, 3, 2.0),
                new Term("budget", "budget", null, Transform.LOG1P, null, 999, 999_999, 999, 1.5)));
    LeadEvent lead = TestLeads.bare("a").setPurchaseIntent(4).setBudget(31_622.0).build();

    float[] contributions = contributions(prior, lead, 0.5);

    assertThat(contributions[0]).as("2 x (0.75 - 0.5)").isCloseTo(0.5f, within(1e-6f));
    // log1p scale from 1,000 to 1,000,000: 31,622 is about half way up
    assertThat(contributions[1]).isCloseTo(0.75f, within(1e-3f));
    assertThat(contributions[2]).as("intercept last").isEqualTo(-1f);
  }

  @Test
  void shouldClipToTheRangeAndLeaveAMissingValueAtItsReference() {
    LeadEvent lead =
        TestLeads.bare("a")
            .setPurchaseIntent(9)
            .setEngagement(new Engagement(0, 0, 0, 400))
            .build();

    float[] contributions = contributions(PRIOR, lead, 0.2);

    assertThat(contributions[0]).as("text at the prior").isZero();
    assertThat(contributions[1]).as("intent 9 counts as 5: 2 x (1 - 0.5)").isEqualTo(1f);
    assertThat(contributions[2]).as("no budget").isZero();
    assertThat(contributions[6])
        .as("400 days count as 90: -1 x (1 - 1/3)")
        .isCloseTo(-2f / 3, within(1e-6f));
  }

  @Test
  void shouldScoreTheReferenceLeadAtItsIntercept() {
    LeadEvent reference =
        TestLeads.bare("r")
            .setPurchaseIntent(3)
            .setBudget(10_000.0)
            .setEngagement(new Engagement(2, 2, 0, 30))
            .build();

    float[] contributions = contributions(PRIOR, reference, 0.2);

    for (int i = 0; i < contributions.length - 1; i++) {
      assertThat(contributions[i]).as(PRIOR.terms().get(i).name()).isCloseTo(0f, within(1e-6f));
    }
    assertThat(1 / (1 + Math.exp(-ColdStartPrior.INTERCEPT))).isCloseTo(0.30, within(0.005));
  }

  @Test
  void shouldRefuseATermWhoseRangeIsEmpty() {
    assertThatThrownBy(() -> new Term("x", "budget", null, null, null, 5, 5, 5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("high must be above low");
    assertThatThrownBy(() -> new Term("x", "nowhere", null, null, null, 0, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static float[] contributions(FieldPrior prior, LeadEvent lead, double text) {
    return prior.contributions(new FeatureExtractor(prior.features()).extract(lead, text));
  }
}
