package io.leadstream.models.bundle;

/**
 * How well a model ranks and predicts conversions on a labelled set.
 *
 * @param count leads evaluated
 * @param baseRate share of leads that converted
 * @param auc area under the ROC curve (0.5 = random ranking)
 * @param prAuc area under the precision-recall curve (average precision; base rate = random)
 * @param logLoss mean negative log-likelihood, natural log
 * @param brier mean squared error of the probability
 */
public record EvaluationMetrics(
    int count, double baseRate, double auc, double prAuc, double logLoss, double brier) {}
