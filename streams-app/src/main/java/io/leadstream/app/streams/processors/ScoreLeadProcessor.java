package io.leadstream.app.streams.processors;

import io.leadstream.app.ops.PipelineMetrics;
import io.leadstream.app.streams.ActiveModel;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.scoring.LeadScore;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/** Scores an enriched lead with the bundle's XGBoost model and explains the score. */
public final class ScoreLeadProcessor extends ContextualProcessor<String, EnrichedLead, String, ScoredLead> {

  private final ScorerSession session;
  private final PipelineMetrics metrics;

  private ScoreLeadProcessor(ActiveModel model, PipelineMetrics metrics) {
    this.session = new ScorerSession(model);
    this.metrics = metrics;
  }

  public static ProcessorSupplier<String, EnrichedLead, String, ScoredLead> supplier(ActiveModel model, PipelineMetrics metrics) {
    return () -> new ScoreLeadProcessor(model, metrics);
  }

  @Override
  public void process(Record<String, EnrichedLead> record) {
    LeadScorer scorer = session.scorer();
    EnrichedLead lead = record.value();
    Timer.Sample timing = metrics.start();
    LeadScore score = scorer.score(lead.event(), lead.text().opportunityProbability());
    metrics.stop(timing, PipelineMetrics.STAGE_SCORE);
    context().forward(record.withValue(new ScoredLead(lead, score, scorer.bundleVersion())));
  }

  @Override
  public void close() {
    session.close();
  }
}
