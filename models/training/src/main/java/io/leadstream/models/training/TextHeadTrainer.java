package io.leadstream.models.training;

import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.TextEmbedding;
import io.leadstream.models.inference.TextEncoder;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.OpportunityHead;
import io.leadstream.models.scoring.TextSignal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Embeds the leads' texts and fits the logistic opportunity head on them.
 *
 * <p>The head's L2 strength is chosen on validation log loss. Training rows get out-of-fold
 * p(opportunity) ({@value #FOLDS} folds), so the scorer never learns from a p the head fitted on
 * the same lead; validation and hold-out rows get the final head's p. Blank texts, and texts the
 * encoder cannot read (more than {@link TextSignal#MAX_UNKNOWN_RATIO} unknown tokens), get the
 * head's prior, as at serving time.
 */
final class TextHeadTrainer {

  private static final double[] L2_GRID = {1e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1};
  private static final int FOLDS = 5;

  /**
   * @param head the fitted head
   * @param p p(opportunity) per lead as the scorer sees it (out-of-fold for training rows)
   */
  record Result(OpportunityHead head, double[] p) {}

  /**
   * @param vectors embedding per lead; null for a lead without readable text
   * @param texts leads with a non-blank text
   * @param unreadable of those, texts the encoder could not read, left out like blank ones
   */
  record Embeddings(float[][] vectors, int texts, int unreadable) {}

  private final LocatedEncoder encoder;
  private final TrainingProgress progress;

  TextHeadTrainer(LocatedEncoder encoder, TrainingProgress progress) {
    this.encoder = encoder;
    this.progress = progress;
  }

  /**
   * Embeds every lead's text; leads without text, or with text the encoder cannot read, get null.
   */
  Embeddings embed(List<LabelledLead> leads) {
    List<Integer> withText = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      String text = LeadText.of(leads.get(i).event());
      if (!text.isBlank()) {
        withText.add(i);
        texts.add(text);
      }
    }
    float[][] embeddings = new float[leads.size()][];
    int unreadable = 0;
    progress.update("embed", 0, texts.size());
    try (EncoderModel model = EncoderModel.load(encoder.spec(), encoder.source());
        TextEncoder textEncoder = model.newEncoder()) {
      for (int from = 0; from < texts.size(); from += TextEncoder.MAX_BATCH) {
        int to = Math.min(texts.size(), from + TextEncoder.MAX_BATCH);
        List<TextEmbedding> batch = textEncoder.embed(texts.subList(from, to));
        for (int k = from; k < to; k++) {
          TextEmbedding embedding = batch.get(k - from);
          if (TextSignal.readable(embedding.unknownTokenRatio())) {
            embeddings[withText.get(k)] = embedding.vector();
          } else {
            unreadable++;
          }
        }
        progress.update("embed", to, texts.size());
      }
    }
    return new Embeddings(embeddings, texts.size(), unreadable);
  }

  /**
   * The head of a bundle that reads no text: no weights, the training base rate as the prior every
   * lead gets.
   */
  static Result priorOnly(boolean[] labels, DataSplit split) {
    double prior = ClassificationMetrics.baseRate(Rows.select(labels, split.train()));
    double[] p = new double[labels.length];
    Arrays.fill(p, prior);
    return new Result(new OpportunityHead(new float[0], 0, prior), p);
  }

  Result fit(float[][] embeddings, boolean[] labels, DataSplit split) {
    int steps = L2_GRID.length + FOLDS + 1;
    int step = 0;
    progress.update("head", step, steps);
    double prior = ClassificationMetrics.baseRate(Rows.select(labels, split.train()));
    int[] train = withText(split.train(), embeddings);
    int[] validation = withText(split.validation(), embeddings);
    if (train.length < 2 || validation.length == 0) {
      // no text to learn from: every lead gets the prior, and the head says so
      double[] p = new double[labels.length];
      Arrays.fill(p, prior);
      progress.update("head", steps, steps);
      return new Result(new OpportunityHead(new float[encoderDimension(embeddings)], 0, prior), p);
    }

    double bestL2 = L2_GRID[0];
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double l2 : L2_GRID) {
      LogisticRegression.Fit fit = fitOn(train, embeddings, labels, l2);
      double[] predicted = new double[validation.length];
      for (int k = 0; k < validation.length; k++) {
        predicted[k] = fit.probability(toDouble(embeddings[validation[k]]));
      }
      double loss = ClassificationMetrics.logLoss(predicted, Rows.select(labels, validation));
      if (loss < bestLoss) {
        bestLoss = loss;
        bestL2 = l2;
      }
      progress.update("head", ++step, steps);
    }

    double[] p = new double[labels.length];
    Arrays.fill(p, prior);
    int[] trainRows = split.train();
    for (int fold = 0; fold < FOLDS; fold++) {
      int current = fold;
      int[] fitRows =
          IntStream.range(0, trainRows.length)
              .filter(k -> k % FOLDS != current)
              .map(k -> trainRows[k])
              .toArray();
      LogisticRegression.Fit fit = fitOn(withText(fitRows, embeddings), embeddings, labels, bestL2);
      for (int k = fold; k < trainRows.length; k += FOLDS) {
        int row = trainRows[k];
        if (embeddings[row] != null) {
          p[row] = fit.probability(toDouble(embeddings[row]));
        }
      }
      progress.update("head", ++step, steps);
    }

    LogisticRegression.Fit fit = fitOn(train, embeddings, labels, bestL2);
    float[] weights = new float[fit.weights().length];
    for (int j = 0; j < weights.length; j++) {
      weights[j] = (float) fit.weights()[j];
    }
    OpportunityHead head = new OpportunityHead(weights, fit.bias(), prior);
    for (int[] rows : List.of(split.validation(), split.holdOut())) {
      for (int row : rows) {
        if (embeddings[row] != null) {
          p[row] = head.probability(embeddings[row]);
        }
      }
    }
    progress.update("head", ++step, steps);
    return new Result(head, p);
  }

  private int encoderDimension(float[][] embeddings) {
    for (float[] embedding : embeddings) {
      if (embedding != null) {
        return embedding.length;
      }
    }
    return encoder.spec().dimension();
  }

  private static LogisticRegression.Fit fitOn(
      int[] rows, float[][] embeddings, boolean[] labels, double l2) {
    double[][] x = new double[rows.length][];
    for (int k = 0; k < rows.length; k++) {
      x[k] = toDouble(embeddings[rows[k]]);
    }
    return LogisticRegression.fit(x, Rows.select(labels, rows), l2);
  }

  private static int[] withText(int[] rows, float[][] embeddings) {
    return IntStream.of(rows).filter(r -> embeddings[r] != null).toArray();
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
