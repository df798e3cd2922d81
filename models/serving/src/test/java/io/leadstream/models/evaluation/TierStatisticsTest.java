package io.leadstream.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.scoring.TierPolicy;
import io.leadstream.schema.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierStatisticsTest {

  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void shouldTabulateConversionLiftAndShareByTier() {
    TierPolicy tiers = new TierPolicy(80, 50, 20);
    int[] scores = {90, 85, 60, 55, 52, 30, 25, 10, 5, 0};
    boolean[] labels = {T, T, T, F, F, T, F, F, F, F};

    List<TierRow> table = TierStatistics.tierTable(scores, labels, tiers);

    // base rate 4 / 10
    assertThat(table)
        .extracting(TierRow::tier)
        .containsExactly(Tier.HOT, Tier.WARM, Tier.COLD, Tier.DISQUALIFIED);
    assertThat(table).extracting(TierRow::leads).containsExactly(2, 3, 2, 3);
    assertThat(table).extracting(TierRow::converted).containsExactly(2, 1, 1, 0);
    assertThat(table.get(0).conversionRate()).isEqualTo(1.0);
    assertThat(table.get(0).lift()).isCloseTo(2.5, within(1e-12));
    assertThat(table.get(0).conversionShare()).isEqualTo(0.5);
    assertThat(table.get(1).conversionRate()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(table.get(1).lift()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(table.get(2).conversionShare()).isEqualTo(0.25);
    assertThat(table.get(3).lift()).isEqualTo(0.0);
  }

  @Test
  void shouldReportEmptyTierAsNaNRates() {
    List<TierRow> table =
        TierStatistics.tierTable(
            new int[] {90, 10}, new boolean[] {T, F}, new TierPolicy(80, 50, 20));

    assertThat(table.get(1).leads()).isZero();
    assertThat(table.get(1).conversionRate()).isNaN();
    assertThat(table.get(1).lift()).isNaN();
    assertThat(table.get(1).conversionShare()).isEqualTo(0.0);
  }

  @Test
  void shouldGiveTheWilsonIntervalOfARate() {
    Interval eightOfTen = TierStatistics.wilson(8, 10);
    Interval none = TierStatistics.wilson(0, 20);

    assertThat(eightOfTen.low()).isCloseTo(0.4902, within(1e-4));
    assertThat(eightOfTen.high()).isCloseTo(0.9433, within(1e-4));
    assertThat(none.low()).isZero();
    assertThat(none.high()).isCloseTo(0.1611, within(1e-4));
    assertThat(TierStatistics.wilson(0, 0)).isNull();
  }

  @Test
  void shouldFindScoreThatSelectsTheShare() {
    int[] scores = {95, 90, 80, 80, 70, 60, 50, 40, 30, 20};

    assertThat(TierStatistics.capacityThreshold(scores, 0.1)).isEqualTo(95);
    assertThat(TierStatistics.capacityThreshold(scores, 0.2)).isEqualTo(90);
    // 0.3 * 10 is 3.0000000000000004 in doubles; still the third lead, and its tie comes along
    assertThat(TierStatistics.capacityThreshold(scores, 0.1 + 0.2)).isEqualTo(80);
    assertThat(TierStatistics.capacityThreshold(scores, 0.05)).isEqualTo(95);
    assertThat(TierStatistics.capacityThreshold(scores, 1.0)).isEqualTo(20);
    assertThatThrownBy(() -> TierStatistics.capacityThreshold(scores, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
