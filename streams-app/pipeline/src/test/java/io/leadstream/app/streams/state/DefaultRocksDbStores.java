package io.leadstream.app.streams.state;

import io.leadstream.app.config.LeadStreamConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The pipeline's RocksDB stores opened outside a topology, with LeadStream's default settings. */
final class DefaultRocksDbStores {

  private DefaultRocksDbStores() {}

  /** A task's context with LeadStream's default Streams settings, its state in {@code dir}. */
  static MockProcessorContext<Object, Object> context(Path dir) {
    Properties props = new Properties();
    props.putAll(new LeadStreamConfig(Map.of()).streamsProperties());
    return new MockProcessorContext<>(props, new TaskId(0, 0), dir.toFile());
  }

  /** A metered store as the pipeline builds it, without changelog or cache, opened. */
  static KeyValueStore<Bytes, byte[]> open(
      MockProcessorContext<Object, Object> context, String name) {
    KeyValueStore<Bytes, byte[]> store =
        Stores.keyValueStoreBuilder(
                LeadStores.ROCKSDB.supplier(name), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }
}
