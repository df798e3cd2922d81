package io.leadstream.tools.retrain;

import io.leadstream.models.training.LabelledLead;
import io.leadstream.schema.LeadEvent;
import java.time.Instant;

/**
 * A labelled lead of {@code leads.labelled} as retraining reads it: the lead's event as it was a
 * horizon before its outcome, the label, and when the outcome occurred.
 *
 * @param event the lead's last event before the cutoff ({@code asOf.event})
 * @param converted whether the outcome counts as converted (label 1)
 * @param outcomeAt when the outcome occurred; it places the lead in training or the comparison
 *     window
 */
public record OutcomeLead(LeadEvent event, boolean converted, Instant outcomeAt) {

  /** The lead as training and {@code BundlePromotion} take it. */
  public LabelledLead labelled() {
    return new LabelledLead(event, converted);
  }
}
