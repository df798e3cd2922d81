package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.scoring.TierPolicy;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TierChooserTest {

  /** Every score 0-100 ten times. */
  private static final int[] UNIFORM = IntStream.range(0, 1010).map(i -> i % 101).toArray();

  @Test
  void shouldPutTheTopTenPercentInHotByDefault() {
    TierChooser.ChosenTiers tiers = TierChooser.choose(TierRule.defaults(), UNIFORM, Double.NaN);

    // 91 and up holds 9.9 % of the leads, 90 and up 10.9 %: 91 is closer to 10 %
    assertThat(tiers.policy().hot()).isEqualTo(91);
    assertThat(shareAtOrAbove(tiers.policy().hot())).isCloseTo(0.10, within(0.01));
    assertThat(shareAtOrAbove(tiers.policy().warm())).isCloseTo(0.40, within(0.01));
    assertThat(shareAtOrAbove(tiers.policy().cold())).isCloseTo(0.80, within(0.01));
    assertThat(tiers.rule()).startsWith("HOT = top 10 %").contains("WARM 30 %", "COLD 40 %");
  }

  @Test
  void shouldMoveHotUpWhenTiesAtTheThresholdWouldOverfillIt() {
    // a confident model: 20 % of leads at 99, 8 % at 100, the rest spread below
    int[] scores = new int[1000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i < 80 ? 100 : i < 280 ? 99 : i % 99;
    }

    TierChooser.ChosenTiers tiers = TierChooser.choose(TierRule.defaults(), scores, Double.NaN);

    assertThat(tiers.policy().hot()).isEqualTo(100);
    assertThat(tiers.rule()).contains("(8.0 % at score 100: scores tie there)");
  }

  @Test
  void shouldStartHotAtTheGivenScore() {
    TierChooser.ChosenTiers tiers =
        TierChooser.choose(TierRule.defaults().withHotScore(75), UNIFORM, Double.NaN);

    assertThat(tiers.policy().hot()).isEqualTo(75);
    assertThat(tiers.policy().warm()).isLessThan(75);
    assertThat(tiers.rule()).startsWith("HOT from score 75 (25.7 % of validation leads)");
  }

  @Test
  void shouldSizeHotToTheTeamsCapacity() {
    TierChooser.ChosenTiers tiers =
        TierChooser.choose(TierRule.defaults().withCapacity(20), UNIFORM, 200.0);

    assertThat(tiers.policy().hot()).isEqualTo(91);
    assertThat(shareAtOrAbove(tiers.policy().hot())).isCloseTo(0.10, within(0.01));
    assertThat(tiers.rule())
        .startsWith(
            "HOT sized to a capacity of 20 leads a day at 200.0 new leads a day (top 10.0 %)");
  }

  @Test
  void shouldPutEveryLeadInHotWhenCapacityExceedsArrivals() {
    TierChooser.ChosenTiers tiers =
        TierChooser.choose(TierRule.defaults().withCapacity(500), UNIFORM, 200.0);

    assertThat(tiers.policy().hot()).isEqualTo(2);
    assertValid(tiers.policy());
  }

  @Test
  void shouldUseTheLowestAllowedHotScoreExactly() {
    int[] scores = new int[200];
    Arrays.fill(scores, 0);

    TierPolicy policy =
        TierChooser.choose(TierRule.defaults().withHotScore(2), scores, Double.NaN).policy();

    assertThat(policy).isEqualTo(new TierPolicy(2, 1, 0));
  }

  @Test
  void shouldRefuseCapacityWithoutAnArrivalRate() {
    TierRule rule = TierRule.defaults().withCapacity(20);

    assertThatThrownBy(() -> TierChooser.choose(rule, UNIFORM, Double.NaN))
        .isInstanceOf(TrainingRefusedException.class)
        .hasMessageContaining("capacity")
        .hasMessageContaining("arrival rate")
        .hasMessageContaining("time column");
    assertThatThrownBy(() -> TierChooser.choose(rule, UNIFORM, 0.0))
        .isInstanceOf(TrainingRefusedException.class);
  }

  @Test
  void shouldKeepThresholdsStrictlyOrderedWhenAllScoresAreEqual() {
    for (int score : new int[] {0, 1, 2, 37, 99, 100}) {
      int[] scores = new int[200];
      Arrays.fill(scores, score);
      for (TierRule rule :
          new TierRule[] {
            TierRule.defaults(),
            TierRule.defaults().withHotScore(2),
            TierRule.defaults().withHotScore(100),
            TierRule.defaults().withCapacity(10)
          }) {
        TierPolicy policy = TierChooser.choose(rule, scores, 50.0).policy();

        assertValid(policy);
      }
    }
  }

  @Test
  void shouldKeepThresholdsStrictlyOrderedOnSkewedScores() {
    int[] scores = IntStream.range(0, 300).map(i -> i < 290 ? 3 : 97).toArray();

    assertValid(TierChooser.choose(TierRule.defaults(), scores, Double.NaN).policy());
    assertValid(
        TierChooser.choose(TierRule.defaults().withHotScore(2), scores, Double.NaN).policy());
  }

  @Test
  void shouldRejectSharesAboveOne() {
    assertThatThrownBy(() -> new TierRule(0.5, 0.4, 0.2, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up to at most 1")
        .hasMessageContaining("HOT 0.50 WARM 0.40 COLD 0.20");
    assertThatThrownBy(() -> TierRule.defaults().withHotShare(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TierRule(0.1, -0.1, 0.2, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectHotScoresOutOfRange() {
    // a HOT score of 1 would leave no room for WARM and COLD below it
    assertThatThrownBy(() -> TierRule.defaults().withHotScore(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2-100, got 1");
    assertThatThrownBy(() -> TierRule.defaults().withHotScore(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 101");
  }

  @Test
  void shouldRejectCapacityBelowOneLead() {
    assertThatThrownBy(() -> TierRule.defaults().withCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }

  @Test
  void shouldRejectHotByScoreAndByCapacityTogether() {
    assertThatThrownBy(() -> new TierRule(0.1, 0.3, 0.4, 80, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
  }

  private static double shareAtOrAbove(int threshold) {
    return (double) Arrays.stream(UNIFORM).filter(s -> s >= threshold).count() / UNIFORM.length;
  }

  private static void assertValid(TierPolicy policy) {
    assertThat(policy.cold()).isGreaterThanOrEqualTo(0);
    assertThat(policy.warm()).isGreaterThan(policy.cold());
    assertThat(policy.hot()).isGreaterThan(policy.warm()).isLessThanOrEqualTo(100);
  }
}
