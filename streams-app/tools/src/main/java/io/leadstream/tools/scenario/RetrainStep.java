package io.leadstream.tools.scenario;

import io.leadstream.tools.retrain.RetrainResult;

/**
 * What the retrain between phases B and C did.
 *
 * @param outcome PROMOTED, NOT_PROMOTED or REFUSED
 * @param reason the gate's decision or the refusal, in words
 * @param currentVersion the version serving before
 * @param candidateVersion the version trained; null when refused
 * @param trainingLeads labelled leads it trained on (outcomes before the comparison window)
 * @param windowLeads labelled leads of the comparison window, never trained on
 * @param currentAuc the serving version's AUC on the window, scored from its folder; NaN if refused
 * @param candidateAuc the candidate's AUC on the window; NaN if refused
 */
public record RetrainStep(
    String outcome,
    String reason,
    String currentVersion,
    String candidateVersion,
    int trainingLeads,
    int windowLeads,
    double currentAuc,
    double candidateAuc) {

  static RetrainStep of(RetrainResult result) {
    boolean compared = result.comparison() != null;
    return new RetrainStep(
        result.outcome().name(),
        result.reason(),
        result.currentVersion(),
        result.candidateVersion(),
        result.split().training().size(),
        result.split().comparison().size(),
        compared ? result.comparison().current().auc() : Double.NaN,
        compared ? result.comparison().candidate().auc() : Double.NaN);
  }

  public boolean promoted() {
    return RetrainResult.Outcome.PROMOTED.name().equals(outcome);
  }
}
