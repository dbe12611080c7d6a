package symtrace.tracer.ops.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code aten.matmul.default} as PyTorch decomposes it ({@code torch/_decomp/decompositions.py},
 * registered for CompositeImplicitAutograd):
 *
 * <ul>
 *   <li>vector by vector: {@code dot}; matrix by vector: {@code mv}; vector by matrix: {@code
 *       unsqueeze}, {@code mm}, {@code squeeze}; matrix by matrix: {@code mm};
 *   <li>a stack of matrices (3 or more dims) by a vector or matrix whose leading dims fold into
 *       rows without a copy ({@link #shouldFold}): {@code reshape} to a matrix, {@code mm} or
 *       {@code mv}, {@code _unsafe_view} back;
 *   <li>otherwise the batch dims broadcast ({@link #broadcastShapes}), both sides {@code expand}
 *       and {@code reshape} to three dims, {@code bmm}, and a {@code view} to the result shape
 *       ({@code _unsafe_view} in ATen's C++ {@code matmul}, which runs when the Python
 *       dispatcher is off: fake and real tracing).
 * </ul>
 */
public final class Matmul {
  private Matmul() {}

  /** The decomposition. */
  public static Object decompose(Args a, Ops ops) {
    TensorValue t1 = a.tensor(0);
    TensorValue t2 = a.tensor(1);
    Provenance why = Provenance.of(a.op().toString());
    int d1 = t1.dim();
    int d2 = t2.dim();
    if (d1 == 0 || d2 == 0) {
      throw TensorError.runtime("both arguments to matmul need to be at least 1D, but they are "
          + d1 + "D and " + d2 + "D");
    }
    if (d1 == 1 && d2 == 1) {
      return ops.call("aten.dot.default", t1, t2);
    }
    if (d1 == 2 && d2 == 1) {
      return ops.call("aten.mv.default", t1, t2);
    }
    if (d1 == 1 && d2 == 2) {
      Object row = ops.call("aten.unsqueeze.default", t1, 0L);
      return ops.call("aten.squeeze.dim", ops.call("aten.mm.default", row, t2), 0L);
    }
    if (d1 == 2 && d2 == 2) {
      return ops.call("aten.mm.default", t1, t2);
    }
    if (shouldFold(t1, t2, ops, why)) {
      return folded(t1, t2, ops);
    }
    return batched(t1, t2, ops, why);
  }

  /**
   * {@code should_fold}: the larger operand has 3 or more dims, the other at most 2, the first
   * operand is not the matrix (that would need a copy back), and the larger one's leading dims
   * are contiguous among themselves (or it is empty), each test a {@code guard_or_false}. The
   * decomposition runs above the tracer, so its arithmetic is traced: the element count as a
   * product of the sizes (make_fx decomposes {@code aten.sym_numel} into one), the expected
   * strides, and each comparison, dims in order until one fails.
   */
  static boolean shouldFold(TensorValue t1, TensorValue t2, Ops ops, Provenance why) {
    TensorValue big = t1.dim() >= t2.dim() ? t1 : t2;
    TensorValue small = big == t1 ? t2 : t1;
    if (!(big.dim() >= 3 && small.dim() <= 2)) {
      return false;
    }
    if (t1.dim() == 2) {
      return false;
    }
    List<Object> shape = TracedSizes.range(big, 0, big.dim());
    if (orFalse(ops.scalarBinary("eq", ops.product(shape), 0L), why)) {
      return true;
    }
    int n = shape.size();
    // expected[d]: the row-major stride of dim d among dims 1..n-1
    Object[] expected = new Object[n];
    expected[n - 1] = 1L;
    for (int d = n - 2; d >= 0; d--) {
      expected[d] = ops.mul(shape.get(d + 1), expected[d + 1]);
    }
    for (int d = 0; d < n; d++) {
      Object stride = PyScalars.normalize(big.symStride(d));
      if (!(orFalse(ops.scalarBinary("eq", shape.get(d), 1L), why)
          || orFalse(ops.scalarBinary("eq", stride, expected[d]), why))) {
        return false;
      }
    }
    return true;
  }

  private static boolean orFalse(Object condition, Provenance why) {
    return PyScalars.toSymBool(condition).guardOrFalse(why);
  }

  private static boolean orTrue(Object condition, Provenance why) {
    return PyScalars.toSymBool(condition).guardOrTrue(why);
  }

  private static Object folded(TensorValue t1, TensorValue t2, Ops ops) {
    boolean transpose = t2.dim() > t1.dim();
    TensorValue f1 = transpose ? (TensorValue) ops.call("aten.transpose.int", t2, -2L, -1L) : t1;
    TensorValue f2 = !transpose ? t2
        : t1.dim() == 2 ? (TensorValue) ops.call("aten.t.default", t1) : t1;
    int last = f1.dim() - 1;
    List<Object> outputShape = TracedSizes.range(f1, 0, last);
    Object foldedRows = TracedSizes.product(ops, outputShape);
    boolean matrix = f2.dim() == 2;
    if (matrix) {
      outputShape.add(TracedSizes.size(f2, 1));
    }
    Object rows = ops.call("aten.reshape.default", f1,
        List.of(foldedRows, TracedSizes.size(f1, last)));
    if (matrix) {
      Object out = ops.call("aten._unsafe_view.default",
          ops.call("aten.mm.default", rows, f2), outputShape);
      return transpose
          ? ops.call("aten.contiguous.default", ops.call("aten.transpose.int", out, -2L, -1L))
          : out;
    }
    return ops.call("aten._unsafe_view.default", ops.call("aten.mv.default", rows, f2),
        outputShape);
  }

  private static Object batched(TensorValue t1, TensorValue t2, Ops ops, Provenance why) {
    int d1 = t1.dim();
    int d2 = t2.dim();
    Object n = d1 > 1 ? TracedSizes.size(t1, d1 - 2) : 1L;
    Object m1 = TracedSizes.size(t1, d1 - 1);
    List<Object> batch1 = TracedSizes.range(t1, 0, Math.max(d1 - 2, 0));
    Object m2 = d2 > 1 ? TracedSizes.size(t2, d2 - 2) : TracedSizes.size(t2, d2 - 1);
    Object p = d2 > 1 ? TracedSizes.size(t2, d2 - 1) : 1L;
    List<Object> batch2 = TracedSizes.range(t2, 0, Math.max(d2 - 2, 0));
    if (d1 == 3 && d2 == 3
        && orTrue(ops.scalarBinary("ne", batch1.get(0), batch2.get(0)), why)) {
      // PyTorch squeezes a broadcast batch of one only for an operand that requires grad;
      // the tests still run
      orFalse(ops.scalarBinary("eq", batch1.get(0), 1L), why);
      orFalse(ops.scalarBinary("eq", batch2.get(0), 1L), why);
    }
    List<Object> batch = broadcastShapes(batch1, batch2, ops, why);
    List<Object> size1 = new ArrayList<>(batch);
    size1.addAll(List.of(n, m1));
    Object batchProduct = TracedSizes.product(ops, batch);
    Object left = ops.call("aten.reshape.default", ops.call("aten.expand.default", t1, size1),
        List.of(batchProduct, n, m1));
    boolean vectorRhs = d2 == 1;
    List<Object> size2 = new ArrayList<>(batch);
    Object right;
    if (vectorRhs) {
      size2.add(m2);
      right = ops.call("aten.unsqueeze.default", ops.call("aten.reshape.default",
          ops.call("aten.expand.default", t2, size2), List.of(batchProduct, m2)), 2L);
    } else {
      size2.addAll(List.of(m2, p));
      right = ops.call("aten.reshape.default", ops.call("aten.expand.default", t2, size2),
          List.of(batchProduct, m2, p));
    }
    List<Object> outputShape = new ArrayList<>(batch);
    if (d1 > 1) {
      outputShape.add(n);
    }
    if (d2 > 1) {
      outputShape.add(p);
    }
    Object product = ops.call("aten.bmm.default", left, right);
    if (vectorRhs) {
      product = ops.call("aten.squeeze.dim", product, -1L);
    }
    // ATen's C++ matmul, which runs without the Python dispatcher, ends with _unsafe_view
    return ops.call(ops.pythonDispatcher() ? "aten.view.default" : "aten._unsafe_view.default",
        product, outputShape);
  }

  /**
   * {@code torch.broadcast_shapes} as Python writes it: from the right, a size that is 1 or
   * equal to the result so far (each a {@code guard_or_false}) leaves it; otherwise the result
   * must still be 1 and takes the size. Each comparison is traced.
   *
   * @throws TensorError {@code Shape mismatch: objects cannot be broadcast to a single shape}
   */
  static List<Object> broadcastShapes(List<Object> a, List<Object> b, Ops ops,
      Provenance why) {
    int ndim = Math.max(a.size(), b.size());
    Object[] result = new Object[ndim];
    Arrays.fill(result, 1L);
    for (List<Object> shape : List.of(a, b)) {
      for (int i = 1; i <= shape.size(); i++) {
        Object s = shape.get(shape.size() - i);
        if (PyScalars.truth(ops.scalarBinary("lt", s, 0L), why)) {
          throw TensorError.runtime("Trying to create tensor with negative dimension (" + s
              + "): (" + s + ")");
        }
        Object current = result[ndim - i];
        if (orFalse(ops.scalarBinary("eq", s, 1L), why)
            || orFalse(ops.scalarBinary("eq", s, current), why)) {
          continue;
        }
        if (PyScalars.truth(ops.scalarBinary("ne", current, 1L), why)) {
          throw TensorError.runtime(
              "Shape mismatch: objects cannot be broadcast to a single shape");
        }
        result[ndim - i] = s;
      }
    }
    return new ArrayList<>(Arrays.asList(result));
  }
}
