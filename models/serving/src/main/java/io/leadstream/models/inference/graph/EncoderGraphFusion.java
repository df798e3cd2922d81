package io.leadstream.models.inference.graph;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fuses a transformer encoder's graph beyond what ONNX Runtime does when it loads a model: ONNX
 * Runtime's own hardware-independent optimizations first (written out by ONNX Runtime itself), then
 * {@link AttentionFusion}, {@link QuantizedBiasFusion} and {@link SkipLayerNormFusion}. The fused
 * graph computes the same function with fewer operators; a graph none of them matches (a T5
 * encoder, say) is left alone.
 */
public final class EncoderGraphFusion {

  /** A fused model and what was fused in it. */
  public record Fused(byte[] model, int attentions, int biases, int skipLayerNorms) {

    @Override
    public String toString() {
      return attentions
          + " attention blocks, "
          + biases
          + " biases into quantized products, "
          + skipLayerNorms
          + " residual adds into layer norms";
    }
  }

  private EncoderGraphFusion() {}

  /** The fused model, or empty when no fusion applies. */
  public static Optional<Fused> fuse(Path model) throws IOException, OrtException {
    OnnxGraph graph = OnnxGraph.parse(onlineOptimized(model));
    int attentions = AttentionFusion.apply(graph);
    int biases = QuantizedBiasFusion.apply(graph);
    int skipLayerNorms = SkipLayerNormFusion.apply(graph);
    if (attentions + biases + skipLayerNorms == 0) {
      return Optional.empty();
    }
    return Optional.of(new Fused(graph.toBytes(), attentions, biases, skipLayerNorms));
  }

  /** The model after ONNX Runtime's extended (hardware-independent) optimization level. */
  private static byte[] onlineOptimized(Path model) throws IOException, OrtException {
    // DJL's engine creates the process's ONNX Runtime environment, with its thread settings, and
    // fails if one exists already
    Engine.getEngine("OnnxRuntime");
    Path optimized = Files.createTempFile("leadstream-encoder-", ".onnx");
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
      options.setIntraOpNumThreads(1);
      options.setOptimizedModelFilePath(optimized.toString());
      OrtEnvironment.getEnvironment().createSession(model.toString(), options).close();
      return Files.readAllBytes(optimized);
    } finally {
      Files.deleteIfExists(optimized);
    }
  }
}
