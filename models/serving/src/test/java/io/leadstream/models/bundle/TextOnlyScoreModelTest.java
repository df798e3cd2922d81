package io.leadstream.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.ReasonPhrases;
import io.leadstream.models.scoring.TestLeads;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.Tier;
import org.junit.jupiter.api.Test;

/** Text-only scoring: score = 100 * p, fixed tiers, one reason for the text. */
class TextOnlyScoreModelTest {

  private final TextOnlyScoreModel model =
      new TextOnlyScoreModel(
          Calibration.none(), new TierPolicy(70, 40, 20), 0.5, ReasonPhrases.ENGLISH);
  private final LeadEvent lead = TestLeads.bare("l").setNotes("Please send a quote.").build();

  @Test
  void shouldScoreTheTextAloneWithOneReason() {
    LeadScore score = model.score(lead, new TextSignal(0.82, 0.0));

    assertThat(score.probability()).isEqualTo(0.82);
    assertThat(score.score()).isEqualTo(82);
    assertThat(score.tier()).isEqualTo(Tier.HOT);
    assertThat(score.reasons())
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.getFeature()).isEqualTo(TextOnlyScoreModel.FEATURE);
              assertThat(reason.getLabel()).isEqualTo("text reads as a buying signal (p=0.82)");
              assertThat(reason.getContribution()).isEqualTo(32.0);
            });
  }

  @Test
  void shouldCountATextWithoutBuyingSignalAgainstTheScore() {
    LeadScore score = model.score(lead, new TextSignal(0.1, 0.0));

    assertThat(score.tier()).isEqualTo(Tier.DISQUALIFIED);
    assertThat(score.reasons().get(0).getLabel()).isEqualTo("text shows no buying signal (p=0.10)");
    assertThat(score.reasons().get(0).getContribution()).isEqualTo(-40.0);
  }

  @Test
  void shouldApplyTheManifestsCalibration() {
    TextOnlyScoreModel platt =
        new TextOnlyScoreModel(
            Calibration.platt(1.0, -1.0), new TierPolicy(70, 40, 20), 0.5, ReasonPhrases.ENGLISH);

    LeadScore score = platt.score(lead, new TextSignal(0.5, 0.0));

    assertThat(score.probability()).isCloseTo(1 / (1 + Math.E), within(1e-9));
    assertThat(score.score()).isEqualTo(27);
    assertThat(score.reasons().get(0).getContribution())
        .as("the prior is calibrated alike")
        .isZero();
  }
}
