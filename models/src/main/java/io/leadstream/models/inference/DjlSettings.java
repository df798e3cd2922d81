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
}
