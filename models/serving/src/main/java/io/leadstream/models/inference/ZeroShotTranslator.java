package io.leadstream.models.inference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lead texts in, p(yes) out, for an {@link EncoderDecoderStep}: each text goes into the spec's
 * prompt, the prompts are tokenized and padded into one batch, the decoder input is the start
 * token, and the logits of that one step become {@code softmax over the answer pieces only}, the
 * yes pieces summed. Stateless and shareable.
 */
final class ZeroShotTranslator extends PaddedBatchTranslator<Double> {

  private static final String BATCH = "leadstream.zeroShot.batch";

  private final ZeroShotSpec spec;
  private final long[] yesIds;
  private final long[] noIds;

  /**
   * @param tokenizer configured with truncation to {@code spec.maxTokens()}
   */
  ZeroShotTranslator(
      HuggingFaceTokenizer tokenizer, ZeroShotSpec spec, long[] yesIds, long[] noIds) {
    super(tokenizer);
    this.spec = spec;
    this.yesIds = yesIds.clone();
    this.noIds = noIds.clone();
  }

  /** This translator with another instruction prompt. */
  ZeroShotTranslator withPromptTemplate(String template) {
    return new ZeroShotTranslator(tokenizer(), spec.withPromptTemplate(template), yesIds, noIds);
  }

  @Override
  public NDList batchProcessInput(TranslatorContext ctx, List<String> texts) {
    List<String> prompts = new ArrayList<>(texts.size());
    for (String text : texts) {
      prompts.add(spec.prompt(text));
    }
    PaddedBatch padded = tokenize(prompts);
    int batch = padded.batch();
    long[] start = new long[batch];
    Arrays.fill(start, spec.decoderStartTokenId());
    ctx.setAttachment(BATCH, batch);
    NDManager manager = ctx.getNDManager();
    return new NDList(
        manager.create(padded.ids(), padded.shape()),
        manager.create(padded.mask(), padded.shape()),
        manager.create(start, new Shape(batch, 1)));
  }

  @Override
  public List<Double> batchProcessOutput(TranslatorContext ctx, NDList list) {
    int batch = (Integer) ctx.getAttachment(BATCH);
    NDArray logits = list.get(0);
    Shape shape = logits.getShape();
    if (shape.dimension() != 3 || shape.get(0) != batch || shape.get(1) != 1) {
      throw new TextEncodingException(
          "decoder step returned logits of shape "
              + shape
              + ", expected ("
              + batch
              + ", 1, vocabulary)",
          null);
    }
    int vocabulary = (int) shape.get(2);
    float[] values = logits.toFloatArray();
    List<Double> out = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      out.add(yesProbability(values, b * vocabulary, vocabulary));
    }
    return out;
  }

  /** Softmax over the answer tokens only; the yes pieces' probabilities summed. */
  private double yesProbability(float[] logits, int offset, int vocabulary) {
    double max = Double.NEGATIVE_INFINITY;
    for (long id : yesIds) {
      max = Math.max(max, logit(logits, offset, vocabulary, id));
    }
    for (long id : noIds) {
      max = Math.max(max, logit(logits, offset, vocabulary, id));
    }
    double yes = 0;
    double no = 0;
    for (long id : yesIds) {
      yes += Math.exp(logit(logits, offset, vocabulary, id) - max);
    }
    for (long id : noIds) {
      no += Math.exp(logit(logits, offset, vocabulary, id) - max);
    }
    return yes / (yes + no);
  }

  private static double logit(float[] logits, int offset, int vocabulary, long id) {
    if (id >= vocabulary) {
      throw new TextEncodingException(
          "answer token id " + id + " outside the decoder's vocabulary of " + vocabulary, null);
    }
    return logits[offset + (int) id];
  }
}
