package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.ReasonPhrases;
import io.leadstream.models.scoring.TextSignal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How the reasons of a new bundle read, shown in its card and the training output: the hold-out's
 * highest-scored lead, its median and its lowest, scored through the bundle as the pipeline scores
 * them. The extremes are the leads that matter most, and where reasons used to vanish.
 */
final class ReasonExamples {

  private ReasonExamples() {}

  /**
   * One lead's score and reasons as a sales rep reads them, e.g. {@code 97 (HOT): time on website:
   * 1,532 +24; city unknown <1 point}.
   *
   * @param score the lead's score
   * @param line the line shown
   */
  record Example(int score, String line) {}

  /**
   * @param folder the bundle's folder, its files written
   * @param draft the bundle's manifest as far as it is known (the files written so far)
   * @param leads the hold-out leads
   * @param probabilities the trainer's hold-out probabilities, to pick the leads
   */
  static List<Example> of(
      Path folder, BundleManifest draft, List<LabelledLead> leads, double[] probabilities) {
    Integer[] order = IntStream.range(0, probabilities.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(k -> -probabilities[k]));
    Set<Integer> picked =
        new LinkedHashSet<>(List.of(order[0], order[order.length / 2], order[order.length - 1]));
    ReasonPhrases phrases = ReasonPhrases.of(draft.reasonLanguage());
    List<Example> examples = new ArrayList<>();
    try (ModelBundle bundle = ModelBundle.load(folder, draft);
        LeadScorer scorer = bundle.newScorer()) {
      List<Integer> rows = List.copyOf(picked);
      List<TextSignal> texts =
          scorer.readTexts(rows.stream().map(k -> LeadText.of(leads.get(k).event())).toList());
      for (int i = 0; i < rows.size(); i++) {
        LeadScore score = scorer.score(leads.get(rows.get(i)).event(), texts.get(i));
        examples.add(new Example(score.score(), line(score, phrases)));
      }
    }
    return List.copyOf(examples);
  }

  private static String line(LeadScore score, ReasonPhrases phrases) {
    String reasons =
        score.reasons().stream()
            .map(r -> r.getLabel() + " " + phrases.points(r.getContribution()))
            .collect(Collectors.joining("; "));
    return String.format(
        Locale.ROOT,
        "%d (%s): %s",
        score.score(),
        score.tier(),
        reasons.isEmpty() ? "no factor moved it" : reasons);
  }
}
