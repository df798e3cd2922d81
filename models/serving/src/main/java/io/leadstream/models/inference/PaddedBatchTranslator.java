package io.leadstream.models.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * A translator of texts that tokenizes a batch together and pads it to its longest member, so it
 * runs as one model call; a single text runs as a batch of one. Subclasses build their model inputs
 * from the {@link PaddedBatch} and read their own outputs.
 */
abstract class PaddedBatchTranslator<O> implements Translator<String, O> {

  private final HuggingFaceTokenizer tokenizer;

  /**
   * @param tokenizer configured with truncation to the model's longest input
   */
  PaddedBatchTranslator(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  @Override
  public final NDList processInput(TranslatorContext ctx, String input) {
    return batchProcessInput(ctx, List.of(input));
  }

  @Override
  public final O processOutput(TranslatorContext ctx, NDList list) {
    return batchProcessOutput(ctx, list).get(0);
  }

  /** Not used for splitting: batches are built and unbuilt by the batch methods. */
  @Override
  public final Batchifier getBatchifier() {
    return Batchifier.STACK;
  }

  /** Declared again without a default: the single-text methods call it. */
  @Override
  public abstract NDList batchProcessInput(TranslatorContext ctx, List<String> inputs);

  /** Declared again without a default: the single-text methods call it. */
  @Override
  public abstract List<O> batchProcessOutput(TranslatorContext ctx, NDList list);

  final HuggingFaceTokenizer tokenizer() {
    return tokenizer;
  }

  /**
   * The texts tokenized and padded to the longest of them. Each text is tokenized in a call of its
   * own: DJL's {@code batchEncode} turns a tokenizer error on any one text into a Rust panic that
   * aborts the whole JVM, where {@code encode} throws it, so the pipeline can tell which record's
   * text failed.
   */
  final PaddedBatch tokenize(List<String> texts) {
    Encoding[] encodings = new Encoding[texts.size()];
    for (int i = 0; i < encodings.length; i++) {
      encodings[i] = tokenizer.encode(texts.get(i));
    }
    return PaddedBatch.of(encodings);
  }
}
