package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.DTypes;
import symtrace.tracer.tensor.Storage;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * Real tensors from Python data, as {@code torch.tensor(data)} builds them ({@code
 * internal_new_from_data}): the shape from the nesting of lists and tuples, the dtype inferred
 * (bools, then int64 for ints, then the default float32 for floats) unless one is given. A
 * symbolic number in the data is specialized to its value by a guard, as PyTorch stores the
 * number itself.
 */
final class TensorLiterals {
  private static final Provenance WHY = Provenance.of("torch.tensor");

  private TensorLiterals() {}

  /**
   * The tensor of {@code data}.
   *
   * @param dtype the requested dtype, or null to infer it
   * @throws PythonError for ragged lists or values that are not numbers
   */
  static Tensor of(Object data, DType dtype) {
    List<Long> shape = new ArrayList<>();
    List<Object> flat = new ArrayList<>();
    shapeOf(data, shape);
    flatten(data, shape, 0, flat);
    DType inferred = DType.DEFAULT_FLOAT;
    if (!flat.isEmpty()) {
      inferred = null;
      for (Object v : flat) {
        DType t = v instanceof Boolean ? DType.BOOL : v instanceof Long ? DType.INT64
            : DType.DEFAULT_FLOAT;
        inferred = inferred == null ? t : DTypes.promoteTypes(inferred, t);
      }
    }
    DType target = dtype != null ? dtype : inferred;
    long[] sizes = shape.stream().mapToLong(Long::longValue).toArray();
    Tensor t = Tensor.zeros(target, sizes);
    Storage s = t.storage();
    for (int i = 0; i < flat.size(); i++) {
      Object v = flat.get(i);
      if (v instanceof Double d) {
        s.setDouble(i, d);
      } else if (v instanceof Long l) {
        s.setLong(i, l);
      } else {
        s.setBool(i, (Boolean) v);
      }
    }
    return t;
  }

  private static void shapeOf(Object data, List<Long> shape) {
    Object v = data;
    while (v instanceof List<?> l) {
      shape.add((long) l.size());
      if (l.isEmpty()) {
        return;
      }
      v = l.get(0);
    }
  }

  private static void flatten(Object data, List<Long> shape, int depth, List<Object> out) {
    if (depth == shape.size()) {
      if (data instanceof List<?>) {
        throw PythonError.valueError("expected sequence of length " + shape.get(depth - 1)
            + " at dim " + (depth - 1) + " (got a sequence)");
      }
      out.add(number(data));
      return;
    }
    if (!(data instanceof List<?> items)) {
      throw PythonError.valueError("expected sequence of length " + shape.get(depth)
          + " at dim " + depth + " (got " + PyTypes.name(data) + ")");
    }
    if (items.size() != shape.get(depth)) {
      throw PythonError.valueError("expected sequence of length " + shape.get(depth)
          + " at dim " + depth + " (got " + items.size() + ")");
    }
    for (Object item : items) {
      flatten(item, shape, depth + 1, out);
    }
  }

  /** A plain number; a symbolic one is specialized, as PyTorch stores its value. */
  private static Object number(Object v) {
    if (v instanceof Boolean || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Integer i) {
      return (long) i;
    }
    if (v instanceof SymInt s) {
      return s.isConstant() ? s.constantValue() : s.guardInt(WHY);
    }
    if (v instanceof SymFloat f) {
      return f.guardFloat(WHY);
    }
    if (v instanceof SymBool b) {
      return b.guardBool(WHY);
    }
    if (v instanceof TensorValue) {
      throw PythonError.unsupported("torch.tensor() of tensors is not supported; use"
          + " torch.stack or clone()");
    }
    throw PythonError.typeError("new(): invalid data type '" + PyTypes.name(v) + "'");
  }
}
