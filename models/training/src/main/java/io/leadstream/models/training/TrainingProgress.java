package io.leadstream.models.training;

/**
 * Receives progress of a training run, e.g. to draw a progress bar. Called on the training thread.
 */
@FunctionalInterface
public interface TrainingProgress {

  /** Ignores progress. */
  TrainingProgress NONE = (stage, done, total) -> {};

  /**
   * @param stage what runs now: {@code generate}, {@code embed}, {@code head}, {@code scorer},
   *     {@code evaluate}, {@code write}
   * @param done units finished in this stage
   * @param total units in this stage
   */
  void update(String stage, long done, long total);
}
