package io.leadstream.tools.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromotionGateTest {

  @Test
  void shouldPromoteOnlyAStrictlyBetterCandidateByDefault() {
    PromotionGate gate = PromotionGate.defaults();

    assertThat(gate.judge(0.81, 0.80).promote()).isTrue();
    assertThat(gate.judge(0.80, 0.80).promote()).as("a tie keeps the current").isFalse();
    assertThat(gate.judge(0.79, 0.80).promote()).isFalse();
    assertThat(gate.judge(0.79, 0.80).reason())
        .isEqualTo(
            "candidate AUC above the current AUC: AUC > 0.8000 needed, the candidate has 0.7900:"
                + " not promoted");
  }

  @Test
  void shouldAcceptACandidateWithinTheRatioBelowOne() {
    PromotionGate gate = new PromotionGate(0.95, false);

    assertThat(gate.judge(0.76, 0.80).promote()).as("exactly 0.95 x").isTrue();
    assertThat(gate.judge(0.80, 0.80).promote()).as("a tie").isTrue();
    assertThat(gate.judge(0.7599, 0.80).promote()).isFalse();
    assertThat(gate.rule()).isEqualTo("candidate AUC at least 0.95 x the current AUC");
  }

  @Test
  void shouldAskForAMarginAboveOne() {
    PromotionGate gate = new PromotionGate(1.05, false);

    assertThat(gate.judge(0.841, 0.80).promote()).isTrue();
    assertThat(gate.judge(0.839, 0.80).promote()).isFalse();
    assertThat(gate.rule()).isEqualTo("candidate AUC at least 1.05 x the current AUC and above it");
  }

  @Test
  void shouldPromoteWhenForcedOrWhenTheCurrentCannotBeScored() {
    assertThat(new PromotionGate(1.0, true).judge(0.60, 0.80).promote()).isTrue();
    assertThat(new PromotionGate(1.0, true).judge(0.60, 0.80).reason())
        .endsWith(": promoted anyway (--force)");
    assertThat(PromotionGate.defaults().judge(0.60, Double.NaN).promote()).isTrue();
  }

  @Test
  void shouldRefuseARatioThatIsNotPositive() {
    assertThatThrownBy(() -> new PromotionGate(0, false))
        .hasMessage("the minimum AUC ratio must be a positive number, was 0.0");
    assertThatThrownBy(() -> new PromotionGate(Double.NaN, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
