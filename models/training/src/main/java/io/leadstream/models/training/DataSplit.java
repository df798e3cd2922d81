package io.leadstream.models.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Row indices of the train (60 %), validation (20 %) and hold-out (20 %) splits.
 *
 * <p>With event times the split is time-ordered: the model is judged on the latest leads after
 * learning only from earlier ones, as it will be used. Without times it is stratified: each split
 * gets the same share of converted leads.
 *
 * @param train rows the models learn from
 * @param validation rows for early stopping, calibration and tier thresholds
 * @param holdOut rows for the reported metrics only
 * @param kind how the rows were assigned
 */
public record DataSplit(int[] train, int[] validation, int[] holdOut, Kind kind) {

  static final double TRAIN_SHARE = 0.6;
  static final double VALIDATION_SHARE = 0.2;

  /** How rows were assigned to the splits. */
  public enum Kind {
    /** Earliest 60 % train, next 20 % validation, latest 20 % hold-out. */
    TIME_ORDERED,
    /** Shuffled within each class by the seed, 60/20/20 per class. */
    STRATIFIED;

    /** Words for reports. */
    public String describe() {
      return this == TIME_ORDERED
          ? "time-ordered (train on the earliest 60 %, hold out the latest 20 %)"
          : "stratified random (no event time; same conversion rate in every split)";
    }
  }

  /** Time-ordered when every row has a time and not all times are equal; else stratified. */
  public static DataSplit of(boolean[] labels, Instant[] times, long seed) {
    return hasTimeOrder(times) ? timeOrdered(times) : stratified(labels, seed);
  }

  static DataSplit timeOrdered(Instant[] times) {
    Integer[] order = IntStream.range(0, times.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparing((Integer row) -> times[row]));
    int trainEnd = (int) Math.round(times.length * TRAIN_SHARE);
    int validationEnd = (int) Math.round(times.length * (TRAIN_SHARE + VALIDATION_SHARE));
    return new DataSplit(
        slice(order, 0, trainEnd),
        slice(order, trainEnd, validationEnd),
        slice(order, validationEnd, times.length),
        Kind.TIME_ORDERED);
  }

  static DataSplit stratified(boolean[] labels, long seed) {
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> holdOut = new ArrayList<>();
    for (boolean label : new boolean[] {true, false}) {
      List<Integer> rows =
          new ArrayList<>(
              IntStream.range(0, labels.length).filter(r -> labels[r] == label).boxed().toList());
      Collections.shuffle(rows, random);
      int trainEnd = (int) Math.round(rows.size() * TRAIN_SHARE);
      int validationEnd = (int) Math.round(rows.size() * (TRAIN_SHARE + VALIDATION_SHARE));
      train.addAll(rows.subList(0, trainEnd));
      validation.addAll(rows.subList(trainEnd, validationEnd));
      holdOut.addAll(rows.subList(validationEnd, rows.size()));
    }
    // mix the classes again so that nothing downstream sees all positives first
    for (List<Integer> split : List.of(train, validation, holdOut)) {
      Collections.shuffle(split, random);
    }
    return new DataSplit(toArray(train), toArray(validation), toArray(holdOut), Kind.STRATIFIED);
  }

  private static boolean hasTimeOrder(Instant[] times) {
    if (times == null || times.length == 0) {
      return false;
    }
    for (Instant time : times) {
      if (time == null) {
        return false;
      }
    }
    return Arrays.stream(times).distinct().count() > 1;
  }

  private static int[] slice(Integer[] order, int from, int to) {
    return Arrays.stream(order, from, to).mapToInt(Integer::intValue).toArray();
  }

  private static int[] toArray(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }
}
