package io.leadstream.models.bundle;

import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import java.util.List;

/**
 * One thread's handle on a {@link ModelBundle}: reads lead text into p(opportunity) and scores
 * leads. Not thread-safe; close it to release the native predictor.
 */
public interface LeadScorer extends AutoCloseable {

  /**
   * Reads the text into p(opportunity): encoder + opportunity head, or zero-shot, as the bundle's
   * manifest says. Empty or blank text, and text the model's vocabulary cannot read ({@link
   * TextSignal#readable()}), give the prior: the head's (its training base rate) or the zero-shot
   * spec's ({@code prior}, 0.5 when unset).
   */
  TextSignal readText(String text);

  /** Batch form of {@link #readText(String)}; one result per text, same order. */
  List<TextSignal> readTexts(List<String> texts);

  /**
   * Whether its encoder reads every text in a call of its own (its spec's {@code maxBatch} 1, such
   * as minilm-q's), so that the texts of one {@link #readTexts} call share no model call.
   */
  boolean readsEachTextAlone();

  /** Scores a lead from its structured fields plus what was read from its text. */
  LeadScore score(LeadEvent event, TextSignal text);

  /** Scores a lead from its structured fields plus a p(opportunity) for its text. */
  default LeadScore score(LeadEvent event, double opportunityProbability) {
    return score(event, new TextSignal(opportunityProbability, 0));
  }

  /** Version of the bundle this scorer belongs to. */
  String bundleVersion();

  @Override
  void close();
}
