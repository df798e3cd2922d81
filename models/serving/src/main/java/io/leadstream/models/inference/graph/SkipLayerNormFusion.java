package io.leadstream.models.inference.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces a transformer layer's residual {@code Add} and the {@code LayerNormalization} after it
 * by ONNX Runtime's {@code SkipLayerNormalization}, taking in the branch's bias {@code Add} too
 * when there is one. Only where one side of the residual is the previous layer norm's output, so
 * that both sides have the same shape (the embeddings' sum, whose position term broadcasts, stays).
 */
final class SkipLayerNormFusion {

  private static final float ONNX_DEFAULT_EPSILON = 1e-5f;

  private SkipLayerNormFusion() {}

  /** Fuses every matching pair; returns how many. */
  static int apply(OnnxGraph graph) {
    int fused = 0;
    for (OnnxNode norm : graph.nodes()) {
      if (norm.is("LayerNormalization") && fuse(graph, norm)) {
        fused++;
      }
    }
    return fused;
  }

  private static boolean fuse(OnnxGraph graph, OnnxNode norm) {
    if (norm.intAttribute("axis").orElse(-1L) != -1
        || norm.input(1).isEmpty()
        || norm.input(2).isEmpty()
        || norm.outputs().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
      return false;
    }
    Optional<OnnxNode> residual =
        graph
            .producer(norm.input(0))
            .filter(a -> a.is("Add") && a.inputs().size() == 2)
            .filter(a -> graph.soleConsumer(a.output()).filter(c -> c == norm).isPresent());
    if (residual.isEmpty()) {
      return false;
    }
    for (int side = 0; side < 2; side++) {
      String skip = residual.get().input(side);
      String branch = residual.get().input(1 - side);
      if (isNormalized(graph, skip) && graph.initializer(branch).isEmpty()) {
        fuse(graph, norm, residual.get(), branch, skip);
        return true;
      }
    }
    return false;
  }

  private static void fuse(
      OnnxGraph graph, OnnxNode norm, OnnxNode residual, String branch, String skip) {
    List<String> inputs = new ArrayList<>(List.of(branch, skip, norm.input(1), norm.input(2)));
    Optional<OnnxNode> biasAdd =
        graph
            .producer(branch)
            .filter(a -> a.is("Add") && a.inputs().size() == 2)
            .filter(a -> graph.soleConsumer(branch).filter(c -> c == residual).isPresent());
    if (biasAdd.isPresent()) {
      for (int side = 0; side < 2; side++) {
        if (isVector(graph, biasAdd.get().input(side), width(graph, norm))) {
          inputs.set(0, biasAdd.get().input(1 - side));
          inputs.add(biasAdd.get().input(side));
          graph.remove(biasAdd.get());
          break;
        }
      }
    }
    OnnxNode fused =
        OnnxNode.microsoft(
                "SkipLayerNormalization",
                norm.name() + "/leadstream_skip",
                inputs,
                List.of(norm.output()))
            .withFloat("epsilon", norm.floatAttribute("epsilon").orElse(ONNX_DEFAULT_EPSILON));
    graph.replace(norm, fused);
    graph.remove(residual);
  }

  private static boolean isNormalized(OnnxGraph graph, String value) {
    return graph
        .producer(value)
        .filter(p -> p.is("LayerNormalization") || p.is("SkipLayerNormalization"))
        .isPresent();
  }

  /** Whether {@code value} is a float vector of {@code length} (a bias, not a broadcast scalar). */
  private static boolean isVector(OnnxGraph graph, String value, long length) {
    return graph
        .initializer(value)
        .filter(b -> b.dataType() == Initializer.FLOAT && b.dims().length == 1)
        .filter(b -> b.dims()[0] == length)
        .isPresent();
  }

  /** The hidden size, from the norm's scale vector; -1 when it is not a constant. */
  private static long width(OnnxGraph graph, OnnxNode norm) {
    return graph
        .initializer(norm.input(1))
        .map(g -> g.dims())
        .filter(d -> d.length == 1)
        .map(d -> d[0])
        .orElse(-1L);
  }
}
