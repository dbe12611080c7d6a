package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * Whether a tensor is contiguous, as c10 computes it for a composite that asks ({@code
 * is_contiguous()}, {@code is_contiguous_or_false()}): {@code compute_contiguous} over {@code
 * _compute_contiguous_sym} (c10/core/Contiguity.h), once per tensor, the answer then kept with
 * the tensor as a TensorImpl keeps it. Composites run above the tracer, so every comparison,
 * {@code sym_max} and product of this computation goes through {@link Ops} in c10's order and a
 * trace records it (unused, those nodes are removed later, their names stay taken): sizes are
 * read from the last dimension to the first.
 *
 * <p>The computation: a first pass that proves contiguity where it can without committing
 * ({@code guard_or_false} on size tests, {@code guard_or_true} on stride tests, expected strides
 * both plain and with every size at least 1); when it cannot, the condition as one symbolic
 * bool; when every size and stride has a hint, that condition is decided by the plain guarded
 * loop of {@code _compute_contiguous<SymInt>} instead.
 */
public final class Contiguity {
  private Contiguity() {}

  /** {@code t.is_contiguous()}: the cached answer, guarded. */
  public static boolean isContiguous(TensorValue t, Ops ops, Provenance why) {
    return of(t, ops, why).guardBool(why);
  }

  /** {@code t.is_contiguous_or_false()}: the cached answer, false when undecidable. */
  public static boolean isContiguousOrFalse(TensorValue t, Ops ops, Provenance why) {
    return of(t, ops, why).guardOrFalse(why);
  }

  /** The tensor's contiguity, computed on first use and then remembered with the tensor. */
  static SymBool of(TensorValue t, Ops ops, Provenance why) {
    if (!(t instanceof FakeTensor fake)) {
      return compute(t, ops, why);
    }
    SymBool known = fake.knownContiguity();
    if (known == null) {
      known = compute(t, ops, why);
      fake.rememberContiguity(known);
    }
    return known;
  }

  /**
   * {@code SymbolicShapeMeta::compute_contiguous}, memoized by layout ({@link Ops#memoized}): a
   * trace asks it of hundreds of tensors with a handful of distinct layouts, and a later tensor
   * with a known layout gets the answer and the same recorded operations without the arithmetic.
   */
  private static SymBool compute(TensorValue t, Ops ops, Provenance why) {
    Layout layout = Layout.of(t);
    return ops.memoized("compute_contiguous", layout.values,
        values -> compute(new Layout(values), ops, why));
  }

  private static SymBool compute(Layout t, Ops ops, Provenance why) {
    Object result = symbolic(t, ops, why);
    if (!PyScalars.isSymbolic(result)) {
      return PyScalars.toSymBool(result);
    }
    if (t.allHinted()) {
      return SymBool.of(guarded(t, ops, why));
    }
    return PyScalars.toSymBool(result);
  }

  /** {@code _compute_contiguous_sym}: true when the first pass proves it, else the condition. */
  private static Object symbolic(Layout t, Ops ops, Provenance why) {
    if (provablyContiguous(t, ops, why)) {
      return true;
    }
    Object empty = ops.scalarBinary("eq", t.numel(), 0L);
    Object condition = true;
    Object expected = 1L;
    for (int d = t.dim() - 1; d >= 0; d--) {
      Object size = atLeastOne(ops, t.size(d));
      Object fits = ops.scalarBinary("or_", ops.scalarBinary("eq", size, 1L),
          ops.scalarBinary("eq", t.stride(d), expected));
      condition = ops.scalarBinary("and_", condition, fits);
      expected = ops.mul(expected, size);
    }
    return ops.scalarBinary("or_", condition, empty);
  }

  /** The {@code is_contiguous_or_false} lambda of {@code _compute_contiguous_sym}. */
  private static boolean provablyContiguous(Layout t, Ops ops, Provenance why) {
    if (orFalse(ops.scalarBinary("eq", t.numel(), 0L), why)) {
      return true;
    }
    Object expected = 1L;
    Object expectedMax = 1L;
    for (int d = t.dim() - 1; d >= 0; d--) {
      Object size = t.size(d);
      if (orFalse(ops.scalarBinary("eq", size, 1L), why)) {
        continue;
      }
      Object stride = t.stride(d);
      if (orTrue(ops.scalarBinary("ne", stride, expected), why)
          && orTrue(ops.scalarBinary("ne", stride, expectedMax), why)) {
        return false;
      }
      expectedMax = ops.mul(expectedMax, atLeastOne(ops, size));
      expected = ops.mul(expected, size);
    }
    return true;
  }

  /** {@code _compute_contiguous<SymInt>}: each test a plain guarded bool. */
  private static boolean guarded(Layout t, Ops ops, Provenance why) {
    if (PyScalars.truth(ops.scalarBinary("eq", t.numel(), 0L), why)) {
      return true;
    }
    Object expected = 1L;
    for (int d = t.dim() - 1; d >= 0; d--) {
      Object size = t.size(d);
      if (PyScalars.truth(ops.scalarBinary("eq", size, 1L), why)) {
        continue;
      }
      if (PyScalars.truth(ops.scalarBinary("ne", t.stride(d), expected), why)) {
        return false;
      }
      expected = ops.mul(expected, size);
    }
    return true;
  }

  /**
   * What the computation reads of a tensor, as Python holds it (plain numbers for known
   * values): the sizes, the strides, then the element count.
   */
  private record Layout(List<Object> values) {
    static Layout of(TensorValue t) {
      int dim = t.dim();
      List<Object> values = new ArrayList<>(2 * dim + 1);
      for (int d = 0; d < dim; d++) {
        values.add(PyScalars.normalize(t.symSize(d)));
      }
      for (int d = 0; d < dim; d++) {
        values.add(PyScalars.normalize(t.symStride(d)));
      }
      values.add(PyScalars.normalize(t.symNumel()));
      return new Layout(values);
    }

    int dim() {
      return (values.size() - 1) / 2;
    }

    Object size(int d) {
      return values.get(d);
    }

    Object stride(int d) {
      return values.get(dim() + d);
    }

    Object numel() {
      return values.get(values.size() - 1);
    }

    /** Whether every size and stride has an example value. */
    boolean allHinted() {
      for (int i = 0; i < values.size() - 1; i++) {
        if (values.get(i) instanceof SymInt v && !v.isConstant() && !v.node().hasHint()) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code size.max(1)}: {@code torch.sym_max} for a symbolic size. */
  private static Object atLeastOne(Ops ops, Object size) {
    if (PyScalars.isSymbolic(size)) {
      return ops.call("torch.sym_max", size, 1L);
    }
    return Math.max((Long) size, 1L);
  }

  private static boolean orFalse(Object condition, Provenance why) {
    return PyScalars.toSymBool(condition).guardOrFalse(why);
  }

  private static boolean orTrue(Object condition, Provenance why) {
    return PyScalars.toSymBool(condition).guardOrTrue(why);
  }
}
