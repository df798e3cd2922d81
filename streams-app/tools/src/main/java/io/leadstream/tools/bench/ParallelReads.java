package io.leadstream.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Times callers that read texts in parallel, one thread each, every text once. */
final class ParallelReads {

  private ParallelReads() {}

  /**
   * Texts/s of the callers, each on its own thread: caller {@code c} of {@code n} reads texts
   * {@code c, c + n, c + 2n, ...}, told each text's index. Open what the callers use before: the
   * clock starts when the threads are handed their work.
   *
   * @throws IllegalStateException when a caller fails
   */
  static double textsPerSecond(int texts, List<IntConsumer> callers) throws InterruptedException {
    int n = callers.size();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        IntConsumer caller = callers.get(c);
        int first = c;
        work.add(
            () -> {
              for (int i = first; i < texts; i += n) {
                caller.accept(i);
              }
              return null;
            });
      }
      long start = System.nanoTime();
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
      return texts / ((System.nanoTime() - start) / 1e9);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Encoder benchmark failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
