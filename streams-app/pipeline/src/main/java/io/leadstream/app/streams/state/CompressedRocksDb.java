package io.leadstream.app.streams.state;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * LeadStream's RocksDB stores with LZ4-compressed blocks: Kafka Streams opens them without
 * compression, and the history store's entries (a whole event each, with notes that grow as the
 * lead does) take under a third of their size compressed. The default {@code
 * rocksdb.config.setter}; a setter of the user's own replaces it.
 */
public final class CompressedRocksDb implements RocksDBConfigSetter {

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    options.setCompressionType(CompressionType.LZ4_COMPRESSION);
  }

  @Override
  public void close(String storeName, Options options) {}
}
