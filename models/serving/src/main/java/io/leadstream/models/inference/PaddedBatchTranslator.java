package io.leadstream.models.inference;

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
   * @param tokenizer configured with truncation to the model's longest input and padding to the
   *     longest text of a batch
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

  /** The texts tokenized together and padded to the longest of them. */
  final PaddedBatch tokenize(List<String> texts) {
    return PaddedBatch.of(tokenizer.batchEncode(texts));
  }
}
