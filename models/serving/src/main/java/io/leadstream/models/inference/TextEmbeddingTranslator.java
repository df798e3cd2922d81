package io.leadstream.models.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts in, pooled embeddings out, for transformer encoders that return token vectors.
 *
 * <p>A batch runs as one padded model call; pooling reads the attention mask, so padding never
 * changes a text's vector. The model inputs are built from the names the {@link EncoderSpec} lists,
 * in that order. Pooling and normalization run on plain arrays, because the ONNX Runtime engine
 * implements few NDArray operators.
 */
public final class TextEmbeddingTranslator extends PaddedBatchTranslator<TextEmbedding> {

  private static final String ATTENTION_MASK = "leadstream.attentionMask";
  private static final String UNKNOWN_RATIO = "leadstream.unknownRatio";
  private static final String TOKENIZE_NANOS = "leadstream.tokenizeNanos";

  private final EncoderSpec spec;
  private final long unknownId;

  /**
   * @param tokenizer configured with truncation to {@code spec.maxTokens()}
   * @param spec input names, output name, pooling, dimension and normalization
   */
  public TextEmbeddingTranslator(HuggingFaceTokenizer tokenizer, EncoderSpec spec) {
    this(tokenizer, spec, -1);
  }

  /**
   * @param unknownId id of the unknown token, or -1 to recognize it by its text {@code
   *     spec.unknownToken()} only (which misses Unigram tokenizers such as T5's: they report an
   *     unknown stretch with its original characters as token text)
   */
  public TextEmbeddingTranslator(HuggingFaceTokenizer tokenizer, EncoderSpec spec, long unknownId) {
    super(tokenizer);
    this.spec = spec;
    this.unknownId = unknownId;
  }

  @Override
  public NDList batchProcessInput(TranslatorContext ctx, List<String> inputs) {
    long started = System.nanoTime();
    PaddedBatch padded = tokenize(inputs);
    ctx.setAttachment(TOKENIZE_NANOS, (System.nanoTime() - started) / Math.max(1, inputs.size()));
    int batch = padded.batch();
    int length = padded.length();
    long[] ids = padded.ids();
    long[] mask = padded.mask();
    long[] types = padded.types();
    double[] unknownRatios = new double[batch];
    for (int b = 0; b < batch; b++) {
      unknownRatios[b] = unknownRatio(padded.encodings()[b]);
    }
    ctx.setAttachment(ATTENTION_MASK, new int[] {batch, length});
    ctx.setAttachment(ATTENTION_MASK + ".values", mask);
    ctx.setAttachment(UNKNOWN_RATIO, unknownRatios);

    NDManager manager = ctx.getNDManager();
    Shape shape = padded.shape();
    NDList list = new NDList(spec.inputs().size());
    for (String name : spec.inputs()) {
      long[] values =
          switch (name) {
            case "input_ids" -> ids;
            case "attention_mask" -> mask;
            case "token_type_ids" -> types;
            default -> throw new IllegalArgumentException("unknown encoder input " + name);
          };
      NDArray array = manager.create(values, shape);
      array.setName(name);
      list.add(array);
    }
    return list;
  }

  @Override
  public List<TextEmbedding> batchProcessOutput(TranslatorContext ctx, NDList list) {
    int[] dims = (int[]) ctx.getAttachment(ATTENTION_MASK);
    long[] mask = (long[]) ctx.getAttachment(ATTENTION_MASK + ".values");
    double[] unknownRatios = (double[]) ctx.getAttachment(UNKNOWN_RATIO);
    long tokenizeNanos = (Long) ctx.getAttachment(TOKENIZE_NANOS);
    int batch = dims[0];
    int length = dims[1];

    NDArray hidden = spec.output() == null ? list.get(0) : list.get(spec.output());
    if (hidden == null) {
      hidden = list.get(0);
    }
    Shape shape = hidden.getShape();
    int dim = (int) shape.get(2);
    if (shape.get(0) != batch || shape.get(1) != length || dim != spec.dimension()) {
      throw new IllegalStateException(
          "encoder output shape "
              + shape
              + ", expected ("
              + batch
              + ", "
              + length
              + ", "
              + spec.dimension()
              + ")");
    }
    float[] tokens = hidden.toFloatArray();
    List<TextEmbedding> out = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      float[] vector = pool(tokens, mask, b, length, dim);
      if (spec.normalize()) {
        normalize(vector);
      }
      int realTokens = 0;
      for (int t = 0; t < length; t++) {
        realTokens += (int) mask[b * length + t];
      }
      out.add(new TextEmbedding(vector, unknownRatios[b], realTokens, tokenizeNanos));
    }
    return out;
  }

  private float[] pool(float[] tokens, long[] mask, int row, int length, int dim) {
    float[] vector = new float[dim];
    int base = row * length * dim;
    if (spec.pooling() == Pooling.CLS) {
      System.arraycopy(tokens, base, vector, 0, dim);
      return vector;
    }
    double[] sum = new double[dim];
    long count = 0;
    for (int t = 0; t < length; t++) {
      if (mask[row * length + t] == 0) {
        continue;
      }
      count++;
      int offset = base + t * dim;
      for (int d = 0; d < dim; d++) {
        sum[d] += tokens[offset + d];
      }
    }
    double divisor = Math.max(count, 1);
    for (int d = 0; d < dim; d++) {
      vector[d] = (float) (sum[d] / divisor);
    }
    return vector;
  }

  private static void normalize(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += (double) v * v;
    }
    norm = Math.sqrt(norm);
    if (norm < 1e-12) {
      return;
    }
    for (int d = 0; d < vector.length; d++) {
      vector[d] = (float) (vector[d] / norm);
    }
  }

  private double unknownRatio(Encoding encoding) {
    return UnknownTokens.ratio(encoding, unknownId, spec.unknownToken());
  }
}
