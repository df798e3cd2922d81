package io.leadstream.it;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB memtables of 64 KiB instead of 16 MiB, so that a test's few megabytes of state are
 * flushed to disk as a production store's gigabytes are: Streams writes no RocksDB WAL, so what a
 * kill -9 leaves of a store is what its memtables had flushed.
 */
public final class SmallMemtables implements RocksDBConfigSetter {

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    options.setWriteBufferSize(64 * 1024);
  }

  @Override
  public void close(String storeName, Options options) {}
}
