package io.leadstream.models.inference.graph;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces each self-attention block of a BERT-style encoder, as ONNX Runtime's online optimizer
 * leaves it, by one {@code Attention} operator (float weights) or {@code QAttention} (int8 weights,
 * the activations quantized once for Q, K and V): the three projections, their biases, the head
 * reshapes and transposes, the scaled scores, the padding mask, the softmax and the weighted sum.
 * ONNX Runtime's Python optimizer makes this fusion offline; its online one does not.
 *
 * <p>Matched, with every value in between read by the next node alone:
 *
 * <pre>
 * Q|K|V = Add(bias, MatMul(x, W) | MatMulIntegerToFloat(xq, Wq, xs, ws, xz, wz))
 *   ─► Reshape [0, 0, heads, size] ─► Transpose (Q, V: 0 2 1 3; K: 0 2 3 1)
 * Softmax(axis 3, Add(FusedMatMul(Q, K, alpha = 1/sqrt(size)), mask term))
 *   ─► MatMul(·, V) ─► Transpose 0 2 1 3 ─► Reshape [0, 0, heads * size]
 * mask term = (1 - Cast(Unsqueeze(Unsqueeze(mask, 1), 2))) * c, c &lt;= -10000, mask an input
 * </pre>
 *
 * The fused operator masks with -10000 where the export used c: both make a padded position's
 * softmax weight 0 in float32.
 */
final class AttentionFusion {

  private static final List<Long> HEADS_FIRST = List.of(0L, 2L, 1L, 3L);
  private static final List<Long> HEADS_FIRST_TRANSPOSED = List.of(0L, 2L, 3L, 1L);
  private static final float MASK_AT_MOST = -10_000f;
  private static final int CAST_TO = 6; // TensorProto.INT32

  private final OnnxGraph graph;
  private final Map<String, String> int32Masks = new HashMap<>();

  private AttentionFusion(OnnxGraph graph) {
    this.graph = graph;
  }

  /** Fuses every matching block; returns how many. */
  static int apply(OnnxGraph graph) {
    AttentionFusion fusion = new AttentionFusion(graph);
    int fused = 0;
    for (OnnxNode softmax : graph.nodes()) {
      if (softmax.is("Softmax")) {
        Optional<Block> block = fusion.match(softmax);
        if (block.isPresent()) {
          fusion.rewrite(block.get());
          fused++;
        }
      }
    }
    if (fused > 0) {
      // the replaced blocks' nodes and weights, so that later fusions see live nodes only
      graph.removeUnused();
    }
    return fused;
  }

  private record Heads(OnnxNode reshape, long heads, long size, String projected) {}

  private record Projection(
      boolean quantized,
      String x,
      String xScale,
      String xZeroPoint,
      Initializer weight,
      Optional<Initializer> weightScale,
      Optional<Initializer> weightZeroPoint,
      Initializer bias) {

    boolean sameInputAs(Projection other) {
      return quantized == other.quantized
          && x.equals(other.x)
          && xScale.equals(other.xScale)
          && xZeroPoint.equals(other.xZeroPoint);
    }
  }

  private record Block(
      OnnxNode output,
      long heads,
      Projection q,
      Projection k,
      Projection v,
      String mask,
      String name) {}

  private Optional<Block> match(OnnxNode softmax) {
    Optional<Long> axis = softmax.intAttribute("axis");
    if (axis.isEmpty() || (axis.get() != 3 && axis.get() != -1)) {
      return Optional.empty();
    }
    Optional<OnnxNode> add = producedBy(softmax.input(0), "Add", softmax);
    if (add.isEmpty()) {
      return Optional.empty();
    }
    for (int scoresSide = 0; scoresSide < 2; scoresSide++) {
      Optional<Block> block =
          match(softmax, add.get(), add.get().input(scoresSide), add.get().input(1 - scoresSide));
      if (block.isPresent()) {
        return block;
      }
    }
    return Optional.empty();
  }

