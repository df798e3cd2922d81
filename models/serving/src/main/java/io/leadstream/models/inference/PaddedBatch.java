package io.leadstream.models.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Tokenized texts padded to the longest of them, row-major: what a transformer encoder takes as
 * {@code input_ids}, {@code attention_mask} and {@code token_type_ids} of shape (batch, length).
 * Padding is id 0 with mask 0: the attention mask keeps it out of every text's result, whatever the
 * tokenizer's own padding id.
 */
record PaddedBatch(
    Encoding[] encodings, int batch, int length, long[] ids, long[] mask, long[] types) {

  static PaddedBatch of(Encoding[] encodings) {
    int batch = encodings.length;
    int length = 0;
    for (Encoding encoding : encodings) {
      length = Math.max(length, encoding.getIds().length);
    }
    long[] ids = new long[batch * length];
    long[] mask = new long[batch * length];
    long[] types = new long[batch * length];
    for (int b = 0; b < batch; b++) {
      long[] rowIds = encodings[b].getIds();
      System.arraycopy(rowIds, 0, ids, b * length, rowIds.length);
      System.arraycopy(encodings[b].getAttentionMask(), 0, mask, b * length, rowIds.length);
      System.arraycopy(encodings[b].getTypeIds(), 0, types, b * length, rowIds.length);
    }
    return new PaddedBatch(encodings, batch, length, ids, mask, types);
  }

  /** The shape of each model input: (batch, length). */
  Shape shape() {
    return new Shape(batch, length);
  }

  /**
   * A tokenizer that adds special tokens and truncates to {@code maxTokens}; with {@code lowercase}
   * it lower-cases texts first. It does not pad: {@link #of} does.
   */
  static HuggingFaceTokenizer tokenizer(Path file, int maxTokens, boolean lowercase)
      throws IOException {
    HuggingFaceTokenizer.Builder builder = HuggingFaceTokenizer.builder();
    // DJL otherwise caps the length at its own model maximum, 512, whatever maxLength says
    builder.configure(Map.of("modelMaxLength", maxTokens));
    return builder
        .optTokenizerPath(file)
        // "true" would lower-case in the default locale (Turkish dotless i); "und" is Locale.ROOT
        .optDoLowerCase(lowercase ? Locale.ROOT.toLanguageTag() : "false")
        .optAddSpecialTokens(true)
        .optMaxLength(maxTokens)
        .optTruncation(true)
        .build();
  }
}
