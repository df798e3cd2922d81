package io.leadstream.app.streams.processors;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.scoring.LeadScore;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Scores an enriched lead with the XGBoost model of the bundle that read its text, and explains the
 * score.
 */
public final class ScoreLeadProcessor
    extends ContextualProcessor<String, EnrichedLead, String, ScoredLead> {

  public static ProcessorSupplier<String, EnrichedLead, String, ScoredLead> supplier() {
    return ScoreLeadProcessor::new;
  }

  @Override
  public void process(Record<String, EnrichedLead> record) {
    EnrichedLead lead = record.value();
    if (lead.textFailure() != null) {
      throw lead.textFailure();
    }
    LeadScorer scorer = lead.scorer();
    LeadScore score;
    try {
      score = scorer.score(lead.event(), lead.text());
    } catch (RuntimeException e) {
      throw ModelFailures.classify(e, scorer, "score");
    }
    context().forward(record.withValue(new ScoredLead(lead, score, scorer.bundleVersion())));
  }
}
