package io.leadstream.app.streams.state;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A key-value store whose uncommitted-bytes reading is safe from any thread at any time; everything
 * else is the wrapped store's.
 *
 * <p>With transactional state stores, Kafka Streams 4.4 registers an {@code uncommitted-bytes}
 * gauge per store that reads the RocksDB store's native write batch, which each commit closes and
 * replaces and the store's close frees, without any lock; a metrics reader on another thread
 * (Micrometer's Kafka binder, a JMX exporter) that reads it meanwhile touches freed native memory,
 * and the JVM dies of a SIGSEGV. Here the reading excludes {@link #commit} and {@link #close}, and
 * a closed store reads 0.
 */
final class GaugeSafeKeyValueStore implements KeyValueStore<Bytes, byte[]> {

  private final KeyValueStore<Bytes, byte[]> inner;
  private final Object lifecycle = new Object();
  private boolean open;

  GaugeSafeKeyValueStore(KeyValueStore<Bytes, byte[]> inner) {
    this.inner = inner;
  }

  @Override
  public long approximateNumUncommittedBytes() {
    synchronized (lifecycle) {
      return open ? inner.approximateNumUncommittedBytes() : 0;
    }
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    inner.init(context, root);
    synchronized (lifecycle) {
      open = true;
    }
  }

  @Override
  public void close() {
    synchronized (lifecycle) {
      open = false;
      inner.close();
    }
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public boolean persistent() {
    return inner.persistent();
  }

  @Override
  public boolean isOpen() {
    return inner.isOpen();
  }

  @SuppressWarnings("deprecation")
  @Override
  public void flush() {
    inner.flush();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    synchronized (lifecycle) {
      inner.commit(changelogOffsets);
    }
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return inner.committedOffset(partition);
  }

  @SuppressWarnings("deprecation")
  @Override
  public boolean managesOffsets() {
    return inner.managesOffsets();
  }

  @Override
  public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
    return inner.query(query, bound, config);
  }

  @Override
  public Position getPosition() {
    return inner.getPosition();
  }

  @Override
  public void put(Bytes key, byte[] value) {
    inner.put(key, value);
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    return inner.putIfAbsent(key, value);
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    inner.putAll(entries);
  }

  @Override
  public byte[] delete(Bytes key) {
    return inner.delete(key);
  }

  @Override
  public byte[] get(Bytes key) {
    return inner.get(key);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    return inner.range(from, to);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
    return inner.reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return inner.all();
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseAll() {
    return inner.reverseAll();
  }

  @Override
  public <S extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
      P prefix, S prefixKeySerializer) {
    return inner.prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    return inner.approximateNumEntries();
  }

  @Override
  public ReadOnlyKeyValueStore<Bytes, byte[]> readOnly(IsolationLevel isolationLevel) {
    return inner.readOnly(isolationLevel);
  }
}
