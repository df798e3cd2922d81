package io.leadstream.app.streams.processors;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.scoring.TextSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading one text gave: a signal, or the failure to throw for its record (a dead letter when
 * the bundle still scores the canary leads, a stop when it does not; see {@link ModelFailures}).
 */
record TextReading(TextSignal signal, RuntimeException failure) {

  /**
   * Reads the texts in one call; when that call fails, each text alone, so that only the records
   * whose own text fails carry a failure.
   */
  static List<TextReading> readAll(LeadScorer scorer, List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextReading> readings = new ArrayList<>(texts.size());
    try {
      scorer.readTexts(texts).forEach(signal -> readings.add(new TextReading(signal, null)));
      return readings;
    } catch (RuntimeException batchFailure) {
      readings.clear();
      for (String text : texts) {
        readings.add(readOne(scorer, text));
      }
      return readings;
    }
  }

  private static TextReading readOne(LeadScorer scorer, String text) {
    try {
      return new TextReading(scorer.readText(text), null);
    } catch (RuntimeException e) {
      return new TextReading(null, ModelFailures.classify(e, scorer, "read the text of"));
    }
  }
}
