/**
 * Evaluation of a model, on its hold-out at training and on the live outcomes: {@link
 * io.leadstream.models.evaluation.ClassificationMetrics} of probabilities, {@link
 * io.leadstream.models.evaluation.RegressionFit} of regressions, {@link
 * io.leadstream.models.evaluation.TierStatistics} of tiers, and their result rows: curves and
 * tables a model card shows.
 */
package io.leadstream.models.evaluation;
