package io.leadstream.tools.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A float32 matrix product {@code (M x K) x (K x N)} through DJL's PyTorch engine (libtorch), on
 * random operands of its own. Not thread-safe: one per caller.
 */
public final class Gemm implements AutoCloseable {

  private final NDManager manager;
  private final NDArray left;
  private final NDArray right;
  private final long flops;

  private Gemm(long m, long k, long n) {
    manager = Engine.getEngine("PyTorch").newBaseManager();
    left = manager.randomUniform(-1f, 1f, new Shape(m, k));
    right = manager.randomUniform(-1f, 1f, new Shape(k, n));
    flops = 2 * m * k * n;
  }

  /**
   * @param shape {@code MxKxN}, e.g. {@code 64x384x1536}
   * @throws IllegalArgumentException when it is not three positive numbers joined by x
   */
  public static Gemm of(String shape) {
    String[] mkn = shape.split("x");
    try {
      if (mkn.length == 3) {
        long m = Long.parseLong(mkn[0]);
        long k = Long.parseLong(mkn[1]);
        long n = Long.parseLong(mkn[2]);
        if (m > 0 && k > 0 && n > 0) {
          return new Gemm(m, k, n);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("GEMM shape '" + shape + "' is not MxKxN, e.g. 64x384x1536");
  }

  /** Multiplies once; returns one element, so the product cannot be optimized away. */
  public float multiply() {
    try (NDArray product = left.matMul(right)) {
      return product.getFloat(0, 0);
    }
  }

  /** Floating-point operations of one product, {@code 2 M K N}. */
  public long flopsPerProduct() {
    return flops;
  }

  @Override
  public void close() {
    manager.close();
  }
}
