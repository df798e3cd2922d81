package io.leadstream.app.streams.state;

import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store that holds nothing and lets a processor that holds records back have them processed
 * into the task's next commit. Kafka Streams' commit starts by flushing the stores' caches ({@code
 * CachedStateStore.flushCache}, before the producer is flushed and the offsets are added to the
 * transaction), so whatever the drain forwards is in the same transaction as the offsets of the
 * records it came from. Other processors of the task call {@link #drain()} before they read state
 * the held records would write.
 *
 * <p>{@link CachedStateStore} is an internal interface of Kafka Streams (the same hook as
 * responsive's async processing): an upgrade may move it, and {@code CommitDrainTest} would show
 * it.
 */
public final class CommitDrain implements StateStore, CachedStateStore<Object, Object> {

  private final String name;
  private Runnable drain = () -> {};
  private boolean open;

  private CommitDrain(String name) {
    this.name = name;
  }

  /** A builder of the store, without changelog: it keeps nothing. */
  public static StoreBuilder<CommitDrain> storeBuilder(String name) {
    return new Builder(name);
  }

  /** What {@link #drain()} and every commit run: the holding processor's, set when it starts. */
  public void onDrain(Runnable drain) {
    this.drain = drain;
  }

  /** Processes the held records now. */
  public void drain() {
    drain.run();
  }

  @Override
  public void flushCache() {
    drain.run();
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean oldValues) {
    return false;
  }

  @Override
  public void clearCache() {}

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> {});
    open = true;
  }

  @Override
  public void close() {
    drain = () -> {};
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  private record Builder(String name) implements StoreBuilder<CommitDrain> {

    @Override
    public StoreBuilder<CommitDrain> withCachingEnabled() {
      return this;
    }

    @Override
    public StoreBuilder<CommitDrain> withCachingDisabled() {
      return this;
    }

    @Override
    public StoreBuilder<CommitDrain> withLoggingEnabled(Map<String, String> config) {
      return this;
    }

    @Override
    public StoreBuilder<CommitDrain> withLoggingDisabled() {
      return this;
    }

    @Override
    public CommitDrain build() {
      return new CommitDrain(name);
    }

    @Override
    public Map<String, String> logConfig() {
      return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
      return false;
    }
  }
}