  private Optional<Block> match(OnnxNode softmax, OnnxNode add, String scores, String maskTerm) {
    Optional<OnnxNode> scaled = producedBy(scores, "FusedMatMul", add);
    Optional<OnnxNode> weighted = graph.soleConsumer(softmax.output());
    if (scaled.isEmpty()
        || !plainProduct(scaled.get())
        || weighted.isEmpty()
        || !weighted.get().is("MatMul")
        || !weighted.get().input(0).equals(softmax.output())) {
      return Optional.empty();
    }
    Optional<Heads> q = heads(scaled.get().input(0), HEADS_FIRST, scaled.get());
    Optional<Heads> k = heads(scaled.get().input(1), HEADS_FIRST_TRANSPOSED, scaled.get());
    Optional<Heads> v = heads(weighted.get().input(1), HEADS_FIRST, weighted.get());
    Optional<OnnxNode> merged =
        graph
            .soleConsumer(weighted.get().output())
            .filter(t -> isTranspose(t, HEADS_FIRST))
            .flatMap(t -> graph.soleConsumer(t.output()))
            .filter(r -> r.is("Reshape"));
    if (q.isEmpty() || k.isEmpty() || v.isEmpty() || merged.isEmpty()) {
      return Optional.empty();
    }
    long heads = q.get().heads();
    long size = q.get().size();
    if (k.get().heads() != heads
        || v.get().heads() != heads
        || k.get().size() != size
        || v.get().size() != size
        || !shape(merged.get()).equals(Optional.of(List.of(0L, 0L, heads * size)))) {
      return Optional.empty();
    }
    float alpha = scaled.get().floatAttribute("alpha").orElse(1f);
    if (Math.abs(alpha * Math.sqrt(size) - 1) > 1e-4) {
      return Optional.empty();
    }
    Optional<Projection> pq = projection(q.get(), heads * size);
    Optional<Projection> pk = projection(k.get(), heads * size);
    Optional<Projection> pv = projection(v.get(), heads * size);
    Optional<String> mask = maskInput(maskTerm);
    if (pq.isEmpty()
        || pk.isEmpty()
        || pv.isEmpty()
        || mask.isEmpty()
        || !pq.get().sameInputAs(pk.get())
        || !pq.get().sameInputAs(pv.get())
        || pq.get().weight().dims()[0] != pk.get().weight().dims()[0]
        || pq.get().weight().dims()[0] != pv.get().weight().dims()[0]) {
      return Optional.empty();
    }
    return Optional.of(
        new Block(
            merged.get(),
            heads,
            pq.get(),
            pk.get(),
            pv.get(),
            mask.get(),
            softmax.name() + "/leadstream_attention"));
  }

  private static boolean plainProduct(OnnxNode fusedMatMul) {
    return fusedMatMul.domain().equals(OnnxNode.MICROSOFT)
        && List.of("transA", "transB", "transBatchA", "transBatchB").stream()
            .allMatch(a -> fusedMatMul.intAttribute(a).orElse(0L) == 0);
  }

  /** {@code value} = Transpose(perm, Reshape(projected, [0, 0, heads, size])). */
  private Optional<Heads> heads(String value, List<Long> perm, OnnxNode reader) {
    Optional<OnnxNode> transpose =
        producedBy(value, "Transpose", reader).filter(t -> isTranspose(t, perm));
    Optional<OnnxNode> reshape = transpose.flatMap(t -> producedBy(t.input(0), "Reshape", t));
    Optional<List<Long>> shape = reshape.flatMap(this::shape);
    if (shape.isEmpty()
        || shape.get().size() != 4
        || shape.get().get(0) != 0
        || shape.get().get(1) != 0
        || shape.get().get(2) <= 0
        || shape.get().get(3) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Heads(reshape.get(), shape.get().get(2), shape.get().get(3), reshape.get().input(0)));
  }

  private Optional<Projection> projection(Heads heads, long width) {
    Optional<OnnxNode> add = producedBy(heads.projected(), "Add", heads.reshape());
    if (add.isEmpty()) {
      return Optional.empty();
    }
    for (int biasSide = 0; biasSide < 2; biasSide++) {
      Optional<Initializer> bias =
          graph
              .initializer(add.get().input(biasSide))
              .filter(b -> b.dataType() == Initializer.FLOAT && b.dims().length == 1)
              .filter(b -> b.dims()[0] == width);
      Optional<OnnxNode> product = graph.producer(add.get().input(1 - biasSide));
      if (product.isPresent() && !readOnlyBy(product.get().output(), add.get())) {
        product = Optional.empty();
      }
      if (bias.isPresent() && product.isPresent()) {
        return product.flatMap(p -> projection(p, bias.get(), width));
      }
    }
    return Optional.empty();
  }

