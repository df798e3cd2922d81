package io.leadstream.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Keeps DJL's and ONNX Runtime's GPU probes quiet on CPU machines: at every engine start they warn
 * that no GPU could be found, which on a CPU machine is the expected state, not news.
 */
public final class GpuProbeLogging {

  /** The probes' loggers. */
  public static final List<String> PROBES =
      List.of("ai.djl.util.cuda.CudaUtils", "ai.djl.onnxruntime.engine.OrtEngine");

  private GpuProbeLogging() {}

  /**
   * Raises the probes' loggers to ERROR unless a GPU was asked for: {@code CUDA_VISIBLE_DEVICES}
   * naming a device (not empty, not {@code -1}), CUDA's own way to choose one.
   */
  public static void quietUnlessAskedFor(Map<String, String> environment) {
    String devices = environment.get("CUDA_VISIBLE_DEVICES");
    boolean gpuAskedFor = devices != null && !devices.isBlank() && !devices.strip().startsWith("-");
    if (gpuAskedFor || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
      return;
    }
    PROBES.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.ERROR));
  }
}
