package io.leadstream.app.streams;

import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.bundle.StageTimer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model bundle now serving, swappable while the pipeline runs. Processors open scorers
 * through {@link #openScorer()}; a swapped-out bundle stays open until the last scorer opened on
 * it is closed, then it is closed too, so no processor ever uses a closed model.
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

  private final AtomicReference<Served> current;

  public ActiveModel(ModelBundle bundle) {
    this.current = new AtomicReference<>(new Served(Objects.requireNonNull(bundle)));
  }

  /** The bundle serving now; cheap enough to ask per record. */
  public ModelBundle current() {
    return current.get().bundle;
  }

  /**
   * Opens a scorer on the bundle serving now, reporting stage timings to {@code timer}. Close the
   * lease when done or when the version changes.
   */
  public synchronized Lease openScorer(StageTimer timer) {
    Served served = current.get();
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
    Served previous = current.getAndSet(new Served(Objects.requireNonNull(next)));
    previous.retired = true;
    closeIfUnused(previous);
    return previous.bundle.version();
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
    served.retired = true;
    closeIfUnused(served);
  }
}
