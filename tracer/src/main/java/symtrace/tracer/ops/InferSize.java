package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.TensorError;

/**
 * {@code infer_size(shape, numel)}: a shape with its one {@code -1} replaced so that it holds
 * {@code numel} elements, in the two forms PyTorch uses, with ATen's error texts:
 *
 * <ul>
 *   <li>{@link #of}: {@code torch._prims_common.infer_size}, which fake tensors run for {@code
 *       view} on symbolic sizes: separate checks {@code numel % newsize == 0} (through {@code
 *       torch._check}), then {@code torch._check_is_size} on the inferred size;
 *   <li>{@link #traced}: ATen's {@code infer_size_impl}, which composites such as {@code
 *       unflatten} and {@code reshape} run above the tracer, so their size arithmetic is recorded
 *       ({@link Ops}) and the divisibility test is one condition, {@code (newsize > 0 and numel %
 *       newsize == 0) or numel == newsize}.
 * </ul>
 */
final class InferSize {
  private InferSize() {}

  /** The shape with {@code -1} inferred, PyTorch's reference algorithm. */
  static List<SymInt> of(List<SymInt> shape, SymInt numel, Conditions c) {
    int inferDim = -1;
    SymInt newSize = SymInt.of(1);
    for (int d = 0; d < shape.size(); d++) {
      SymInt s = shape.get(d);
      if (c.orFalse(s.eq(-1))) {
        if (inferDim >= 0) {
          throw TensorError.runtime("only one dimension can be inferred");
        }
        inferDim = d;
      } else {
        c.check(s.ge(0), () -> TensorError.runtime("invalid shape dimension " + s));
        newSize = newSize.mul(s);
      }
    }
    if (inferDim < 0) {
      c.check(numel.eq(newSize), () -> invalid(shape, numel));
      return List.copyOf(shape);
    }
    SymInt known = newSize;
    c.check(known.ne(0), () -> c.orFalse(numel.eq(0)) ? ambiguous(shape) : invalid(shape, numel));
    c.check(numel.mod(known).eq(0), () -> invalid(shape, numel));
    List<SymInt> out = new ArrayList<>(shape);
    SymInt inferred = numel.floorDiv(known);
    c.checkIsSize(inferred);
    out.set(inferDim, inferred);
    return out;
  }

  /** The shape with {@code -1} inferred, ATen's algorithm with its arithmetic recorded. */
  static List<Object> traced(List<Object> shape, Object numel, Ops ops, Conditions c) {
    // memoized by shape and element count (Ops.memoized): kept when nothing is inferred, as
    // then the shape itself comes back
    List<Object> inputs = new ArrayList<>(shape.size() + 1);
    inputs.add(numel);
    inputs.addAll(shape);
    return ops.memoized("infer_size", inputs,
        in -> inferred(in.subList(1, in.size()), in.get(0), ops, c));
  }

  private static List<Object> inferred(List<Object> shape, Object numel, Ops ops, Conditions c) {
    int inferDim = -1;
    Object newSize = 1L;
    for (int d = 0; d < shape.size(); d++) {
      Object s = shape.get(d);
      if (c.orFalse(PyScalars.toSymBool(ops.scalarBinary("eq", s, -1L)))) {
        if (inferDim >= 0) {
          throw TensorError.runtime("only one dimension can be inferred");
        }
        inferDim = d;
      } else if (PyScalars.truth(ops.scalarBinary("gt", s, -1L), c.why())) {
        // 1 * s is s: the tracer records no multiplication by one
        newSize = Long.valueOf(1L).equals(newSize) ? s : ops.mul(newSize, s);
      } else {
        throw TensorError.runtime("invalid shape dimension " + s);
      }
    }
    if (inferDim < 0) {
      c.check(PyScalars.toSymBool(ops.scalarBinary("eq", numel, newSize)),
          () -> invalid(shape, numel));
      return List.copyOf(shape);
    }
    Object known = newSize;
    if (Long.valueOf(0L).equals(known)) {
      // no numel % 0: only the element counts can agree
      c.check(PyScalars.toSymBool(ops.scalarBinary("eq", numel, known)),
          () -> invalid(shape, numel));
    } else {
      Object divisible = ops.scalarBinary("and_", ops.scalarBinary("gt", known, 0L),
          ops.scalarBinary("eq", ops.mod(numel, known), 0L));
      Object fits = ops.scalarBinary("or_", divisible, ops.scalarBinary("eq", numel, known));
      c.check(PyScalars.toSymBool(fits), () -> invalid(shape, numel));
    }
    if (!PyScalars.truth(ops.scalarBinary("ne", known, 0L), c.why())) {
      throw ambiguous(shape);
    }
    List<Object> out = new ArrayList<>(shape);
    out.set(inferDim, ops.floorDiv(numel, known));
    return out;
  }

  private static TensorError invalid(List<?> shape, Object numel) {
    return TensorError.runtime("shape '" + shape + "' is invalid for input of size " + numel);
  }

  private static TensorError ambiguous(List<?> shape) {
    return TensorError.runtime("cannot reshape tensor of 0 elements into shape " + shape
        + " because the unspecified dimension size -1 can be any value and is ambiguous");
  }
}
