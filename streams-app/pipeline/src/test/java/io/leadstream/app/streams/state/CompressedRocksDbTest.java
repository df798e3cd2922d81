package io.leadstream.app.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RocksDB store opened with LeadStream's default Streams settings keeps its entries compressed on
 * disk: lead events, flushed to SST files, take well under half of their encoded size. Kafka
 * Streams' own default (no compression) takes more than their size.
 */
class CompressedRocksDbTest {

  private static final int EVENTS = 5_000;

  @TempDir Path dir;

  @Test
  void shouldKeepTheStoresEntriesCompressedOnDisk() throws IOException {
    KeyValueStore<Bytes, byte[]> store =
        DefaultRocksDbStores.open(DefaultRocksDbStores.context(dir), "events");
    long encoded = 0;
    for (int i = 0; i < EVENTS; i++) {
      String lead = String.format("lead-%05d", i);
      byte[] value =
          LeadStreamSerdes.leadEvent()
              .encode(TestLeads.hot(lead).setNotes("Call " + i + ": asked for a quote.").build());
      byte[] key = lead.getBytes(StandardCharsets.UTF_8);
      store.put(Bytes.wrap(key), value);
      encoded += key.length + value.length;
    }
    store.commit(Map.of()); // writes the memtable to an SST file, as a task commit does
    store.close();

    long onDisk;
    try (Stream<Path> files = Files.walk(dir)) {
      onDisk =
          files
              .filter(file -> file.toString().endsWith(".sst"))
              .mapToLong(
                  file -> {
                    try {
                      return Files.size(file);
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .sum();
    }
    assertThat(onDisk).as("SST bytes, of %d encoded", encoded).isPositive().isLessThan(encoded / 2);
  }
}
