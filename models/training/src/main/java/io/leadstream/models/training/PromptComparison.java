package io.leadstream.models.training;

import io.leadstream.models.bundle.StageTimer;
import io.leadstream.models.bundle.ZeroShotTextReader;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.evaluation.Interval;
import io.leadstream.models.inference.ZeroShotOpportunity;
import io.leadstream.models.scoring.TextSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores labelled leads' texts with each of several zero-shot prompt templates, as a bundle would
 * serve them (blank and unreadable texts get the prior), and measures how well each ranks the
 * converted leads: AUC with its 95 % interval. The models are loaded once for all prompts.
 */
public final class PromptComparison {

  /** Texts per model call and per progress update. */
  static final int CHUNK = 32;

  private final ZeroShotOpportunity model;
  private final TrainingProgress progress;

  public PromptComparison(ZeroShotOpportunity model, TrainingProgress progress) {
    this.model = model;
    this.progress = progress;
  }

  /**
   * One prompt's result.
   *
   * @param template the prompt template
   * @param probabilities p(opportunity) per lead, in the leads' order
   * @param auc the AUC of {@code probabilities} against the labels; NaN without both outcomes
   * @param interval its 95 % interval (DeLong); null without both outcomes
   */
  public record Result(String template, double[] probabilities, double auc, Interval interval) {}

  /**
   * Each template's result, in the templates' order.
   *
   * @param texts each lead's text
   * @param converted each lead's label, same order
   */
  public List<Result> compare(List<String> templates, List<String> texts, boolean[] converted) {
    if (texts.size() != converted.length || texts.isEmpty()) {
      throw new IllegalArgumentException(
          texts.size() + " texts for " + converted.length + " labels");
    }
    List<Result> results = new ArrayList<>();
    for (int t = 0; t < templates.size(); t++) {
      String stage = "prompt " + (t + 1);
      double[] p = probabilities(templates.get(t), texts, stage);
      results.add(
          new Result(
              templates.get(t),
              p,
              ClassificationMetrics.auc(p, converted),
              ClassificationMetrics.aucInterval(p, converted)));
    }
    return List.copyOf(results);
  }

  /**
   * How many of {@code texts} get the prior under every prompt: blank, or too many unknown tokens
   * ({@link TextSignal#readable(double)}).
   */
  public long unread(List<String> texts) {
    return texts.stream()
        .filter(t -> t == null || t.isBlank() || !TextSignal.readable(model.unknownTokenRatio(t)))
        .count();
  }

  private double[] probabilities(String template, List<String> texts, String stage) {
    double[] p = new double[texts.size()];
    progress.update(stage, 0, texts.size());
    try (ZeroShotTextReader reader =
        new ZeroShotTextReader(
            model.newPredictor(template), model.spec().prior(), StageTimer.NONE)) {
      for (int from = 0; from < texts.size(); from += CHUNK) {
        int to = Math.min(texts.size(), from + CHUNK);
        List<TextSignal> read = reader.read(texts.subList(from, to));
        for (int i = 0; i < read.size(); i++) {
          p[from + i] = read.get(i).opportunityProbability();
        }
        progress.update(stage, to, texts.size());
      }
    }
    return p;
  }
}
