package io.leadstream.models.inference.graph;

import java.util.Map;
import java.util.Optional;

/**
 * Moves a bias {@code Add} after ONNX Runtime's quantized matrix products into the product itself
 * ({@code MatMulIntegerToFloat} and {@code DynamicQuantizeMatMul} take an optional bias), so the
 * product writes its output once instead of a second pass adding the bias.
 */
final class QuantizedBiasFusion {

  /** The products that take a bias, and the index of their bias input. */
  private static final Map<String, Integer> BIAS_INPUT =
      Map.of("MatMulIntegerToFloat", 6, "DynamicQuantizeMatMul", 4);

  private QuantizedBiasFusion() {}

  /** Folds every matching bias; returns how many. */
  static int apply(OnnxGraph graph) {
    int folded = 0;
    for (OnnxNode add : graph.nodes()) {
      if (add.is("Add") && add.inputs().size() == 2) {
        for (int side = 0; side < 2; side++) {
          if (fold(graph, add, add.input(side), add.input(1 - side))) {
            folded++;
            break;
          }
        }
      }
    }
    return folded;
  }

  private static boolean fold(OnnxGraph graph, OnnxNode add, String bias, String product) {
    Optional<OnnxNode> producer = graph.producer(product);
    if (producer.isEmpty()
        || !producer.get().domain().equals(OnnxNode.MICROSOFT)
        || !BIAS_INPUT.containsKey(producer.get().opType())
        || graph.soleConsumer(product).filter(c -> c == add).isEmpty()) {
      return false;
    }
    OnnxNode matMul = producer.get();
    int slot = BIAS_INPUT.get(matMul.opType());
    Optional<long[]> weightDims = graph.initializer(matMul.input(1)).map(Initializer::dims);
    boolean fits =
        graph
            .initializer(bias)
            .filter(b -> b.dataType() == Initializer.FLOAT && b.dims().length == 1)
            .filter(b -> weightDims.filter(d -> d.length == 2 && d[1] == b.dims()[0]).isPresent())
            .isPresent();
    if (!fits || !matMul.input(slot).isEmpty()) {
      return false;
    }
    graph.replace(matMul, matMul.withInput(slot, bias).withFirstOutput(add.output()));
    graph.remove(add);
    return true;
  }
}
