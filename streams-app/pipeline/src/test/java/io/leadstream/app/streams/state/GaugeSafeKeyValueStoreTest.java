package io.leadstream.app.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metrics reader on another thread (Micrometer's refresh thread, a JMX exporter) may read a
 * store's uncommitted-bytes gauge while the stream thread closes the store, or after: the reading
 * never reaches the wrapped store then. Kafka Streams' own transactional RocksDB store would read a
 * freed native write batch there, which crashed a JVM with a SIGSEGV; reading freed memory does not
 * crash reliably, so the first test watches the wrapped store's calls instead.
 */
class GaugeSafeKeyValueStoreTest {

  private static final long CLOSE_MS = 50;

  @TempDir Path dir;

  @Test
  void shouldNotReadTheWrappedStoreWhileItClosesOrAfter() throws Exception {
    AtomicBoolean closing = new AtomicBoolean();
    AtomicInteger unsafeReads = new AtomicInteger();
    GaugeSafeKeyValueStore store = new GaugeSafeKeyValueStore(slowToClose(closing, unsafeReads));
    store.init(DefaultRocksDbStores.context(dir).getStateStoreContext(), store);
    CountDownLatch firstRead = new CountDownLatch(1);
    AtomicBoolean stop = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              while (!stop.get()) {
                store.approximateNumUncommittedBytes();
                firstRead.countDown();
              }
            },
            "metrics-reader");
    reader.start();
    firstRead.await();

    store.close();
    Thread.sleep(CLOSE_MS);
    stop.set(true);
    reader.join();

    assertThat(unsafeReads)
        .as("readings of the wrapped store while or after it closed")
        .hasValue(0);
    assertThat(store.approximateNumUncommittedBytes()).isZero();
  }

  /** An in-memory store that takes {@link #CLOSE_MS} to close and counts the readings meanwhile. */
  @SuppressWarnings("unchecked")
  private static KeyValueStore<Bytes, byte[]> slowToClose(
      AtomicBoolean closing, AtomicInteger unsafeReads) {
    KeyValueStore<Bytes, byte[]> real = Stores.inMemoryKeyValueStore("slow").get();
    InvocationHandler handler =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close" -> {
              closing.set(true);
              Thread.sleep(CLOSE_MS);
            }
            case "approximateNumUncommittedBytes" -> {
              if (closing.get()) {
                unsafeReads.incrementAndGet();
              }
            }
            default -> {}
          }
          return method.invoke(real, args);
        };
    return (KeyValueStore<Bytes, byte[]>)
        Proxy.newProxyInstance(
            KeyValueStore.class.getClassLoader(), new Class<?>[] {KeyValueStore.class}, handler);
  }

  @Test
  void shouldReadTheUncommittedBytesOfKafkasTransactionalRocksDbStoreUntilItCloses() {
    // LeadStream's defaults turn transactional state stores on: writes wait for the commit
    MockProcessorContext<Object, Object> context = DefaultRocksDbStores.context(dir);
    KeyValueStore<Bytes, byte[]> store = DefaultRocksDbStores.open(context, "events");
    byte[] value = "a lead's event".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 100; i++) {
      store.put(Bytes.wrap(("lead-" + i).getBytes(StandardCharsets.UTF_8)), value);
    }
    Metric gauge = uncommittedBytesGauge(context);

    assertThat((Long) gauge.metricValue()).as("bytes waiting for the commit").isPositive();
    store.close();
    assertThat(gauge.metricValue()).as("after the close").isEqualTo(0L);
  }

  private static Metric uncommittedBytesGauge(MockProcessorContext<Object, Object> context) {
    return context.metrics().metrics().entrySet().stream()
        .filter(entry -> entry.getKey().name().equals("uncommitted-bytes"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no uncommitted-bytes gauge registered"));
  }
}
