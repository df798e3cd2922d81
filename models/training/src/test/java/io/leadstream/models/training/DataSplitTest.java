package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataSplitTest {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  @Test
  void shouldTrainOnTheEarliestAndHoldOutTheLatestLeadsWhenTimesAreGiven() {
    int n = 500;
    boolean[] labels = labels(n, 0.3, 1);
    Instant[] times = shuffledTimes(n, 2);

    DataSplit split = DataSplit.of(labels, times, 7);

    assertThat(split.kind()).isEqualTo(DataSplit.Kind.TIME_ORDERED);
    assertThat(split.train()).hasSize(300);
    assertThat(split.validation()).hasSize(100);
    assertThat(split.holdOut()).hasSize(100);
    Instant latestTrain = latest(times, split.train());
    Instant earliestValidation = earliest(times, split.validation());
    Instant latestValidation = latest(times, split.validation());
    Instant earliestHoldOut = earliest(times, split.holdOut());
    assertThat(earliestValidation).isAfterOrEqualTo(latestTrain);
    assertThat(earliestHoldOut).isAfterOrEqualTo(latestValidation);
    // times are START + row rank minutes, so the earliest 300 are exactly ranks 0-299
    assertThat(latestTrain).isEqualTo(START.plusSeconds(60 * 299));
    assertThat(earliestHoldOut).isEqualTo(START.plusSeconds(60 * 400));
    assertEveryRowExactlyOnce(split, n);
  }

  @Test
  void shouldKeepTiedTimesInOrderAcrossTheSplitBoundaries() {
    int n = 10;
    Instant[] times = new Instant[n];
    for (int row = 0; row < n; row++) {
      times[row] = START.plusSeconds(3600L * (row % 3)); // three distinct times, many ties
    }

    DataSplit split = DataSplit.of(labels(n, 0.5, 3), times, 1);

    assertThat(split.kind()).isEqualTo(DataSplit.Kind.TIME_ORDERED);
    assertThat(earliest(times, split.validation())).isAfterOrEqualTo(latest(times, split.train()));
    assertThat(earliest(times, split.holdOut()))
        .isAfterOrEqualTo(latest(times, split.validation()));
    assertEveryRowExactlyOnce(split, n);
  }

  @Test
  void shouldFallBackToStratifiedWhenAnyTimeIsMissing() {
    int n = 200;
    Instant[] times = shuffledTimes(n, 4);
    times[137] = null;

    DataSplit split = DataSplit.of(labels(n, 0.3, 5), times, 7);

    assertThat(split.kind()).isEqualTo(DataSplit.Kind.STRATIFIED);
    assertEveryRowExactlyOnce(split, n);
  }

  @Test
  void shouldFallBackToStratifiedWhenAllTimesAreEqualOrThereAreNone() {
    int n = 200;
    Instant[] same = new Instant[n];
    Arrays.fill(same, START);

    assertThat(DataSplit.of(labels(n, 0.3, 5), same, 7).kind())
        .isEqualTo(DataSplit.Kind.STRATIFIED);
    assertThat(DataSplit.of(labels(n, 0.3, 5), null, 7).kind())
        .isEqualTo(DataSplit.Kind.STRATIFIED);
    assertThat(DataSplit.of(labels(n, 0.3, 5), new Instant[0], 7).kind())
        .isEqualTo(DataSplit.Kind.STRATIFIED);
  }

  @Test
  void shouldKeepTheConversionRateOfEverySplitWithinOneLeadOfTheOverallRate() {
    int n = 503;
    boolean[] labels = labels(n, 0.23, 6);
    double rate = (double) count(labels, IntStream.range(0, n).toArray()) / n;

    DataSplit split = DataSplit.of(labels, null, 11);

    assertThat(split.train().length).isBetween(300, 303);
    assertThat(split.validation().length).isBetween(99, 102);
    assertThat(split.holdOut().length).isBetween(99, 102);
    for (int[] rows : new int[][] {split.train(), split.validation(), split.holdOut()}) {
      int positives = count(labels, rows);
      int negatives = rows.length - positives;
      assertThat((double) positives).isBetween(rate * rows.length - 1, rate * rows.length + 1);
      assertThat((double) negatives)
          .isBetween((1 - rate) * rows.length - 1, (1 - rate) * rows.length + 1);
    }
    assertEveryRowExactlyOnce(split, n);
  }

  @Test
  void shouldSplitTheSameForTheSameSeedAndDifferentlyForAnother() {
    boolean[] labels = labels(300, 0.3, 8);

    DataSplit first = DataSplit.of(labels, null, 42);
    DataSplit again = DataSplit.of(labels, null, 42);
    DataSplit other = DataSplit.of(labels, null, 43);

    assertThat(again.train()).containsExactly(first.train());
    assertThat(again.validation()).containsExactly(first.validation());
    assertThat(again.holdOut()).containsExactly(first.holdOut());
    assertThat(sorted(other.holdOut())).isNotEqualTo(sorted(first.holdOut()));
  }

  @Test
  void shouldMixTheClassesWithinEachStratifiedSplit() {
    boolean[] labels = labels(300, 0.5, 9);

    DataSplit split = DataSplit.of(labels, null, 3);

    // positives are assigned first; without the final shuffle the first 30 train rows would
    // all be converted
    int[] firstRows = Arrays.copyOf(split.train(), 30);
    assertThat(count(labels, firstRows)).isBetween(1, 29);
  }

  private static void assertEveryRowExactlyOnce(DataSplit split, int n) {
    int[] all =
        IntStream.concat(
                IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.holdOut()))
            .sorted()
            .toArray();
    assertThat(all).containsExactly(IntStream.range(0, n).toArray());
  }

  private static boolean[] labels(int n, double rate, long seed) {
    Random random = new Random(seed);
    boolean[] labels = new boolean[n];
    for (int row = 0; row < n; row++) {
      labels[row] = random.nextDouble() < rate;
    }
    return labels;
  }

  /** Distinct times, one minute apart, assigned to the rows in a shuffled order. */
  private static Instant[] shuffledTimes(int n, long seed) {
    int[] ranks = IntStream.range(0, n).toArray();
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = ranks[i];
      ranks[i] = ranks[j];
      ranks[j] = swap;
    }
    Instant[] times = new Instant[n];
    for (int row = 0; row < n; row++) {
      times[row] = START.plusSeconds(60L * ranks[row]);
    }
    return times;
  }

  private static Instant earliest(Instant[] times, int[] rows) {
    return Arrays.stream(rows).mapToObj(r -> times[r]).min(Instant::compareTo).orElseThrow();
  }

  private static Instant latest(Instant[] times, int[] rows) {
    return Arrays.stream(rows).mapToObj(r -> times[r]).max(Instant::compareTo).orElseThrow();
  }

  private static int count(boolean[] labels, int[] rows) {
    return (int) Arrays.stream(rows).filter(r -> labels[r]).count();
  }

  private static int[] sorted(int[] rows) {
    return Arrays.stream(rows).sorted().toArray();
  }
}
