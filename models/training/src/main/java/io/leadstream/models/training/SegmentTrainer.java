package io.leadstream.models.training;

import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.LeadFields;
import io.leadstream.models.scoring.XgbScorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains one scorer per segment (e.g. region or product line) that has enough leads, and keeps it
 * only where it beats the main scorer on that segment's validation leads; every other lead keeps
 * the main scorer.
 */
final class SegmentTrainer {

  /** Fewest training leads of each class a segment needs for a model of its own. */
  static final int MIN_PER_CLASS = 30;

  /**
   * One segment's outcome.
   *
   * @param value the segment value as it appears in the data
   * @param trainLeads training leads in the segment
   * @param validationLeads validation leads in the segment
   * @param validationLogLoss the segment model's validation log loss (NaN when not trained)
   * @param mainValidationLogLoss the main scorer's log loss on the same leads
   * @param scorer the segment's scorer when kept, else null
   * @param why why it was kept or not, in words
   */
  record Segment(
      String value,
      int trainLeads,
      int validationLeads,
      double validationLogLoss,
      double mainValidationLogLoss,
      XgbScorer scorer,
      String why) {}

  private final ScorerTrainer trainer;

  SegmentTrainer(ScorerTrainer trainer) {
    this.trainer = trainer;
  }

  List<Segment> train(
      String source,
      FeatureSpec spec,
      List<LabelledLead> leads,
      double[] p,
      boolean[] labels,
      DataSplit split,
      XgbScorer main) {
    List<Segment> segments = new ArrayList<>();
    try {
      trainEach(source, spec, leads, p, labels, split, main, segments);
      return segments;
    } catch (RuntimeException e) {
      segments.stream().filter(s -> s.scorer() != null).forEach(s -> s.scorer().close());
      throw e;
    }
  }

  private static Segment skipped(String value, int trainLeads, int validationLeads, String why) {
    return new Segment(value, trainLeads, validationLeads, Double.NaN, Double.NaN, null, why);
  }

  private void trainEach(
      String source,
      FeatureSpec spec,
      List<LabelledLead> leads,
      double[] p,
      boolean[] labels,
      DataSplit split,
      XgbScorer main,
      List<Segment> segments) {
    Map<String, String> spelling = new HashMap<>();
    Map<String, List<Integer>> trainRows = bySegment(source, leads, split.train(), spelling);
    Map<String, List<Integer>> validationRows =
        bySegment(source, leads, split.validation(), spelling);
    for (Map.Entry<String, List<Integer>> entry : trainRows.entrySet()) {
      String value = entry.getKey();
      int[] train = toArray(entry.getValue());
      int[] validation = toArray(validationRows.getOrDefault(value, List.of()));
      boolean[] trainLabels = Rows.select(labels, train);
      boolean[] validationLabels = Rows.select(labels, validation);
      int trainPositives = count(trainLabels);
      int fewest = Math.min(trainPositives, train.length - trainPositives);
      int validationPositives = count(validationLabels);
      if (fewest < MIN_PER_CLASS) {
        segments.add(
            skipped(
                value,
                train.length,
                validation.length,
                String.format(
                    Locale.ROOT,
                    "too few training leads of one class (%d; %d needed): main scorer",
                    fewest,
                    MIN_PER_CLASS)));
        continue;
      }
      if (validationPositives == 0 || validationPositives == validation.length) {
        segments.add(
            skipped(
                value,
                train.length,
                validation.length,
                "validation leads all of one class, nothing to compare on: main scorer"));
        continue;
      }
      FeatureRows validationFeatures = FeatureRows.of(spec, leads, p, validation);
      double mainLoss =
          ClassificationMetrics.logLoss(
              main.probabilities(validationFeatures.data(), validationFeatures.rows()),
              validationLabels);
      XgbScorer scorer =
          trainer.train(
              FeatureRows.of(spec, leads, p, train),
              trainLabels,
              validationFeatures,
              validationLabels);
      double loss =
          ClassificationMetrics.logLoss(
              scorer.probabilities(validationFeatures.data(), validationFeatures.rows()),
              validationLabels);
      boolean kept = loss < mainLoss;
      if (!kept) {
        scorer.close();
      }
      segments.add(
          new Segment(
              value,
              train.length,
              validation.length,
              loss,
              mainLoss,
              kept ? scorer : null,
              String.format(
                  Locale.ROOT,
                  "validation log loss %.4f vs main %.4f: %s",
                  loss,
                  mainLoss,
                  kept ? "own scorer" : "main scorer")));
    }
  }

  /** Rows by segment value as spelled first, matched ignoring case; most leads first. */
  private static Map<String, List<Integer>> bySegment(
      String source, List<LabelledLead> leads, int[] rows, Map<String, String> spelling) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int row : rows) {
      Object raw = LeadFields.valueOf(leads.get(row).event(), source);
      if (raw == null || raw.toString().isBlank()) {
        continue;
      }
      String value = raw.toString().strip();
      String spelled = spelling.computeIfAbsent(value.toLowerCase(Locale.ROOT), k -> value);
      groups.computeIfAbsent(spelled, k -> new ArrayList<>()).add(row);
    }
    Map<String, List<Integer>> sorted = new LinkedHashMap<>();
    groups.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static int count(boolean[] labels) {
    return (int) IntStream.range(0, labels.length).filter(k -> labels[k]).count();
  }

  private static int[] toArray(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }
}
