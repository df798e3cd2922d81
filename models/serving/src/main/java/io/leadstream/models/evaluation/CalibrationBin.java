package io.leadstream.models.evaluation;

/**
 * One bin of a reliability diagram.
 *
 * @param meanPredicted mean predicted probability of the bin's leads
 * @param observedRate share of the bin's leads that converted
 * @param count leads in the bin
 */
public record CalibrationBin(double meanPredicted, double observedRate, int count) {}
