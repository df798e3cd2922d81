package io.leadstream.models.bundle;

import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import java.util.List;

/**
 * One thread's handle on a {@link ModelBundle}: reads lead text into p(opportunity) and scores
 * leads. Not thread-safe; close it to release the native predictor.
 *
 * <p>CONTRACT ONLY: implementation pending (models helper).
 */
public interface LeadScorer extends AutoCloseable {

  /** Encodes the text and applies the opportunity head. Empty or blank text gives the head's prior. */
  TextSignal readText(String text);

  /** Batch form of {@link #readText(String)}; one result per text, same order. */
  List<TextSignal> readTexts(List<String> texts);

  /** Scores a lead from its structured fields plus the p(opportunity) read from its text. */
  LeadScore score(LeadEvent event, double opportunityProbability);

  /** Version of the bundle this scorer belongs to. */
  String bundleVersion();

  @Override
  void close();
}
