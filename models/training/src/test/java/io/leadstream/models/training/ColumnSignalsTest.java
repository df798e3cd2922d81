package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnSignalsTest {

  private static final int N = 2000;

  @Test
  void shouldFlagAColumnThatRepeatsTheLabelAsLikelyLeakage() {
    boolean[] labels = labels(new Random(1));
    String[] outcome = new String[N];
    for (int row = 0; row < N; row++) {
      outcome[row] = labels[row] ? "yes" : "no";
    }

    ColumnSignals.ColumnSignal signal = only(measure(Map.of("closedWon", outcome), labels));

    assertThat(signal.column()).isEqualTo("closedWon");
    assertThat(signal.auc()).isCloseTo(1.0, within(1e-9));
    assertThat(signal.looksLikeLeakage()).isTrue();
    assertThat(signal.warning()).contains("column 'closedWon'", "AUC 1.000", "leakage");
  }

  @Test
  void shouldGiveARandomColumnAnAucNearOneHalf() {
    Random random = new Random(2);
    boolean[] labels = labels(random);
    String[] noise = new String[N];
    for (int row = 0; row < N; row++) {
      noise[row] = random.nextBoolean() ? "red" : "blue";
    }

    ColumnSignals.ColumnSignal signal = only(measure(Map.of("colour", noise), labels));

    assertThat(signal.auc()).isCloseTo(0.5, within(0.06));
    assertThat(signal.looksLikeLeakage()).isFalse();
  }

  @Test
  void shouldRankANumericColumnByItsDeciles() {
    // p(converted) = x for x uniform in [0, 1]: the best possible AUC of x is 5/6
    Random random = new Random(3);
    boolean[] labels = new boolean[N];
    String[] x = new String[N];
    for (int row = 0; row < N; row++) {
      double value = random.nextDouble();
      x[row] = String.format(Locale.ROOT, " %.4f ", value);
      labels[row] = random.nextDouble() < value;
    }

    ColumnSignals.ColumnSignal signal = only(measure(Map.of("x", x), labels));

    assertThat(signal.auc()).isBetween(0.76, 0.88);
    assertThat(signal.looksLikeLeakage()).isFalse();
  }

  @Test
  void shouldTreatMissingNumbersAsAValueOfTheirOwn() {
    // converted leads have no value, the others a random number: missingness alone is the label
    Random random = new Random(4);
    boolean[] labels = labels(random);
    String[] budget = new String[N];
    for (int row = 0; row < N; row++) {
      budget[row] = labels[row] ? null : Integer.toString(1000 + random.nextInt(100_000));
    }

    ColumnSignals.ColumnSignal signal = only(measure(Map.of("budget", budget), labels));

    assertThat(signal.auc()).isCloseTo(1.0, within(1e-9));
    assertThat(signal.looksLikeLeakage()).isTrue();
  }

  @Test
  void shouldTreatMissingCategoriesAsAValueOfTheirOwn() {
    Random random = new Random(5);
    boolean[] labels = labels(random);
    String[] stage = new String[N];
    for (int row = 0; row < N; row++) {
      stage[row] = labels[row] ? null : (random.nextBoolean() ? "new" : "open");
    }

    assertThat(only(measure(Map.of("stage", stage), labels)).auc()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldListTheStrongestColumnFirst() {
    Random random = new Random(6);
    boolean[] labels = labels(random);
    String[] noise = new String[N];
    String[] outcome = new String[N];
    for (int row = 0; row < N; row++) {
      noise[row] = Integer.toString(random.nextInt(1000));
      outcome[row] = labels[row] ? "won" : "lost";
    }
    Map<String, String[]> columns = new LinkedHashMap<>();
    columns.put("noise", noise);
    columns.put("outcome", outcome);

    List<ColumnSignals.ColumnSignal> signals = measure(columns, labels);

    assertThat(signals)
        .extracting(ColumnSignals.ColumnSignal::column)
        .containsExactly("outcome", "noise");
  }

  private static List<ColumnSignals.ColumnSignal> measure(
      Map<String, String[]> columns, boolean[] labels) {
    return ColumnSignals.measure(columns, labels, DataSplit.of(labels, null, 17));
  }

  private static ColumnSignals.ColumnSignal only(List<ColumnSignals.ColumnSignal> signals) {
    assertThat(signals).hasSize(1);
    return signals.get(0);
  }

  private static boolean[] labels(Random random) {
    boolean[] labels = new boolean[N];
    for (int row = 0; row < N; row++) {
      labels[row] = random.nextDouble() < 0.3;
    }
    return labels;
  }
}
