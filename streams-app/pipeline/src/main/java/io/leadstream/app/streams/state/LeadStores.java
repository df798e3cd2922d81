package io.leadstream.app.streams.state;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the per-lead stores keep their data. Both kinds are backed by a changelog topic, so both
 * survive a crash; they differ in memory use and restore time.
 */
public enum LeadStores {
  /** On local disk in RocksDB: any number of leads; Streams flushes it at every commit. */
  ROCKSDB,
  /**
   * In the heap: fastest, but every lead's state is in memory and is restored from the changelog at
   * start.
   */
  IN_MEMORY;

  public KeyValueBytesStoreSupplier supplier(String name) {
    return this == ROCKSDB
        ? Stores.persistentKeyValueStore(name)
        : Stores.inMemoryKeyValueStore(name);
  }
}
