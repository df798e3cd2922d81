package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingGuardsTest {

  @Test
  void shouldRefuseLabelsThatAreAllNotConverted() {
    assertThatThrownBy(() -> TrainingGuards.requireTrainable(labels(1200, 0)))
        .isInstanceOf(TrainingRefusedException.class)
        .hasMessageContaining("constant")
        .hasMessageContaining("all 1,200 leads are labelled not converted");
  }

  @Test
  void shouldRefuseLabelsThatAreAllConverted() {
    assertThatThrownBy(() -> TrainingGuards.requireTrainable(labels(300, 300)))
        .isInstanceOf(TrainingRefusedException.class)
        .hasMessageContaining("constant")
        .hasMessageContaining("all 300 leads are labelled converted");
  }

  @Test
  void shouldRefuseEmptyLabels() {
    assertThatThrownBy(() -> TrainingGuards.requireTrainable(new boolean[0]))
        .isInstanceOf(TrainingRefusedException.class)
        .hasMessageContaining("constant");
  }

  @Test
  void shouldRefuseFewerThanFiftyConvertedLeads() {
    assertThatThrownBy(() -> TrainingGuards.requireTrainable(labels(1000, 49)))
        .isInstanceOf(TrainingRefusedException.class)
        .hasMessageContaining("only 49 of 1,000 leads are converted")
        .hasMessageContaining("at least 50");
  }

  @Test
  void shouldAcceptExactlyFiftyConvertedLeads() {
    assertThatCode(() -> TrainingGuards.requireTrainable(labels(1000, 50)))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseFewerThanFiftyNotConvertedLeads() {
    assertThatThrownBy(() -> TrainingGuards.requireTrainable(labels(1000, 960)))
        .isInstanceOf(TrainingRefusedException.class)
        .hasMessageContaining("only 40 of 1,000 leads are not converted");
    assertThatCode(() -> TrainingGuards.requireTrainable(labels(1000, 950)))
        .doesNotThrowAnyException();
  }

  /** {@code positives} converted leads spread among {@code n}. */
  private static boolean[] labels(int n, int positives) {
    boolean[] labels = new boolean[n];
    for (int k = 0; k < positives; k++) {
      labels[(int) ((long) k * n / Math.max(1, positives))] = true;
    }
    return labels;
  }
}
