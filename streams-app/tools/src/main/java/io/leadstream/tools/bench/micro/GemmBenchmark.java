package io.leadstream.tools.bench.micro;

import io.leadstream.tools.bench.Gemm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The machine's float GEMM rate through DJL's PyTorch engine (libtorch), for computing what a model
 * costs per text from its configuration: {@code (M x K) x (K x N)} float32 products. The {@code
 * flops} counter is in FLOP per nanosecond, i.e. GFLOP/s ({@code 2 M K N} per product). {@code
 * threads} is libtorch's intra-op thread count; each value runs in its own forked JVM.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GemmBenchmark {

  /** The operands, on one engine thread setting per fork. */
  @State(Scope.Thread)
  public static class Operands {
    /** {@code MxKxN}: an encoder layer's feed-forward at 64 and 256 tokens, a vocabulary head. */
    @Param({"64x768x2048", "256x768x2048", "1x1024x32128"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    Gemm gemm;

    @Setup(Level.Trial)
    public void create() {
      // read by the engine when it starts, which is here: one fork per parameter combination
      System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      gemm = Gemm.of(shape);
    }

    @TearDown(Level.Trial)
    public void close() {
      gemm.close();
    }
  }

  /** Floating-point operations done, reported per nanosecond. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Flops {
    public long flops;

    @Setup(Level.Iteration)
    public void reset() {
      flops = 0;
    }
  }

  @Benchmark
  public float gemm(Operands operands, Flops counter) {
    counter.flops += operands.gemm.flopsPerProduct();
    return operands.gemm.multiply();
  }
}
