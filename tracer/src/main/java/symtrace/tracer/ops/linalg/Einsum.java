package symtrace.tracer.ops.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code aten.einsum.default} as ATen's CompositeImplicitAutograd kernel lowers it: every operand
 * is aligned to the shape of {@link EinsumEquation} (a diagonal for a repeated label, {@code
 * unsqueeze} for a missing one, one {@code permute}); operands are contracted pairwise, left to
 * right unless a path is given, by {@link #sumProductPair} ({@code permute}, {@code reshape},
 * {@code bmm}, {@code view}, {@code permute}); the remaining contracted dims are dropped with a
 * {@code view}, or summed for a single operand.
 */
public final class Einsum {
  private final Ops ops;
  private final Provenance why;

  private Einsum(Ops ops, Provenance why) {
    this.ops = ops;
    this.why = why;
  }

  /** The decomposition. */
  public static Object decompose(Args a, Ops ops) {
    return new Einsum(ops, Provenance.of(a.op().toString()))
        .run(a.string(0), a.tensorList(1), a.optLongList(2));
  }

  /** {@code t.sym_size(dim) != 1}, traced (C++ einsum runs above the tracer). */
  private boolean notOne(TensorValue t, int dim) {
    return PyScalars.truth(ops.scalarBinary("ne", TracedSizes.size(t, dim), 1L), why);
  }

