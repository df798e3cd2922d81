package io.leadstream.tools.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.evaluation.CalibrationBin;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTableTest {

  @Test
  void shouldWeighEachDecilesGapByItsLeads() {
    List<CalibrationBin> bins =
        List.of(new CalibrationBin(0.1, 0.2, 30), new CalibrationBin(0.5, 0.4, 10));

    assertThat(ScenarioTable.expectedCalibrationError(bins)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void shouldHaveNoCalibrationErrorWithoutLeads() {
    assertThat(ScenarioTable.expectedCalibrationError(List.of())).isNaN();
  }
}