  private Optional<Projection> projection(OnnxNode product, Initializer bias, long width) {
    if (product.is("MatMul")) {
      return graph
          .initializer(product.input(1))
          .filter(w -> isMatrix(w, Initializer.FLOAT, width))
          .map(
              w ->
                  new Projection(
                      false,
                      product.input(0),
                      "",
                      "",
                      w,
                      Optional.empty(),
                      Optional.empty(),
                      bias));
    }
    if (product.is("MatMulIntegerToFloat")
        && product.domain().equals(OnnxNode.MICROSOFT)
        && product.input(6).isEmpty()) {
      Optional<Initializer> weight =
          graph.initializer(product.input(1)).filter(w -> isMatrix(w, Initializer.INT8, width));
      Optional<Initializer> scale =
          graph
              .initializer(product.input(3))
              .filter(s -> s.dataType() == Initializer.FLOAT && isScalarOrColumns(s, width));
      Optional<Initializer> zeroPoint =
          product.input(5).isEmpty()
              ? Optional.empty()
              : graph
                  .initializer(product.input(5))
                  .filter(z -> z.dataType() == Initializer.INT8 && isScalarOrColumns(z, width));
      if (weight.isEmpty()
          || scale.isEmpty()
          || (!product.input(5).isEmpty() && zeroPoint.isEmpty())) {
        return Optional.empty();
      }
      return Optional.of(
          new Projection(
              true,
              product.input(0),
              product.input(2),
              product.input(4),
              weight.get(),
              scale,
              zeroPoint,
              bias));
    }
    return Optional.empty();
  }

  /** The graph input a mask term is computed from, if it is (1 - mask[:, None, None, :]) * c. */
  private Optional<String> maskInput(String maskTerm) {
    Optional<OnnxNode> mul = graph.producer(maskTerm).filter(n -> n.is("Mul"));
    if (mul.isEmpty()) {
      return Optional.empty();
    }
    for (int side = 0; side < 2; side++) {
      Optional<Float> c = scalar(mul.get().input(side));
      if (c.isPresent() && c.get() <= MASK_AT_MOST) {
        return graph
            .producer(mul.get().input(1 - side))
            .filter(sub -> sub.is("Sub") && scalar(sub.input(0)).equals(Optional.of(1f)))
            .flatMap(sub -> graph.producer(sub.input(1)))
            .filter(cast -> cast.is("Cast") && cast.intAttribute("to").equals(Optional.of(1L)))
            .flatMap(cast -> unsqueezed(cast.input(0), 2))
            .flatMap(inner -> unsqueezed(inner, 1))
            .filter(graph::isInput);
      }
    }
    return Optional.empty();
  }

  /** The input of the Unsqueeze that adds {@code axis} to make {@code value}. */
  private Optional<String> unsqueezed(String value, long axis) {
    return graph
        .producer(value)
        .filter(n -> n.is("Unsqueeze"))
        .filter(
            n ->
                n.intsAttribute("axes")
                    .or(
                        () ->
                            graph
                                .initializer(n.input(1))
                                .flatMap(Initializer::longs)
                                .map(AttentionFusion::boxed))
                    .equals(Optional.of(List.of(axis))))
        .map(n -> n.input(0));
  }

  private void rewrite(Block block) {
    Projection q = block.q();
    long hidden = q.weight().dims()[0];
    long width = q.weight().dims()[1];
    String weight = block.name() + "/qkv_weight";
    String bias = block.name() + "/qkv_bias";
    int elementSize = Initializer.elementSize(q.weight().dataType());
    graph.addInitializer(
        Initializer.of(
            weight,
            q.weight().dataType(),
            new long[] {hidden, 3 * width},
            besideEachOther(
                hidden, width * elementSize, q.weight(), block.k().weight(), block.v().weight())));
    graph.addInitializer(
        Initializer.of(
            bias,
            Initializer.FLOAT,
            new long[] {3 * width},
            perColumn(width, Float.BYTES, q.bias(), block.k().bias(), block.v().bias())));
    String mask = int32Mask(block.mask());
    OnnxNode fused;
    if (q.quantized()) {
      String scale = block.name() + "/qkv_weight_scale";
      String zeroPoint = block.name() + "/qkv_weight_zero_point";
      graph.addInitializer(
          Initializer.of(
              scale,
              Initializer.FLOAT,
              new long[] {3 * width},
              perColumn(
                  width,
                  Float.BYTES,
                  q.weightScale().orElseThrow(),
                  block.k().weightScale().orElseThrow(),
                  block.v().weightScale().orElseThrow())));
      graph.addInitializer(
          Initializer.of(
              zeroPoint,
              Initializer.INT8,
              new long[] {3 * width},
              zeroPoints(width, q, block.k(), block.v())));
      fused =
          OnnxNode.microsoft(
              "QAttention",
              block.name(),
              List.of(q.x(), weight, bias, q.xScale(), scale, mask, q.xZeroPoint(), zeroPoint),
              List.of(block.output().output()));
    } else {
      fused =
          OnnxNode.microsoft(
              "Attention",
              block.name(),
              List.of(q.x(), weight, bias, mask),
              List.of(block.output().output()));
    }
    graph.replace(block.output(), fused.withInt("num_heads", block.heads()));
  }

