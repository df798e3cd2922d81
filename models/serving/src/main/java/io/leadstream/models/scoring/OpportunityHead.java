package io.leadstream.models.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Arrays;

/**
 * Logistic regression on a text embedding: {@code p = sigmoid(w . x + b)}. Immutable and
 * thread-safe. Stored as JSON: {@code {"format", "dimension", "bias", "prior", "weights"}}.
 */
public final class OpportunityHead {

  /** Format tag written into and required from the JSON file. */
  public static final String FORMAT = "leadstream-logistic-head/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final float[] weights;
  private final double bias;
  private final double prior;

  /**
   * @param weights one weight per embedding dimension
   * @param bias intercept, in log-odds
   * @param prior p(opportunity) to report for a lead without text (the training base rate)
   */
  public OpportunityHead(float[] weights, double bias, double prior) {
    this.weights = weights.clone();
    this.bias = bias;
    this.prior = prior;
  }

  /** p(opportunity) for one embedding. */
  public double probability(float[] embedding) {
    return sigmoid(logit(embedding));
  }

  /** The log-odds {@code w . x + b}. */
  public double logit(float[] embedding) {
    if (embedding.length != weights.length) {
      throw new IllegalArgumentException(
          "embedding has " + embedding.length + " dimensions, head expects " + weights.length);
    }
    double sum = bias;
    for (int i = 0; i < weights.length; i++) {
      sum += (double) weights[i] * embedding[i];
    }
    return sum;
  }

  public int dimension() {
    return weights.length;
  }

  public double bias() {
    return bias;
  }

  public double prior() {
    return prior;
  }

  public float[] weights() {
    return weights.clone();
  }

  /** The head as JSON bytes. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(new Stored(FORMAT, weights.length, bias, prior, weights));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize head", e);
    }
  }

  /**
   * Reads a head from JSON bytes.
   *
   * @throws IllegalArgumentException when the bytes are not a head of this format
   */
  public static OpportunityHead fromJson(byte[] json) {
    Stored stored;
    try {
      stored = JSON.readValue(json, Stored.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a head JSON: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(stored.format())) {
      throw new IllegalArgumentException(
          "head format '" + stored.format() + "', expected " + FORMAT);
    }
    if (stored.weights() == null || stored.weights().length != stored.dimension()) {
      throw new IllegalArgumentException(
          "head has "
              + (stored.weights() == null ? 0 : stored.weights().length)
              + " weights for dimension "
              + stored.dimension());
    }
    return new OpportunityHead(stored.weights(), stored.bias(), stored.prior());
  }

  static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  @Override
  public String toString() {
    return "OpportunityHead[dimension="
        + weights.length
        + ", bias="
        + bias
        + ", prior="
        + prior
        + ", w[0..3]="
        + Arrays.toString(Arrays.copyOf(weights, Math.min(3, weights.length)))
        + "]";
  }

  record Stored(String format, int dimension, double bias, double prior, float[] weights) {}
}
