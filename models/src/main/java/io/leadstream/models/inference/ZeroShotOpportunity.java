package io.leadstream.models.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.leadstream.models.bundle.BundleException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Zero-shot p(opportunity) from a T5-style encoder-decoder (Flan-T5), for teams with no
 * labelled history: the lead text goes into an instruction prompt, the encoder reads it, the
 * decoder takes ONE step from the start token, and the softmax over the answer tokens only
 * (yes and no pieces, casings merged) gives p(yes) = p(opportunity). No training, no generation.
 *
 * <p>Thread-safe: calls are serialized on this instance (one encoder call plus one decoder step
 * per batch). Stream threads that need parallel zero-shot scoring load one instance each. Not
 * wired into bundles yet.
 */
public final class ZeroShotOpportunity implements AutoCloseable {

  /** Larger inputs are split into model calls of at most this many texts. */
  public static final int MAX_BATCH = 16;

  private final ZeroShotSpec spec;
  private final HuggingFaceTokenizer tokenizer;
  private final Model encoder;
  private final Model decoder;
  private final long[] yesIds;
  private final long[] noIds;

  private ZeroShotOpportunity(
      ZeroShotSpec spec,
      HuggingFaceTokenizer tokenizer,
      Model encoder,
      Model decoder,
      long[] yesIds,
      long[] noIds) {
    this.spec = spec;
    this.tokenizer = tokenizer;
    this.encoder = encoder;
    this.decoder = decoder;
    this.yesIds = yesIds;
    this.noIds = noIds;
  }

  /**
   * Resolves the files through {@code source} and loads encoder and decoder step.
   *
   * @throws BundleException when the engine is not PyTorch or absent, the prompt has no {@code
   *     {text}}, an answer piece is not in the vocabulary, or a file is missing or altered
   */
  public static ZeroShotOpportunity load(ZeroShotSpec spec, ModelSource source) {
    DjlSettings.ensureOffline();
    DjlSettings.ensurePyTorchGraphOptimizerOff();
    if (!"PyTorch".equals(spec.engine())) {
      throw new BundleException(
          "zero-shot: engine '" + spec.engine() + "' is not supported, only PyTorch (TorchScript)");
    }
    if (!Engine.hasEngine(spec.engine())) {
      throw new BundleException("zero-shot: engine PyTorch is not on the class path");
    }
    if (spec.promptTemplate() == null
        || !spec.promptTemplate().contains(ZeroShotSpec.TEXT_PLACEHOLDER)) {
      throw new BundleException(
          "zero-shot: promptTemplate must contain " + ZeroShotSpec.TEXT_PLACEHOLDER);
    }
    Path tokenizerFile = source.resolve(spec.tokenizer());
    Path encoderFile = source.resolve(spec.encoder());
    Path decoderFile = source.resolve(spec.decoderStep());
    long[] yes;
    long[] no;
    HuggingFaceTokenizer tokenizer;
    try {
      TokenizerVocabulary vocabulary = TokenizerVocabulary.read(tokenizerFile, null);
      yes = answerIds(vocabulary, spec.yesAnswers(), spec, "yesAnswers");
      no = answerIds(vocabulary, spec.noAnswers(), spec, "noAnswers");
      tokenizer = PaddedBatch.tokenizer(tokenizerFile, spec.maxTokens());
    } catch (IOException | RuntimeException e) {
      if (e instanceof BundleException b) {
        throw b;
      }
      throw new BundleException(spec.tokenizer().source() + ": cannot load tokenizer: " + e, e);
    }
    Model encoder = null;
    Model decoder = null;
    try {
      encoder = loadModel(encoderFile, spec.engine());
      decoder = loadModel(decoderFile, spec.engine());
      return new ZeroShotOpportunity(spec, tokenizer, encoder, decoder, yes, no);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (encoder != null) {
        encoder.close();
      }
      tokenizer.close();
      String file = encoder == null ? spec.encoder().source() : spec.decoderStep().source();
      throw new BundleException(file + ": cannot load zero-shot model: " + e, e);
    }
  }