  private String int32Mask(String mask) {
    return int32Masks.computeIfAbsent(
        mask,
        m -> {
          String int32 = m + "/leadstream_int32";
          graph.addFirst(
              OnnxNode.standard("Cast", int32, List.of(m), List.of(int32)).withInt("to", CAST_TO));
          return int32;
        });
  }

  /** Row-major [rows, a|b|c]: each row of the three matrices one after the other. */
  private static byte[] besideEachOther(long rows, long rowBytes, Initializer... matrices) {
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(rows * rowBytes * matrices.length));
    List<ByteBuffer> data = new ArrayList<>();
    for (Initializer m : matrices) {
      data.add(m.data().orElseThrow());
    }
    byte[] row = new byte[Math.toIntExact(rowBytes)];
    for (long r = 0; r < rows; r++) {
      for (ByteBuffer d : data) {
        d.get(row);
        out.put(row);
      }
    }
    return out.array();
  }

  /** Per-column values of three scalars or [width] vectors, side by side. */
  private static byte[] perColumn(long width, int elementSize, Initializer... values) {
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(3 * width * elementSize));
    for (Initializer v : values) {
      out.put(columns(v, width, elementSize));
    }
    return out.array();
  }

  /** A scalar repeated for each column, or the [width] vector itself. */
  private static byte[] columns(Initializer value, long width, int elementSize) {
    ByteBuffer d = value.data().orElseThrow();
    byte[] out = new byte[Math.toIntExact(width * elementSize)];
    if (value.elements() == 1) {
      byte[] one = new byte[elementSize];
      d.get(one);
      for (int i = 0; i < width; i++) {
        System.arraycopy(one, 0, out, i * elementSize, elementSize);
      }
    } else {
      d.get(out);
    }
    return out;
  }

  /** Per-column zero points of the three weights; an absent one is 0. */
  private static byte[] zeroPoints(long width, Projection... projections) {
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(3 * width));
    for (Projection p : projections) {
      out.put(
          p.weightZeroPoint()
              .map(z -> columns(z, width, 1))
              .orElse(new byte[Math.toIntExact(width)]));
    }
    return out.array();
  }

  private Optional<OnnxNode> producedBy(String value, String opType, OnnxNode reader) {
    return graph.producer(value).filter(p -> p.is(opType)).filter(p -> readOnlyBy(value, reader));
  }

  private boolean readOnlyBy(String value, OnnxNode reader) {
    return graph.soleConsumer(value).filter(c -> c == reader).isPresent();
  }

  private static boolean isTranspose(OnnxNode node, List<Long> perm) {
    return node.is("Transpose") && node.intsAttribute("perm").equals(Optional.of(perm));
  }

  private Optional<List<Long>> shape(OnnxNode reshape) {
    return graph
        .initializer(reshape.input(1))
        .flatMap(Initializer::longs)
        .map(AttentionFusion::boxed);
  }

  private Optional<Float> scalar(String value) {
    return graph
        .initializer(value)
        .filter(t -> t.elements() == 1)
        .flatMap(Initializer::floats)
        .map(f -> f[0]);
  }

  private static boolean isMatrix(Initializer w, int dataType, long columns) {
    long[] dims = w.dims();
    return w.dataType() == dataType
        && dims.length == 2
        && dims[1] == columns
        && w.data().isPresent();
  }

  private static boolean isScalarOrColumns(Initializer t, long columns) {
    return t.data().isPresent()
        && (t.elements() == 1 || (t.dims().length == 1 && t.dims()[0] == columns));
  }

  private static List<Long> boxed(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
