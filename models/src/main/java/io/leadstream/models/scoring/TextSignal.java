package io.leadstream.models.scoring;

/**
 * What the text model read from a lead's free text.
 *
 * @param opportunityProbability p(opportunity) in [0, 1]
 * @param unknownTokenRatio share of the text's tokens the encoder's vocabulary does not know
 */
public record TextSignal(double opportunityProbability, double unknownTokenRatio) {}
