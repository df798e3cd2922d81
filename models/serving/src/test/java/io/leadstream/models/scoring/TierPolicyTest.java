package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.schema.Tier;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

  private final TierPolicy policy = new TierPolicy(60, 30, 10);

  @Test
  void shouldPutThresholdScoresIntoTheHigherTier() {
    assertThat(policy.tierOf(100)).isEqualTo(Tier.HOT);
    assertThat(policy.tierOf(60)).isEqualTo(Tier.HOT);
    assertThat(policy.tierOf(59)).isEqualTo(Tier.WARM);
    assertThat(policy.tierOf(30)).isEqualTo(Tier.WARM);
    assertThat(policy.tierOf(29)).isEqualTo(Tier.COLD);
    assertThat(policy.tierOf(10)).isEqualTo(Tier.COLD);
    assertThat(policy.tierOf(9)).isEqualTo(Tier.DISQUALIFIED);
    assertThat(policy.tierOf(0)).isEqualTo(Tier.DISQUALIFIED);
  }

  @Test
  void shouldRejectUnorderedThresholds() {
    assertThatThrownBy(() -> new TierPolicy(20, 30, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
