package io.leadstream.tools.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The machine's float32 GEMM rate as the encoders run: {@code callers} threads at once, each
 * multiplying its own operands with one libtorch intra-op thread.
 *
 * @param shape {@code MxKxN} of each product
 * @param callers parallel callers
 * @param gflopsPerSecond floating-point operations of all callers together, in GFLOP/s
 */
public record GemmRate(String shape, int callers, double gflopsPerSecond) {

  /**
   * Multiplies {@code shape} products on {@code callers} threads for {@code warmup} (not counted),
   * then all together for {@code measured}.
   *
   * <p>libtorch's intra-op thread count is set to 1 on each caller's thread and restored after, as
   * one ONNX Runtime thread per call is in the pipeline and the encoder-alone phases.
   */
  public static GemmRate measure(String shape, int callers, Duration warmup, Duration measured)
      throws InterruptedException {
    Engine.getEngine("PyTorch"); // loaded before its thread count is read and set
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CyclicBarrier together = new CyclicBarrier(callers);
    try {
      List<Callable<long[]>> work = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        work.add(() -> multiplyFor(shape, together, warmup, measured));
      }
      long flops = 0;
      long nanos = 0;
      for (Future<long[]> done : pool.invokeAll(work)) {
        long[] flopsAndNanos = done.get();
        flops += flopsAndNanos[0];
        nanos = Math.max(nanos, flopsAndNanos[1]);
      }
      return new GemmRate(shape, callers, flops / (double) nanos);
    } catch (ExecutionException e) {
      throw new IllegalStateException("GEMM " + shape + " failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * FLOPs done and nanoseconds taken after the warm-up. The callers start measuring together and
   * restore libtorch's thread count only once all are done, so none runs with it restored.
   */
  private static long[] multiplyFor(
      String shape, CyclicBarrier together, Duration warmup, Duration measured) throws Exception {
    int threadsBefore = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    try (Gemm gemm = Gemm.of(shape)) {
      long warmEnd = System.nanoTime() + warmup.toNanos();
      while (System.nanoTime() < warmEnd) {
        gemm.multiply();
      }
      together.await();
      long begin = System.nanoTime();
      long end = begin + measured.toNanos();
      long products = 0;
      long now = begin;
      while (now < end) {
        gemm.multiply();
        products++;
        now = System.nanoTime();
      }
      together.await();
      return new long[] {products * gemm.flopsPerProduct(), now - begin};
    } finally {
      JniUtils.setNumThreads(threadsBefore);
    }
  }
}
