package io.leadstream.models.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtException;
import io.leadstream.models.BundleException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Zero-shot p(opportunity) from a T5-style encoder-decoder (Flan-T5), for teams with no labelled
 * history: the lead text goes into an instruction prompt, the encoder reads it, the decoder takes
 * ONE step from the start token, and the softmax over the answer tokens only (yes and no pieces,
 * casings merged) gives p(yes) = p(opportunity). No training, no generation.
 *
 * <p>Thread-safe and shared: the models are loaded once; each thread runs them through its own
 * {@link ZeroShotPredictor} ({@link #newPredictor()}), which owns a DJL predictor over the encoder
 * and the decoder step ({@link EncoderDecoderStep}). A bundle manifest selects it with its {@code
 * zeroShot} section instead of the trained opportunity head.
 *
 * <p>The two models run on TorchScript ({@code PyTorch}) or ONNX ({@code OnnxRuntime}, e.g. the
 * transformers.js layout of Xenova's Flan-T5 repositories); {@link DecoderNames} tell the decoder's
 * inputs apart.
 */
public final class ZeroShotOpportunity implements AutoCloseable {

  /** Larger inputs are split into model calls of at most this many texts. */
  public static final int MAX_BATCH = 16;

  private final ZeroShotSpec spec;
  private final HuggingFaceTokenizer tokenizer;
  private final long unknownId;
  private final Model encoder;
  private final Model decoder;
  private final Model step;
  private final ZeroShotTranslator translator;

  private ZeroShotOpportunity(
      ZeroShotSpec spec,
      HuggingFaceTokenizer tokenizer,
      long unknownId,
      Model encoder,
      Model decoder,
      Model step,
      ZeroShotTranslator translator) {
    this.spec = spec;
    this.tokenizer = tokenizer;
    this.unknownId = unknownId;
    this.encoder = encoder;
    this.decoder = decoder;
    this.step = step;
    this.translator = translator;
  }

  /**
   * Resolves the files through {@code source} and loads encoder and decoder step with the engine's
   * defaults.
   *
   * @throws BundleException when the engine is neither PyTorch nor OnnxRuntime or is absent, the
   *     prompt has no {@code {text}}, an answer piece is not in the vocabulary, or a file is
   *     missing or altered
   */
  public static ZeroShotOpportunity load(ZeroShotSpec spec, ModelSource source) {
    return load(spec, source, InferenceOptions.ENGINE_DEFAULT);
  }

  /**
   * Loads as {@link #load(ZeroShotSpec, ModelSource)} does; ONNX Runtime models use the CPU as
   * {@code options} say (PyTorch's thread pools are process-wide, see {@link EncoderModel}).
   */
  public static ZeroShotOpportunity load(
      ZeroShotSpec spec, ModelSource source, InferenceOptions options) {
    DjlSettings.ensureOffline();
    DjlSettings.ensurePyTorchGraphOptimizerOff();
    if (!EncoderModel.KNOWN_ENGINES.contains(spec.engine())) {
      throw new BundleException(
          "zero-shot: engine '"
              + spec.engine()
              + "' is not supported, expected one of "
              + EncoderModel.KNOWN_ENGINES);
    }
    if (!Engine.hasEngine(spec.engine())) {
      throw new BundleException("zero-shot: engine " + spec.engine() + " is not on the class path");
    }
    if (spec.promptTemplate() == null
        || !spec.promptTemplate().contains(ZeroShotSpec.TEXT_PLACEHOLDER)) {
      throw new BundleException(
          "zero-shot: promptTemplate must contain " + ZeroShotSpec.TEXT_PLACEHOLDER);
    }
    if (!(spec.prior() >= 0 && spec.prior() <= 1)) {
      throw new BundleException("zero-shot: prior " + spec.prior() + " is not in [0, 1]");
    }
    if (spec.encoder() == null || spec.decoderStep() == null || spec.tokenizer() == null) {
      throw new BundleException("zero-shot: 'encoder', 'decoderStep' and 'tokenizer' are required");
    }
    Path tokenizerFile = source.resolve(spec.tokenizer());
    Path encoderFile = source.resolve(spec.encoder());
    Path decoderFile = source.resolve(spec.decoderStep());
    long[] yes;
    long[] no;
    long unknownId;
    long highestId;
    HuggingFaceTokenizer tokenizer;
    try {
      TokenizerVocabulary vocabulary = TokenizerVocabulary.read(tokenizerFile, null);
      yes = answerIds(vocabulary, spec.yesAnswers(), spec, "yesAnswers");
      no = answerIds(vocabulary, spec.noAnswers(), spec, "noAnswers");
      unknownId = vocabulary.unknownId().orElse(-1);
      highestId = vocabulary.highestId();
      tokenizer = PaddedBatch.tokenizer(tokenizerFile, spec.maxTokens(), false);
    } catch (IOException | RuntimeException e) {
      if (e instanceof BundleException b) {
        throw b;
      }
      throw new BundleException(spec.tokenizer().source() + ": cannot load tokenizer: " + e, e);
    }
    Model encoder = null;
    Model decoder = null;
    Model step = null;
    try {
      encoder = loadModel(encoderFile, spec.engine(), options);
      TokenIdProbe.check(
          encoder, List.of("input_ids", "attention_mask"), highestId, spec.tokenizer());
      decoder = loadModel(decoderFile, spec.engine(), options);
      step = Model.newInstance("zero-shot-step", spec.engine());
      step.setBlock(
          new EncoderDecoderStep(encoder.getBlock(), decoder.getBlock(), spec.decoderNames()));
      ZeroShotOpportunity loaded =
          new ZeroShotOpportunity(
              spec,
              tokenizer,
              unknownId,
              encoder,
              decoder,
              step,
              new ZeroShotTranslator(tokenizer, spec, yes, no));
      loaded.probe();
      return loaded;
    } catch (IOException | MalformedModelException | OrtException | RuntimeException e) {
      for (Model model : new Model[] {step, decoder, encoder}) {
        if (model != null) {
          model.close();
        }
      }
      tokenizer.close();
      if (e instanceof BundleException b) {
        throw b;
      }
      String file = encoder == null ? spec.encoder().source() : spec.decoderStep().source();
      throw new BundleException(file + ": cannot load zero-shot model: " + e, e);
    }
  }

  /**
   * Runs one empty lead through both models, so a decoder export of the wrong shape or with too
   * small a vocabulary fails at load rather than on the first lead.
   */
  private void probe() {
    try (ZeroShotPredictor predictor = newPredictor()) {
      predictor.probability("");
    }
  }

  private static Model loadModel(Path file, String engine, InferenceOptions options)
      throws IOException, MalformedModelException, OrtException {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    String name = dot > 0 ? fileName.substring(0, dot) : fileName;
    Model model = Model.newInstance(name, engine);
    try {
      model.load(file.getParent(), name, EncoderModel.loadOptions(engine, options));
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
                          spec.tokenizer().source()
                              + ": "
                              + field
                              + " piece '"
                              + piece
                              + "' is not in the vocabulary"));
    }
    return ids;
  }

  /** Opens a predictor for one thread; close it before this model. */
  public ZeroShotPredictor newPredictor() {
    return new ZeroShotPredictor(this, step.newPredictor(translator));
  }

  /**
   * Opens a predictor for one thread that asks {@code promptTemplate} instead of the spec's prompt,
   * with the same models and answers: for comparing prompts without loading the models again.
   *
   * @throws IllegalArgumentException when the template has no {@code {text}}
   */
  public ZeroShotPredictor newPredictor(String promptTemplate) {
    if (promptTemplate == null || !promptTemplate.contains(ZeroShotSpec.TEXT_PLACEHOLDER)) {
      throw new IllegalArgumentException(
          "prompt template must contain " + ZeroShotSpec.TEXT_PLACEHOLDER + ": " + promptTemplate);
    }
    return new ZeroShotPredictor(
        this, step.newPredictor(translator.withPromptTemplate(promptTemplate)));
  }

  /** p(opportunity) of one lead text, through a short-lived predictor. */
  public double probability(String text) {
    return probabilities(List.of(text))[0];
  }

  /**
   * p(opportunity) for each text, in order, through a short-lived predictor; threads that score
   * many texts keep their own {@link #newPredictor()} instead.
   *
   * @throws TextEncodingException when a model fails
   */
  public double[] probabilities(List<String> texts) {
    try (ZeroShotPredictor predictor = newPredictor()) {
      return predictor.probabilities(texts);
    }
  }

  /**
   * Share of the lead text's own tokens (not the prompt's) that the vocabulary does not know,
   * special tokens excluded; 0 for a text without tokens. Counted on the first {@code maxTokens}
   * tokens.
   */
  public double unknownTokenRatio(String text) {
    return UnknownTokens.ratio(tokenizer.encode(text == null ? "" : text), unknownId, null);
  }

  public ZeroShotSpec spec() {
    return spec;
  }

  /** Releases models and tokenizer; predictors opened from this instance must be closed first. */
  @Override
  public void close() {
    try {
      step.close();
      decoder.close();
      encoder.close();
    } finally {
      tokenizer.close();
    }
  }
}
