package io.leadstream.app.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.model.ActiveModel;
import io.leadstream.app.model.ScorerCheck;
import io.leadstream.app.ops.AppMetrics;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live model reload for a bundle folder: polls the folder's manifest and, when its version differs
 * from the serving one, loads the bundle on its own thread (hashes verified), smoke-checks it and
 * swaps it in; processors move to it at their next record. A bundle that fails is rejected with one
 * log line and a metric, and the serving bundle goes on; it is not tried again until the folder
 * changes (its manifest, or the size or time of a file it lists). Replace a bundle by writing its
 * files first and manifest.json last (or by swapping a symbolic link).
 */
public final class BundleReloader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BundleReloader.class);

  private final Path folder;
  private final InferenceOptions inference;
  private final ActiveModel model;
  private final AppMetrics metrics;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "leadstream-model-reload");
            thread.setDaemon(true);
            return thread;
          });

  /** Fingerprint of the folder content last rejected; not tried again while it stays the same. */
  private String rejected;

  private BundleReloader(
      Path folder, InferenceOptions inference, ActiveModel model, AppMetrics metrics) {
    this.folder = folder;
    this.inference = inference;
    this.model = model;
    this.metrics = metrics;
  }

  /** Starts polling {@code folder} every {@code interval}. */
  public static BundleReloader start(
      Path folder,
      InferenceOptions inference,
      ActiveModel model,
      AppMetrics metrics,
      Duration interval) {
    BundleReloader reloader = new BundleReloader(folder, inference, model, metrics);
    reloader.scheduler.scheduleWithFixedDelay(
        reloader::checkOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Watching {} for new model bundles every {} ms", folder, interval.toMillis());
    return reloader;
  }

  /** One poll: reload when the folder holds another version. Never throws. */
  void checkOnce() {
    byte[] manifest;
    String version;
    try {
      manifest = Files.readAllBytes(folder.resolve(BundleManifest.FILE_NAME));
      version = new ObjectMapper().readTree(manifest).path("version").asText();
    } catch (IOException | RuntimeException e) {
      reject("(unreadable manifest)", "(unreadable manifest) " + e.getMessage(), e);
      return;
    }
    String fingerprint = fingerprint(manifest);
    if (version.equals(model.current().version()) || fingerprint.equals(rejected)) {
      return;
    }
    ModelBundle candidate = null;
    try {
      candidate = ModelBundle.load(folder.toString(), inference);
      try (LeadScorer scorer = candidate.newScorer()) {
        ScorerCheck.check(scorer);
      }
      String previous = model.swap(candidate);
      metrics.modelSwapped(previous, candidate.version());
      rejected = null;
      log.info("Model bundle {} now serving (was {})", candidate.version(), previous);
    } catch (RuntimeException e) {
      if (candidate != null) {
        candidate.close();
      }
      reject(version, fingerprint, e);
    }
  }

  private void reject(String version, String fingerprint, Exception e) {
    if (fingerprint.equals(rejected)) {
      return;
    }
    rejected = fingerprint;
    metrics.modelRejected();
    log.error(
        "Rejected model bundle {} in {}: {}; still serving {}. Not tried again until the folder changes.",
        version,
        folder,
        e.getMessage(),
        model.current().version());
  }

  /** The manifest's hash and the size and modification time of every file it lists. */
  private String fingerprint(byte[] manifest) {
    StringBuilder content = new StringBuilder(Sha256.of(manifest));
    try {
      for (String file : BundleManifest.fromJson(manifest).files().keySet()) {
        Path path = folder.resolve(file);
        content.append('|').append(file);
        if (Files.exists(path)) {
          content
              .append(':')
              .append(Files.size(path))
              .append(':')
              .append(Files.getLastModifiedTime(path).toMillis());
        }
      }
    } catch (IOException | RuntimeException e) {
      content.append("|unlisted");
    }
    return Sha256.of(content.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
