package io.leadstream.models.inference;

import ai.djl.huggingface.tokenizers.Encoding;

/**
 * Counts how much of a tokenized text the vocabulary does not know: unknown tokens over all tokens
 * read, special tokens ({@code </s>}, {@code [CLS]}) and padding excluded.
 */
final class UnknownTokens {
  private UnknownTokens() {}

  /**
   * @param unknownId id of the unknown token, or -1 to recognize it by {@code unknownToken} only
   *     (which misses Unigram tokenizers such as T5's: they report an unknown stretch with its
   *     original characters as token text)
   * @param unknownToken text of the unknown token ({@code [UNK]}); may be null
   * @return the share of unknown tokens, 0 for a text without tokens
   */
  static double ratio(Encoding encoding, long unknownId, String unknownToken) {
    String[] tokens = encoding.getTokens();
    long[] ids = encoding.getIds();
    long[] special = encoding.getSpecialTokenMask();
    long[] attention = encoding.getAttentionMask();
    int words = 0;
    int unknown = 0;
    for (int i = 0; i < tokens.length; i++) {
      if (attention[i] == 0) {
        continue;
      }
      boolean isUnknown = (unknownId >= 0 && ids[i] == unknownId) || tokens[i].equals(unknownToken);
      if (special[i] != 0 && !isUnknown) {
        continue;
      }
      words++;
      if (isUnknown) {
        unknown++;
      }
    }
    return words == 0 ? 0.0 : (double) unknown / words;
  }
}
