package io.leadstream.models.evaluation;

/** Argument checks and counts the metrics classes share. */
final class Samples {

  private Samples() {}

  static void checkLengths(int predicted, int actual) {
    if (predicted != actual || predicted == 0) {
      throw new IllegalArgumentException(predicted + " predictions for " + actual + " labels");
    }
  }

  static long positives(boolean[] actual) {
    long positives = 0;
    for (boolean label : actual) {
      positives += label ? 1 : 0;
    }
    return positives;
  }
}
