package io.leadstream.models.inference;

/**
 * One text as the encoder read it.
 *
 * @param vector the pooled embedding, unit L2 norm when the encoder normalizes
 * @param unknownTokenRatio share of the text's tokens (special tokens excluded) that the vocabulary
 *     does not know; 0 for a text without tokens
 * @param tokens number of tokens read, special tokens included, after truncation
 * @param tokenizeNanos this text's share of the time spent tokenizing its batch
 */
public record TextEmbedding(
    float[] vector, double unknownTokenRatio, int tokens, long tokenizeNanos) {}
