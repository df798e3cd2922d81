package io.leadstream.app.streams.state;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the per-lead stores keep their data. Both kinds are backed by a changelog topic, so both
 * survive a crash; they differ in memory use and restore time.
 */
public enum LeadStores {
  /**
   * On local disk in RocksDB: any number of leads. Its uncommitted-bytes gauge is safe to read from
   * any thread ({@link GaugeSafeKeyValueStore}).
   */
  ROCKSDB,
  /**
   * In the heap: fastest, but every lead's state is in memory and is restored from the changelog at
   * start.
   */
  IN_MEMORY;

  public KeyValueBytesStoreSupplier supplier(String name) {
    return this == ROCKSDB
        ? new GaugeSafe(Stores.persistentKeyValueStore(name))
        : Stores.inMemoryKeyValueStore(name);
  }

  private record GaugeSafe(KeyValueBytesStoreSupplier rocksDb)
      implements KeyValueBytesStoreSupplier {
    @Override
    public String name() {
      return rocksDb.name();
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get() {
      return new GaugeSafeKeyValueStore(rocksDb.get());
    }

    @Override
    public String metricsScope() {
      return rocksDb.metricsScope();
    }
  }
}
