package io.leadstream.models.evaluation;

/**
 * One corner of an ROC curve: the rates when every lead predicted at or above {@code threshold}
 * counts as positive.
 *
 * @param fpr false-positive rate, share of negatives at or above the threshold
 * @param tpr true-positive rate, share of positives at or above the threshold
 * @param threshold lowest prediction counted positive; +Infinity for the (0, 0) corner
 */
public record RocPoint(double fpr, double tpr, double threshold) {}
