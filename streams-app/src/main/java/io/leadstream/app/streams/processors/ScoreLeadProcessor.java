package io.leadstream.app.streams.processors;

import io.leadstream.app.ops.PipelineMetrics;
import io.leadstream.app.streams.ActiveModel;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.scoring.LeadScore;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/** Scores an enriched lead with the bundle's XGBoost model and explains the score. */
public final class ScoreLeadProcessor extends ContextualProcessor<String, EnrichedLead, String, ScoredLead> {

  private final ScorerSession session;

  private ScoreLeadProcessor(ActiveModel model, PipelineMetrics metrics) {
    this.session = new ScorerSession(model, metrics.stageTimer());
  }

  public static ProcessorSupplier<String, EnrichedLead, String, ScoredLead> supplier(ActiveModel model, PipelineMetrics metrics) {
    return () -> new ScoreLeadProcessor(model, metrics);
  }

  @Override
  public void process(Record<String, EnrichedLead> record) {
    LeadScorer scorer = session.scorer();
    EnrichedLead lead = record.value();
    LeadScore score = scorer.score(lead.event(), lead.text());
    context().forward(record.withValue(new ScoredLead(lead, score, scorer.bundleVersion())));
  }

  @Override
  public void close() {
    session.close();
  }
}
