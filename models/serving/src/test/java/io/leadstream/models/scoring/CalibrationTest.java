package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldLeaveProbabilitiesUnchangedWithNone() {
    Calibration none = Calibration.none();

    assertThat(none.apply(0.0)).isEqualTo(0.0);
    assertThat(none.apply(0.37)).isEqualTo(0.37);
    assertThat(none.apply(1.0)).isEqualTo(1.0);
  }

  @Test
  void shouldApplySigmoidOfScaledLogitWithPlatt() {
    Calibration platt = Calibration.platt(2, -1);

    // logit(0.5) = 0 -> sigmoid(-1)
    assertThat(platt.apply(0.5)).isCloseTo(1 / (1 + Math.exp(1)), within(1e-12));
    // logit(0.8) = ln 4 -> sigmoid(2 ln 4 - 1) = 16 / (16 + e)
    assertThat(platt.apply(0.8)).isCloseTo(16 / (16 + Math.E), within(1e-12));
    assertThat(Calibration.platt(1, 0).apply(0.3)).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void shouldClipProbabilitiesBeforeTheLogitWithPlatt() {
    Calibration identity = Calibration.platt(1, 0);

    assertThat(identity.apply(0.0)).isCloseTo(1e-6, within(1e-12));
    assertThat(identity.apply(1.0)).isCloseTo(1 - 1e-6, within(1e-12));
  }

  @Test
  void shouldInterpolateBetweenKnotsAndClampAtTheEndsWithIsotonic() {
    Calibration isotonic =
        Calibration.isotonic(new double[] {0.1, 0.3, 0.7}, new double[] {0.0, 0.5, 0.9});

    assertThat(isotonic.apply(0.0)).isEqualTo(0.0);
    assertThat(isotonic.apply(0.1)).isEqualTo(0.0);
    assertThat(isotonic.apply(0.2)).isCloseTo(0.25, within(1e-12));
    assertThat(isotonic.apply(0.3)).isEqualTo(0.5);
    assertThat(isotonic.apply(0.6)).isCloseTo(0.8, within(1e-12));
    assertThat(isotonic.apply(0.95)).isEqualTo(0.9);
  }

  @Test
  void shouldRejectInvalidParameters() {
    assertThatThrownBy(() -> Calibration.platt(Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Calibration.isotonic(new double[] {0.1, 0.2}, new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Calibration.isotonic(new double[] {0.2, 0.1}, new double[] {0, 1}))
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> Calibration.isotonic(new double[] {0.1, 0.2}, new double[] {1, 0}))
        .hasMessageContaining("non-decreasing");
    assertThatThrownBy(() -> Calibration.isotonic(new double[] {0.1}, new double[] {1.5}))
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> Calibration.isotonic(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Calibration(
                    Calibration.Method.PLATT, 1, 0, new double[] {0.5}, new double[] {0.5}))
        .hasMessageContaining("no knots");
  }

  @Test
  void shouldNotShareItsArrays() {
    double[] x = {0.1, 0.9};
    Calibration isotonic = Calibration.isotonic(x, new double[] {0.2, 0.8});

    x[0] = 0.5;
    isotonic.x()[1] = 0.0;

    assertThat(isotonic.x()).containsExactly(0.1, 0.9);
  }

  @Test
  void shouldRoundTripThroughJsonWithLowerCaseMethod() throws Exception {
    for (Calibration calibration :
        new Calibration[] {
          Calibration.none(),
          Calibration.platt(1.7, -0.4),
          Calibration.isotonic(new double[] {0.05, 0.4, 0.8}, new double[] {0.01, 0.3, 0.95})
        }) {
      String json = JSON.writeValueAsString(calibration);
      Calibration read = JSON.readValue(json, Calibration.class);

      assertThat(json).contains("\"method\":\"" + calibration.method().name().toLowerCase() + "\"");
      assertThat(read).isEqualTo(calibration);
      assertThat(read.apply(0.3)).isEqualTo(calibration.apply(0.3));
    }
  }

  @Test
  void shouldWriteTheManifestShape() throws Exception {
    assertThat(JSON.writeValueAsString(Calibration.platt(1.5, -0.25)))
        .isEqualTo("{\"method\":\"platt\",\"a\":1.5,\"b\":-0.25,\"x\":[],\"y\":[]}");
  }

  @Test
  void shouldReadJsonWithoutKnots() throws Exception {
    Calibration read =
        JSON.readValue("{\"method\":\"platt\",\"a\":2.0,\"b\":0.5}", Calibration.class);

    assertThat(read).isEqualTo(Calibration.platt(2, 0.5));
  }
}
