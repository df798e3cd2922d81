package io.leadstream.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderFlopsTest {

  @Test
  void shouldCountMiniLmsMatrixProductsForTenTokensAsByHand() {
    // per layer, L = 10, d = 384, f = 1536:
    //   Q, K, V, output: 4 * 2 * 10 * 384 * 384 = 11,796,480
    //   scores and weighted sum: 2 * 2 * 10 * 10 * 384 = 153,600
    //   feed-forward: 2 * 2 * 10 * 384 * 1536 = 23,592,960
    // 35,543,040 per layer, 6 layers: 213,258,240
    assertThat(EncoderFlops.MINILM_L6.perText(10)).isEqualTo(213_258_240.0);
  }

  @Test
  void shouldGrowAttentionWithTheSquareOfTheTokens() {
    EncoderFlops miniLm = EncoderFlops.MINILM_L6;

    // doubling L doubles the linear terms; what is left is attention's 4 d (20^2 - 2 * 10^2)
    double quadratic = miniLm.perText(20) - 2 * miniLm.perText(10);

    assertThat(quadratic).isEqualTo(6 * 4.0 * 384 * (400 - 200));
  }

  @Test
  void shouldAverageEachTextsOwnCountNotTheCountOfTheMeanLength() {
    EncoderFlops miniLm = EncoderFlops.MINILM_L6;

    double mean = miniLm.meanPerText(List.of(10, 30));

    assertThat(mean).isEqualTo((miniLm.perText(10) + miniLm.perText(30)) / 2);
    assertThat(mean).isGreaterThan(miniLm.perText(20));
  }

  @Test
  void shouldKnowTheNamedEncodersDimensionsOnly() {
    assertThat(EncoderFlops.ofNamed("minilm")).contains(EncoderFlops.MINILM_L6);
    assertThat(EncoderFlops.ofNamed("minilm-q")).contains(EncoderFlops.MINILM_L6);
    assertThat(EncoderFlops.ofNamed("bge-small-zh")).contains(EncoderFlops.BGE_SMALL_ZH);
    assertThat(EncoderFlops.ofNamed("my-encoder.json")).isEmpty();
  }

  @Test
  void shouldRefuseAHiddenSizeTheHeadsDoNotDivide() {
    assertThatThrownBy(() -> new EncoderFlops(6, 384, 1536, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("divisible by the heads");
  }
}
