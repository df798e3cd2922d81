package io.leadstream.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX Runtime operator profile (the JSON its profiler writes), summed by operator type and
 * averaged over the model's calls.
 *
 * @param calls model calls the profile saw
 * @param operators the operator types, the most time first
 */
public record OperatorProfile(int calls, List<OperatorTime> operators) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KERNEL_TIME = "_kernel_time";

  /**
   * One operator type's time.
   *
   * @param nodes nodes of this type the graph runs in one call
   * @param microsPerCall their kernels' time in one call, in microseconds
   */
  public record OperatorTime(String type, double nodes, double microsPerCall) {

    /**
     * A matrix product: the work int8 weights speed up (MatMul, MatMulInteger and their fusions,
     * and the fused attention operators, most of whose time is their Q, K and V projections).
     */
    public boolean isMatrixProduct() {
      return type.contains("MatMul") || type.contains("Gemm") || type.endsWith("Attention");
    }
  }

  /** Reads a profile file. */
  public static OperatorProfile read(Path file) {
    JsonNode events;
    try {
      events = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int calls = 0;
    Map<String, double[]> byType = new HashMap<>(); // type -> {kernel calls, microseconds}
    for (JsonNode event : events) {
      String name = event.path("name").asText();
      if ("Session".equals(event.path("cat").asText()) && "model_run".equals(name)) {
        calls++;
      } else if ("Node".equals(event.path("cat").asText()) && name.endsWith(KERNEL_TIME)) {
        double[] sums =
            byType.computeIfAbsent(event.path("args").path("op_name").asText(), t -> new double[2]);
        sums[0]++;
        sums[1] += event.path("dur").asDouble();
      }
    }
    if (calls == 0) {
      throw new IllegalArgumentException(file + ": no model_run in the profile");
    }
    List<OperatorTime> operators = new ArrayList<>();
    for (Map.Entry<String, double[]> type : byType.entrySet()) {
      double[] sums = type.getValue();
      operators.add(new OperatorTime(type.getKey(), sums[0] / calls, sums[1] / calls));
    }
    operators.sort(Comparator.comparingDouble(OperatorTime::microsPerCall).reversed());
    return new OperatorProfile(calls, List.copyOf(operators));
  }

  /** Every kernel's time in one call, in microseconds. */
  public double microsPerCall() {
    return operators.stream().mapToDouble(OperatorTime::microsPerCall).sum();
  }

  /** The matrix products' time in one call, in microseconds. */
  public double matrixProductMicrosPerCall() {
    return operators.stream()
        .filter(OperatorTime::isMatrixProduct)
        .mapToDouble(OperatorTime::microsPerCall)
        .sum();
  }
}
