package io.leadstream.models.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.leadstream.models.BundleException;
import io.leadstream.models.inference.graph.EncoderGraphFusion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded text encoder: the model and tokenizer an {@link EncoderSpec} describes. Thread-safe and
 * shared; each thread runs it through its own {@link TextEncoder}.
 */
public final class EncoderModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EncoderModel.class);

  /** Engines a manifest may name. */
  public static final Set<String> KNOWN_ENGINES = Set.of("OnnxRuntime", "PyTorch");

  private final EncoderSpec spec;
  private final HuggingFaceTokenizer tokenizer;
  private final Model model;
  private final TextEmbeddingTranslator translator;

  private EncoderModel(
      EncoderSpec spec, HuggingFaceTokenizer tokenizer, long unknownId, Model model) {
    this.spec = spec;
    this.tokenizer = tokenizer;
    this.model = model;
    this.translator = new TextEmbeddingTranslator(tokenizer, spec, unknownId);
  }

  /**
   * Resolves the encoder's files through {@code source} and loads them with the named engine.
   *
   * @throws BundleException when the engine is unknown or absent, or a file is missing or altered
   */
  public static EncoderModel load(EncoderSpec spec, ModelSource source) {
    return load(spec, source, InferenceOptions.ENGINE_DEFAULT);
  }

  /** Loads as {@link #load(EncoderSpec, ModelSource)} does, with the given CPU use. */
  public static EncoderModel load(
      EncoderSpec spec, ModelSource source, InferenceOptions inference) {
    DjlSettings.ensureOffline();
    DjlSettings.ensurePyTorchGraphOptimizerOff();
    String engine = spec.engine();
    if (!KNOWN_ENGINES.contains(engine)) {
      throw new BundleException(
          "manifest.json: unknown encoder engine '"
              + engine
              + "', expected one of "
              + KNOWN_ENGINES);
    }
    if (!Engine.hasEngine(engine)) {
      throw new BundleException(
          "manifest.json: encoder engine '" + engine + "' is not on the class path");
    }
    Path modelFile = source.resolve(spec.model());
    Path tokenizerFile = source.resolve(spec.tokenizer());
    HuggingFaceTokenizer tokenizer;
    TokenizerVocabulary vocabulary;
    try {
      vocabulary = TokenizerVocabulary.read(tokenizerFile, spec.unknownToken());
      tokenizer = PaddedBatch.tokenizer(tokenizerFile, spec.maxTokens(), spec.lowercase());
    } catch (IOException | RuntimeException e) {
      throw new BundleException(spec.tokenizer().source() + ": cannot load tokenizer: " + e, e);
    }
    String name = stripExtension(modelFile.getFileName().toString());
    Model model = Model.newInstance(name, engine);
    try {
      loadGraph(model, modelFile, name, engine, inference, fused(modelFile, engine, inference));
    } catch (IOException | MalformedModelException | OrtException | RuntimeException e) {
      model.close();
      tokenizer.close();
      throw new BundleException(spec.model().source() + ": cannot load encoder model: " + e, e);
    }
    try {
      TokenIdProbe.check(model, spec.inputs(), vocabulary.highestId(), spec.tokenizer());
    } catch (BundleException e) {
      model.close();
      tokenizer.close();
      throw e;
    }
    return new EncoderModel(spec, tokenizer, vocabulary.unknownId().orElse(-1), model);
  }

  /**
   * Loads the fused graph where there is one ({@link EncoderGraphFusion}), else the file; also the
   * file, with a warning, if ONNX Runtime refuses the fused graph (a fusion is a speed-up, the file
   * is the model).
   */
  static void loadGraph(
      Model model,
      Path modelFile,
      String name,
      String engine,
      InferenceOptions inference,
      Optional<EncoderGraphFusion.Fused> fused)
      throws IOException, MalformedModelException, OrtException {
    if (fused.isPresent()) {
      try {
        model.load(new ByteArrayInputStream(fused.get().model()), loadOptions(engine, inference));
        LOG.info("{}: graph fused: {}", modelFile.getFileName(), fused.get());
        return;
      } catch (IOException | MalformedModelException | OrtException | RuntimeException e) {
        LOG.warn(
            "{}: ONNX Runtime refused the fused graph ({}); loading the file as it is",
            modelFile.getFileName(),
            e.toString());
      }
    }
    model.load(modelFile.getParent(), name, loadOptions(engine, inference));
  }

  private static Optional<EncoderGraphFusion.Fused> fused(
      Path modelFile, String engine, InferenceOptions inference) {
    if (!"OnnxRuntime".equals(engine) || !inference.graphFusion()) {
      return Optional.empty();
    }
    try {
      return EncoderGraphFusion.fuse(modelFile);
    } catch (OrtException e) {
      // a model ONNX Runtime cannot read fails again, with its own message, when loaded as it is
      LOG.debug("{}: not fused: {}", modelFile.getFileName(), e.toString());
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "{}: graph fusion failed ({}); loading the file as it is",
          modelFile.getFileName(),
          e.toString());
      return Optional.empty();
    }
  }

  /**
   * Engine options. ONNX Runtime's worker threads spin after each call by default, which is fastest
   * when the model runs alone but takes the cores from Kafka's threads in the pipeline; here they
   * sleep instead.
   *
   * <p>PyTorch (TorchScript) takes no per-model options: a model traced on CPU runs on CPU, and
   * libtorch's thread pools are process-wide, set by DJL's system properties {@code
   * ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads} before the engine
   * first loads; {@code intraOpThreads} is not applied to it.
   */
  static Map<String, Object> loadOptions(String engine, InferenceOptions inference)
      throws OrtException {
    if (!"OnnxRuntime".equals(engine)) {
      return Map.of();
    }
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    options.setIntraOpNumThreads(inference.intraOpThreads());
    options.addConfigEntry("session.inter_op.allow_spinning", "0");
    if (inference.operatorProfile() != null) {
      options.enableProfiling(inference.operatorProfile().toString());
    }
    return Map.of("sessionOptions", options);
  }

  /** Opens an encoder for one thread. */
  public TextEncoder newEncoder() {
    return new TextEncoder(
        model.newPredictor(translator),
        spec.dimension(),
        spec.maxBatch() > 0 ? spec.maxBatch() : TextEncoder.MAX_BATCH);
  }

  public EncoderSpec spec() {
    return spec;
  }

  /** Size of the embeddings this encoder returns. */
  public int dimension() {
    return spec.dimension();
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
