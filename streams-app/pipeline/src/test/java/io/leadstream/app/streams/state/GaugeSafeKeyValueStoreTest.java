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
 * native write batch that a commit replaces and a close frees, which crashed a JVM with a SIGSEGV;
 * reading freed memory does not crash reliably, so the first two tests watch the wrapped store's
 * calls instead.
 */
class GaugeSafeKeyValueStoreTest {

  private static final long SLOW_MS = 50;

  @TempDir Path dir;

  @Test
  void shouldNotReadTheWrappedStoreWhileItCommits() throws Exception {
    SlowStore slow = new SlowStore("commit");
    GaugeSafeKeyValueStore store = new GaugeSafeKeyValueStore(slow.proxy());
    store.init(DefaultRocksDbStores.context(dir).getStateStoreContext(), store);

    whileReading(store, () -> store.commit(Map.of()));

    assertThat(slow.unsafeReads).as("readings of the wrapped store while it committed").hasValue(0);
    store.close();
  }

  @Test
  void shouldNotReadTheWrappedStoreWhileItClosesOrAfter() throws Exception {
    SlowStore slow = new SlowStore("close");
    GaugeSafeKeyValueStore store = new GaugeSafeKeyValueStore(slow.proxy());
    store.init(DefaultRocksDbStores.context(dir).getStateStoreContext(), store);

    whileReading(store, store::close);

    assertThat(slow.unsafeReads)
        .as("readings of the wrapped store while or after it closed")
        .hasValue(0);
    assertThat(store.approximateNumUncommittedBytes()).isZero();
  }

  /**
   * Runs {@code action} while another thread reads the gauge, and goes on reading a while after.
   */
  private static void whileReading(GaugeSafeKeyValueStore store, Runnable action)
      throws InterruptedException {
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
    action.run();
    Thread.sleep(SLOW_MS);
    stop.set(true);
    reader.join();
  }

  /**
   * An in-memory store whose {@code method} (commit or close) takes {@link #SLOW_MS}, counting the
   * uncommitted-bytes readings from its start on (for a commit: until its end), when Kafka's
   * RocksDB store would read a write batch that the commit replaces or the close frees.
   */
  private static final class SlowStore {
    final AtomicInteger unsafeReads = new AtomicInteger();
    private final String method;
    private final AtomicBoolean inside = new AtomicBoolean();

    SlowStore(String method) {
      this.method = method;
    }

    @SuppressWarnings("unchecked")
    KeyValueStore<Bytes, byte[]> proxy() {
      KeyValueStore<Bytes, byte[]> real = Stores.inMemoryKeyValueStore("slow").get();
      InvocationHandler handler =
          (proxy, called, args) -> {
            if (called.getName().equals(method)) {
              inside.set(true);
              Thread.sleep(SLOW_MS);
              Object result = called.invoke(real, args);
              inside.set(method.equals("close")); // a closed store stays unsafe to read
              return result;
            }
            if (called.getName().equals("approximateNumUncommittedBytes") && inside.get()) {
              unsafeReads.incrementAndGet();
            }
            return called.invoke(real, args);
          };
      return (KeyValueStore<Bytes, byte[]>)
          Proxy.newProxyInstance(
              KeyValueStore.class.getClassLoader(), new Class<?>[] {KeyValueStore.class}, handler);
    }
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
