package io.leadstream.models.scoring;

/**
 * What the text model read from a lead's free text.
 *
 * @param opportunityProbability p(opportunity) in [0, 1]; the head's prior when the text is blank
 *     or not readable
 * @param unknownTokenRatio share of the text's tokens the encoder's vocabulary does not know
 */
public record TextSignal(double opportunityProbability, double unknownTokenRatio) {

  /**
   * Above this share of unknown tokens a text is not read: its embedding would mostly encode the
   * unknown token, so p(opportunity) falls back to the head's prior instead of scoring garbage.
   */
  public static final double MAX_UNKNOWN_RATIO = 0.3;

  /** False when the encoder's vocabulary misses too much of the text to read it. */
  public boolean readable() {
    return readable(unknownTokenRatio);
  }

  /** Whether a text with this share of unknown tokens is read at all. */
  public static boolean readable(double unknownTokenRatio) {
    return unknownTokenRatio <= MAX_UNKNOWN_RATIO;
  }
}
