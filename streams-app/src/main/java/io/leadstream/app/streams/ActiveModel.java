package io.leadstream.app.streams;

import io.leadstream.models.bundle.ModelBundle;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model bundle now serving. Processors ask it for the current bundle on each record and open
 * a new scorer when the version changes, so a bundle can later be swapped without a restart.
 */
public final class ActiveModel implements AutoCloseable {

  private final AtomicReference<ModelBundle> bundle;

  public ActiveModel(ModelBundle bundle) {
    this.bundle = new AtomicReference<>(Objects.requireNonNull(bundle));
  }

  public ModelBundle current() {
    return bundle.get();
  }

  @Override
  public void close() {
    bundle.get().close();
  }
}
