package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OpportunityHeadTest {

  @Test
  void shouldApplySigmoidToDotProductPlusBias() {
    OpportunityHead head = new OpportunityHead(new float[] {1f, 2f}, -1.0, 0.2);

    assertThat(head.logit(new float[] {0.5f, 0.25f})).isCloseTo(0.0, within(1e-9));
    assertThat(head.probability(new float[] {0.5f, 0.25f})).isCloseTo(0.5, within(1e-9));
    assertThat(head.probability(new float[] {1f, 1f}))
        .isCloseTo(1 / (1 + Math.exp(-2.0)), within(1e-9));
  }

  @Test
  void shouldRoundTripThroughJson() {
    OpportunityHead head = new OpportunityHead(new float[] {0.25f, -3f, 1e-3f}, 0.75, 0.31);

    OpportunityHead read = OpportunityHead.fromJson(head.toJson());

    assertThat(read.weights()).containsExactly(0.25f, -3f, 1e-3f);
    assertThat(read.bias()).isEqualTo(0.75);
    assertThat(read.prior()).isEqualTo(0.31);
  }

  @Test
  void shouldRejectEmbeddingOfAnotherDimension() {
    OpportunityHead head = new OpportunityHead(new float[] {1f, 2f}, 0, 0.5);

    assertThatThrownBy(() -> head.probability(new float[] {1f, 2f, 3f}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 dimensions");
  }

  @Test
  void shouldRejectJsonOfAnotherFormat() {
    assertThatThrownBy(() -> OpportunityHead.fromJson("{\"format\":\"x\"}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format");
  }
}
