package io.leadstream.tools.state;

import io.leadstream.app.streams.processors.EnrichedLead;
import io.leadstream.app.streams.processors.ScoredLead;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * What a bundle read and scored for a sample of events, lent to other events: state as large as the
 * pipeline's can then be built without running the text encoder once per event. A lent score has
 * the real size (reasons, probabilities, tier, model version) but belongs to another event.
 */
public final class SampledScores {

  private record Sample(TextSignal text, LeadScore score) {}

  private final List<Sample> samples;
  private final String modelVersion;

  private SampledScores(List<Sample> samples, String modelVersion) {
    this.samples = samples;
    this.modelVersion = modelVersion;
  }

  /**
   * Reads and scores every event with the bundle, as the pipeline's read-text and score steps do.
   *
   * @param scored told after each event, with how many are done
   */
  public static SampledScores score(String bundle, List<LeadEvent> events, LongConsumer scored) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("at least one sample event is needed to lend scores");
    }
    List<Sample> samples = new ArrayList<>(events.size());
    try (ModelBundle model = ModelBundle.load(bundle, InferenceOptions.SINGLE_THREADED_CALLS);
        LeadScorer scorer = model.newScorer()) {
      for (LeadEvent event : events) {
        TextSignal text = scorer.readText(LeadText.of(event));
        samples.add(new Sample(text, scorer.score(event, text)));
        scored.accept(samples.size());
      }
      return new SampledScores(List.copyOf(samples), model.version());
    }
  }

  /**
   * The event as the score step hands it to the track step, with a sample's reading and score
   * (chosen by its event id, so the same event always gets the same one).
   */
  public ScoredLead lendTo(LeadEvent event) {
    Sample sample = samples.get(Math.floorMod(event.getEventId().hashCode(), samples.size()));
    return new ScoredLead(
        new EnrichedLead(event, sample.text(), false, null, null), sample.score(), modelVersion);
  }
}
