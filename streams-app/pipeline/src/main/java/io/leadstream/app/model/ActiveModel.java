package io.leadstream.app.model;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.bundle.StageTimer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model bundle now serving, swappable while the pipeline runs. Processors open scorers through
 * {@link #openScorer}; a swapped-out bundle stays open until the last scorer opened on it is
 * closed, then it is closed too, so no processor ever uses a closed model. The first bundle may
 * still be loading (the app joins its consumer group and restores its state meanwhile): the first
 * call that needs it waits for it.
 */
public final class ActiveModel implements AutoCloseable {

  /** A bundle and how many open scorers use it. Guarded by the ActiveModel's monitor. */
  private static final class Served {
    final ModelBundle bundle;
    int openScorers;
    boolean retired;

    Served(ModelBundle bundle) {
      this.bundle = bundle;
    }
  }

  /** A scorer opened on the bundle that served when it was opened. */
  public final class Lease implements AutoCloseable {
    private final Served served;
    private final LeadScorer scorer;
    private boolean closed;

    private Lease(Served served, LeadScorer scorer) {
      this.served = served;
      this.scorer = scorer;
    }

    public LeadScorer scorer() {
      return scorer;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      scorer.close();
      release(served);
    }
  }

  private final AtomicReference<Served> current = new AtomicReference<>();
  private final CompletableFuture<ModelBundle> first;

  /** Manifests of the bundles swapped out, by version. Guarded by the monitor. */
  private final Map<String, BundleManifest> retired = new LinkedHashMap<>();

  public ActiveModel(ModelBundle bundle) {
    this(CompletableFuture.completedFuture(Objects.requireNonNull(bundle)));
  }

  /**
   * @param first the first bundle to serve, being loaded
   */
  public ActiveModel(CompletableFuture<ModelBundle> first) {
    this.first = first;
  }

  /**
   * The bundle serving now; cheap enough to ask per record. Waits while the first one loads.
   *
   * @throws IllegalStateException when the first bundle failed to load
   */
  public ModelBundle current() {
    return served().bundle;
  }

  private Served served() {
    Served served = current.get();
    if (served != null) {
      return served;
    }
    ModelBundle bundle;
    try {
      bundle = first.join();
    } catch (CompletionException | CancellationException e) {
      throw new IllegalStateException(
          "the model bundle did not load: " + e.getCause().getMessage(), e.getCause());
    }
    current.compareAndSet(null, new Served(bundle));
    return current.get();
  }

  /**
   * Opens a scorer on the bundle serving now, reporting stage timings to {@code timer}. Close the
   * lease when done or when the version changes.
   */
  public synchronized Lease openScorer(StageTimer timer) {
    Served served = served();
    LeadScorer scorer = served.bundle.newScorer(timer);
    served.openScorers++;
    return new Lease(served, scorer);
  }

  /**
   * Makes {@code next} the serving bundle. The previous one is closed once its last scorer is.
   *
   * @return the version that served before
   */
  public synchronized String swap(ModelBundle next) {
    served();
    Served previous = current.getAndSet(new Served(Objects.requireNonNull(next)));
    retired.remove(next.version());
    retired.put(previous.bundle.version(), previous.bundle.manifest());
    previous.retired = true;
    closeIfUnused(previous);
    return previous.bundle.version();
  }

  /**
   * The manifests (cards) of the bundles this instance has served: each one swapped out, one per
   * version, and the one serving now, last; none while the first still loads or when it failed.
   */
  public synchronized List<BundleManifest> servedManifests() {
    List<BundleManifest> manifests = new ArrayList<>(retired.values());
    Served now = current.get();
    if (now == null && first.isDone() && !first.isCompletedExceptionally()) {
      now = served();
    }
    if (now != null) {
      manifests.add(now.bundle.manifest());
    }
    return manifests;
  }

  private synchronized void release(Served served) {
    served.openScorers--;
    closeIfUnused(served);
  }

  private static void closeIfUnused(Served served) {
    if (served.retired && served.openScorers == 0) {
      served.bundle.close();
    }
  }

  @Override
  public synchronized void close() {
    Served served = current.get();
    if (served == null) {
      first.thenAccept(ModelBundle::close); // still loading, or failed: close it once it is there
      return;
    }
    served.retired = true;
    closeIfUnused(served);
  }
}
