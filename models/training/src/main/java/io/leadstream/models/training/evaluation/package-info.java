/**
 * Evaluation of a trained model: {@link
 * io.leadstream.models.training.evaluation.ClassificationMetrics} of probabilities, {@link
 * io.leadstream.models.training.evaluation.RegressionFit} of regressions, {@link
 * io.leadstream.models.training.evaluation.TierStatistics} of tiers, and their result rows: curves
 * and tables a model card shows.
 */
package io.leadstream.models.training.evaluation;