  private static Model loadModel(Path file, String engine)
      throws IOException, MalformedModelException {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    String name = dot > 0 ? fileName.substring(0, dot) : fileName;
    Model model = Model.newInstance(name, engine);
    try {
      model.load(file.getParent(), name, Map.of());
      return model;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static long[] answerIds(
      TokenizerVocabulary vocabulary, List<String> pieces, ZeroShotSpec spec, String field) {
    if (pieces == null || pieces.isEmpty()) {
      throw new BundleException("zero-shot: " + field + " is empty");
    }
    long[] ids = new long[pieces.size()];
    for (int i = 0; i < ids.length; i++) {
      String piece = pieces.get(i);
      ids[i] =
          vocabulary
              .id(piece)
              .orElseThrow(
                  () ->
                      new BundleException(
                          spec.tokenizer().source() + ": " + field + " piece '" + piece
                              + "' is not in the vocabulary"));
    }
    return ids;
  }

  /** p(opportunity) of one lead text. */
  public double probability(String text) {
    return probabilities(List.of(text))[0];
  }

  /**
   * p(opportunity) for each text, in order. Texts are padded into batches of at most {@link
   * #MAX_BATCH}; the encoder attention mask keeps padding out of every text's result.
   *
   * @throws TextEncodingException when a model fails
   */
  public synchronized double[] probabilities(List<String> texts) {
    double[] out = new double[texts.size()];
    for (int from = 0; from < texts.size(); from += MAX_BATCH) {
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + MAX_BATCH));
      double[] part = run(chunk);
      System.arraycopy(part, 0, out, from, part.length);
    }
    return out;
  }

  private double[] run(List<String> texts) {
    List<String> prompts = new ArrayList<>(texts.size());
    for (String text : texts) {
      prompts.add(spec.prompt(text));
    }
    PaddedBatch padded = PaddedBatch.of(tokenizer.batchEncode(prompts));
    int batch = padded.batch();
    int length = padded.length();
    long[] ids = padded.ids();
    long[] mask = padded.mask();
    long[] start = new long[batch];
    Arrays.fill(start, spec.decoderStartTokenId());

    try (NDManager manager = encoder.getNDManager().newSubManager()) {
      ParameterStore parameters = new ParameterStore(manager, false);
      NDArray inputIds = manager.create(ids, new Shape(batch, length));
      NDArray attentionMask = manager.create(mask, new Shape(batch, length));
      NDList hidden =
          forward(encoder.getBlock(), parameters, new NDList(inputIds, attentionMask));
      NDArray decoderInput = manager.create(start, new Shape(batch, 1));
      NDList logits =
          forward(
              decoder.getBlock(),
              parameters,
              new NDList(decoderInput, hidden.get(0), attentionMask));
      NDArray all = logits.get(0);
      Shape shape = all.getShape();
      if (shape.dimension() != 3 || shape.get(0) != batch || shape.get(1) != 1) {
        throw new TextEncodingException(
            "decoder step returned logits of shape " + shape + ", expected (" + batch
                + ", 1, vocabulary)",
            null);
      }
      int vocabulary = (int) shape.get(2);
      float[] values = all.toFloatArray();
      double[] out = new double[batch];
      for (int b = 0; b < batch; b++) {
        out[b] = yesProbability(values, b * vocabulary, vocabulary);
      }
      return out;
    }
  }

  private static NDList forward(Block block, ParameterStore parameters, NDList inputs) {
    try {
      return block.forward(parameters, inputs, false);
    } catch (RuntimeException e) {
      throw new TextEncodingException("zero-shot model call failed: " + e.getMessage(), e);
    }
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

  public ZeroShotSpec spec() {
    return spec;
  }

  @Override
  public void close() {
    encoder.close();
    decoder.close();
    tokenizer.close();
  }
}