  /** {@code a == b} on sizes, traced. */
  private boolean equal(Object a, Object b) {
    return PyScalars.truth(ops.scalarBinary("eq", a, b), why);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw TensorError.runtime(message);
    }
  }

  private Object run(String equation, List<TensorValue> operands, long[] path) {
    check(!operands.isEmpty(), "einsum(): must provide at least one operand");
    int numOps = operands.size();
    if (path != null) {
      int pathSize = numOps == 1 ? 1 : (numOps - 1) * 2;
      check(path.length == pathSize, "einsum(): expected contraction path given in path"
          + " parameter to have size " + pathSize + " but got " + path.length);
    }
    int[] dims = operands.stream().mapToInt(TensorValue::dim).toArray();
    EinsumEquation eq = EinsumEquation.parse(equation, dims);

    Object[] labelSize = new Object[EinsumEquation.TOTAL_LABELS];
    Arrays.fill(labelSize, 1L);
    Object[] ellipsisSizes = new Object[eq.ellipsisDims];
    Arrays.fill(ellipsisSizes, 1L);
    int[] dimCounts = new int[eq.alignedDims];
    List<TensorValue> pending = new ArrayList<>();
    for (int i = 0; i < numOps; i++) {
      pending.add(align(operands.get(i), i, eq, labelSize, ellipsisSizes, dimCounts));
    }
    int step = 0;
    while (pending.size() > 1) {
      int i = 0;
      int j = 1;
      if (path != null) {
        i = (int) path[step++];
        j = (int) path[step++];
        if (j < i) {
          int t = i;
          i = j;
          j = t;
        }
        check(i != j && i >= 0 && j < pending.size(), "einsum(): invalid contraction (" + i + ", "
            + j + (i == j ? ") cannot contract an operand with itself"
                : ") operand index is out of bounds"));
      }
      TensorValue a = pending.get(i);
      TensorValue b = pending.get(j);
      pending.remove(j);
      pending.remove(i);
      List<Long> sumDims = new ArrayList<>();
      List<Long> aDimsToSum = new ArrayList<>();
      List<Long> bDimsToSum = new ArrayList<>();
      for (int dim = eq.outDims; dim < eq.alignedDims; dim++) {
        if (notOne(a, dim) && notOne(b, dim)) {
          if (--dimCounts[dim] == 1) {
            sumDims.add((long) dim);
            dimCounts[dim] = 0;
          }
        } else if (dimCounts[dim] == 1) {
          if (notOne(a, dim)) {
            aDimsToSum.add((long) dim);
            dimCounts[dim] = 0;
          } else if (notOne(b, dim)) {
            bDimsToSum.add((long) dim);
            dimCounts[dim] = 0;
          }
        }
      }
      if (!aDimsToSum.isEmpty()) {
        a = (TensorValue) ops.call("aten.sum.dim_IntList", a, aDimsToSum, true);
      }
      if (!bDimsToSum.isEmpty()) {
        b = (TensorValue) ops.call("aten.sum.dim_IntList", b, bDimsToSum, true);
      }
      TensorValue product = sumProductPair(a, b, sumDims, true);
      if (path != null) {
        pending.add(product);
      } else {
        pending.add(0, product);
      }
    }

    TensorValue result = pending.get(0);
    if (eq.alignedDims - eq.outDims > 0) {
      if (numOps > 1) {
        List<Object> sizes = TracedSizes.range(result, 0, eq.outDims);
        return ops.call("aten.view.default", result, sizes);
      }
      List<Long> sumDims = new ArrayList<>();
      for (int d = eq.outDims; d < eq.alignedDims; d++) {
        sumDims.add((long) d);
      }
      return ops.call("aten.sum.dim_IntList", result, sumDims);
    }
    return result;
  }

  /** One operand permuted to the aligned shape, its sizes checked against the others'. */
  private TensorValue align(TensorValue operand, int index, EinsumEquation eq,
      Object[] labelSize, Object[] ellipsisSizes, int[] dimCounts) {
    TensorValue op = operand;
    List<Integer> labels = eq.operandLabels.get(index);
    long[] permutation = new long[eq.alignedDims];
    Arrays.fill(permutation, -1);
    int dim = 0;
    for (int s : labels) {
      if (s == EinsumEquation.ELLIPSIS) {
        int covered = operand.dim() - (labels.size() - 1);
        for (int j = eq.ellipsisDims - covered; j < eq.ellipsisDims; j++) {
          if (notOne(op, dim)) {
            Object size = TracedSizes.size(op, dim);
            check(equal(ellipsisSizes[j], 1L) || equal(ellipsisSizes[j], size),
                "einsum(): dimension " + dim + " covered by ellipsis in operand " + index
                    + "has size " + size + " which does not broadcast with previously seen"
                    + " ellipsis with size " + ellipsisSizes[j] + " for the respective dimension");
            ellipsisSizes[j] = size;
            dimCounts[eq.ellipsisIndex + j]++;
          }
          permutation[eq.ellipsisIndex + j] = dim++;
        }
      } else if (permutation[eq.permIndex[s]] == -1) {
        if (notOne(op, dim)) {
          Object size = TracedSizes.size(op, dim);
          check(equal(labelSize[s], 1L) || equal(labelSize[s], size),
              "einsum(): subscript " + EinsumEquation.label(s) + " has size " + size
                  + " for operand " + index + " which does not broadcast with previously seen"
                  + " size " + labelSize[s]);
          labelSize[s] = size;
          dimCounts[eq.permIndex[s]]++;
        }
        permutation[eq.permIndex[s]] = dim++;
      } else {
        int previous = (int) permutation[eq.permIndex[s]];
        Object size = TracedSizes.size(op, dim);
        Object before = TracedSizes.size(op, previous);
        check(equal(size, before), "einsum(): subscript " + EinsumEquation.label(s)
            + " is repeated for operand " + index + " but the sizes don't match, " + size
            + " != " + before);
        Object diagonal = ops.call("aten.diagonal.default", op, 0L, (long) previous,
            (long) dim);
        op = (TensorValue) ops.call("aten.movedim.int", diagonal, -1L, (long) previous);
      }
    }
    for (int k = 0; k < permutation.length; k++) {
      if (permutation[k] == -1) {
        op = (TensorValue) ops.call("aten.unsqueeze.default", op, (long) dim);
        permutation[k] = dim++;
      }
    }
    return (TensorValue) ops.call("aten.permute.default", op, longs(permutation));
  }

  private static List<Long> longs(long[] values) {
    List<Long> out = new ArrayList<>();
    for (long v : values) {
      out.add(v);
    }
    return out;
  }

  private Object times(Object acc, Object size) {
    return acc == null ? size : ops.mul(acc, size);
  }

  /**
   * ATen's {@code sumproduct_pair}: {@code (left * right).sum(sumDims)} for operands of one rank
   * (dims of size 1 broadcast), as one {@code bmm} over the dims both keep.
   */
  private TensorValue sumProductPair(TensorValue left, TensorValue right, List<Long> sumDims,
      boolean keepdim) {
    check(left.dim() == right.dim(), "number of dimensions must match");
    if (sumDims.isEmpty()) {
      return (TensorValue) ops.call("aten.mul.Tensor", left, right);
    }
    int dim = left.dim();
    boolean[] summed = new boolean[dim];
    for (long d : sumDims) {
      summed[ShapeRules.wrapDim(d, dim)] = true;
    }
    List<Long> lro = new ArrayList<>();
    List<Long> lo = new ArrayList<>();
    List<Long> ro = new ArrayList<>();
    Object lroSize = null;
    Object loSize = null;
    Object roSize = null;
    Object sumSize = null;
    for (int i = 0; i < dim; i++) {
      boolean sl = notOne(left, i);
      if (summed[i]) {
        if (sl && notOne(right, i)) {
          sameSize(left, right, i);
          sumSize = times(sumSize, TracedSizes.size(left, i));
        } else if (sl) {
          left = (TensorValue) ops.call("aten.sum.dim_IntList", left, List.of((long) i), true);
        } else if (notOne(right, i)) {
          right = (TensorValue) ops.call("aten.sum.dim_IntList", right, List.of((long) i), true);
        }
      } else if (sl && notOne(right, i)) {
        sameSize(left, right, i);
        lro.add((long) i);
        lroSize = times(lroSize, TracedSizes.size(left, i));
      } else if (sl) {
        lo.add((long) i);
        loSize = times(loSize, TracedSizes.size(left, i));
      } else {
        ro.add((long) i);
        roSize = times(roSize, TracedSizes.size(right, i));
      }
    }
    List<Object> outSize = new ArrayList<>();
    for (long d : lro) {
      outSize.add(TracedSizes.size(left, (int) d));
    }
    for (long d : lo) {
      outSize.add(TracedSizes.size(left, (int) d));
    }
    for (int k = 0; k < sumDims.size(); k++) {
      outSize.add(1L);
    }
    for (long d : ro) {
      outSize.add(TracedSizes.size(right, (int) d));
    }
    List<Long> lperm = concat(lro, lo, sumDims, ro);
    List<Long> rperm = concat(lro, sumDims, ro, lo);
    long[] operm = new long[lperm.size()];
    List<Long> order = concat(lro, lo, sumDims, ro);
    for (int k = 0; k < order.size(); k++) {
      operm[(int) (long) order.get(k)] = k;
    }
    Object one = 1L;
    Object l = ops.call("aten.reshape.default", ops.call("aten.permute.default", left, lperm),
        List.of(or(lroSize, one), or(loSize, one), or(sumSize, one)));
    Object r = ops.call("aten.reshape.default", ops.call("aten.permute.default", right, rperm),
        List.of(or(lroSize, one), or(sumSize, one), or(roSize, one)));
    Object result = ops.call("aten.bmm.default", l, r);
    TensorValue out = (TensorValue) ops.call("aten.permute.default",
        ops.call("aten.view.default", result, outSize), longs(operm));
    if (!keepdim) {
      List<Object> sizes = new ArrayList<>();
      for (int d = 0; d < dim; d++) {
        if (!summed[d]) {
          sizes.add(PyScalars.normalize(out.symSize(d)));
        }
      }
      out = (TensorValue) ops.call("aten.view.default", out, sizes);
    }
    return out;
  }

  private void sameSize(TensorValue left, TensorValue right, int i) {
    check(equal(TracedSizes.size(left, i), TracedSizes.size(right, i)),
        "non-broadcast dimensions must match");
  }

  private static Object or(Object value, Object fallback) {
    return value == null ? fallback : value;
  }

  @SafeVarargs
  private static List<Long> concat(List<Long>... parts) {
    List<Long> out = new ArrayList<>();
    for (List<Long> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}
