package io.leadstream.app.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.ops.AppMetrics;
import io.leadstream.app.streams.ActiveModel;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live model reload for a bundle folder: polls the folder's manifest and, when its version
 * differs from the serving one, loads the bundle on its own thread (hashes verified), smoke-checks
 * it and swaps it in; processors move to it at their next record. A bundle that fails is rejected
 * with one log line and a metric, and the serving bundle goes on. Replace a bundle by writing its
 * files first and manifest.json last (or by swapping a symbolic link).
 */
public final class BundleReloader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BundleReloader.class);

  private final Path folder;
  private final InferenceOptions inference;
  private final ActiveModel model;
  private final AppMetrics metrics;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "leadstream-model-reload");
    thread.setDaemon(true);
    return thread;
  });
  private String lastRejected;

  private BundleReloader(Path folder, InferenceOptions inference, ActiveModel model, AppMetrics metrics) {
    this.folder = folder;
    this.inference = inference;
    this.model = model;
    this.metrics = metrics;
  }

  /** Starts polling {@code folder} every {@code interval}. */
  public static BundleReloader start(Path folder, InferenceOptions inference, ActiveModel model,
      AppMetrics metrics, Duration interval) {
    BundleReloader reloader = new BundleReloader(folder, inference, model, metrics);
    reloader.scheduler.scheduleWithFixedDelay(reloader::checkOnce, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info("Watching {} for new model bundles every {} ms", folder, interval.toMillis());
    return reloader;
  }

  /** One poll: reload when the folder holds another version. Never throws. */
  void checkOnce() {
    String version;
    try {
      version = new ObjectMapper().readTree(Files.readAllBytes(folder.resolve("manifest.json"))).path("version").asText();
    } catch (IOException | RuntimeException e) {
      reject("(unreadable manifest)", e);
      return;
    }
    if (version.equals(model.current().version())) {
      return;
    }
    ModelBundle candidate = null;
    try {
      candidate = ModelBundle.load(folder.toString(), inference);
      SmokeCheck.check(candidate);
      String previous = model.swap(candidate);
      metrics.modelSwapped(previous, candidate.version());
      lastRejected = null;
      log.info("Model bundle {} now serving (was {})", candidate.version(), previous);
    } catch (RuntimeException e) {
      if (candidate != null) {
        candidate.close();
      }
      reject(version, e);
    }
  }

  private void reject(String version, Exception e) {
    if (!version.equals(lastRejected)) {
      lastRejected = version;
      metrics.modelRejected();
      log.error("Rejected model bundle {} in {}: {}; still serving {}", version, folder, e.getMessage(),
          model.current().version());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
