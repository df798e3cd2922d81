package io.leadstream.models.inference;

/**
 * Receives the progress of a model file download, e.g. to draw a progress bar.
 *
 * <p>Called on an HTTP client thread, once when a transfer starts and then after every received
 * chunk (often several times per millisecond on a fast link), so implementations should be cheap
 * and throttle any drawing themselves. A resumed download starts at the bytes already on disk; a
 * restarted one starts again at zero.
 */
@FunctionalInterface
public interface DownloadProgress {

  /** Ignores all progress. */
  DownloadProgress NONE = (file, bytesDone, bytesTotal) -> {};

  /**
   * @param file the manifest source being downloaded, e.g. {@code
   *     hf:Xenova/flan-t5-small/onnx/encoder_model.onnx}
   * @param bytesDone bytes of the file on disk so far
   * @param bytesTotal the file's size as the manifest declares it, else as the server announces it;
   *     -1 when neither says
   */
  void onProgress(String file, long bytesDone, long bytesTotal);
}
