package io.leadstream.models.inference;

/** DJL settings LeadStream needs before DJL's engines load. */
public final class DjlSettings {
  private DjlSettings() {}

  /**
   * Sets {@code ai.djl.offline=true} unless already set, so DJL neither downloads engines nor
   * probes cloud metadata addresses at start. Call before any DJL engine loads.
   */
  public static void ensureOffline() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /** DJL's switch for libtorch's TorchScript graph-executor optimizer (on by default). */
  public static final String PYTORCH_GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";

  /**
   * Sets {@value #PYTORCH_GRAPH_OPTIMIZER}{@code =false} unless already set. With the optimizer on,
   * libtorch re-profiles and re-specializes a TorchScript graph for new input shapes, and text
   * batches change shape on nearly every call: on the tiny T5 fixture encoder, batch 1 over texts
   * of varying length ran at about 8-15 texts/s with it and 300-600 texts/s without (2 cores,
   * libtorch 2.7.1). DJL reads the property on each forward call.
   */
  public static void ensurePyTorchGraphOptimizerOff() {
    if (System.getProperty(PYTORCH_GRAPH_OPTIMIZER) == null) {
      System.setProperty(PYTORCH_GRAPH_OPTIMIZER, "false");
    }
  }
}
