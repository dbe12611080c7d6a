package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Layout;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code x[index]} and {@code x[index] = value} lowered to aten calls as PyTorch's {@code
 * THPVariable_getitem} / {@code THPVariable_setitem} and {@code TensorIndexing.h} do: an
 * integer is {@code select.int}, a slice {@code slice.Tensor} (in a tuple, one known to cover
 * its whole dimension is skipped), {@code None} {@code unsqueeze}, {@code ...} skips dimensions, tensors and lists are
 * advanced indices ({@code index.Tensor}, {@code index_put_}); an assignment without tensor
 * indices copies into the view ({@code copy_}, or {@code fill_} for a scalar), a Python number
 * being first made a tensor of the target's dtype ({@code lift_fresh}).
 */
final class Indexing {
  private static final long INDEX_MAX = Long.MAX_VALUE;
  private static final long INDEX_MIN = Long.MIN_VALUE;
  private static final Provenance WHY = Provenance.of("index");
  private static final Provenance SETITEM = Provenance.of("setitem");

  private final Aten aten;

  Indexing(Aten aten) {
    this.aten = aten;
  }

  /** {@code self[index]}. */
  Object get(TensorValue self, Object index) {
    if (index == null) {
      return unsqueeze(self, 0);
    }
    if (index == PyEllipsis.INSTANCE) {
      return aten.call("alias.default", self);
    }
    if (isPlainInt(index)) {
      return select(self, 0, index, 0);
    }
    if (index instanceof PySlice s) {
      return slice(self, 0, s, false);
    }
    if (index instanceof Boolean b) {
      TensorValue r = unsqueeze(self, 0);
      return aten.call("index.Tensor", r, List.of(boolIndex(b)));
    }
    Sliced s = applySlicing(self, asTuple(index));
    if (s.indices().isEmpty()) {
      return s.result() == self ? aten.call("alias.default", self) : s.result();
    }
    return aten.call("index.Tensor", s.result(), trimmed(s.indices()));
  }

  /** {@code self[index] = value}. */
  void set(TensorValue self, Object index, Object value) {
    TensorValue v = valueToTensor(self, value);
    if (Boolean.FALSE.equals(index)) {
      return;
    }
    if (index == PyEllipsis.INSTANCE) {
      copyTo(self, v);
      return;
    }
    if (index == null || Boolean.TRUE.equals(index)) {
      copyTo(unsqueeze(self, 0), v);
      return;
    }
    if (isPlainInt(index) || index instanceof SymInt) {
      copyTo(select(self, 0, index, 0), v);
      return;
    }
    if (index instanceof PySlice s) {
      copyTo(slice(self, 0, s, true), v);
      return;
    }
    Sliced s = applySlicing(self, asTuple(index));
    if (s.indices().isEmpty()) {
      copyTo(s.result(), v);
      return;
    }
    List<Object> sizes = sizeList(v.symSizes());
    List<Object> stripped = stripLeadingOnes(sizes);
    TensorValue values = sameSizes(sizes, stripped) ? v
        : (TensorValue) aten.call("view.default", v, stripped);
    aten.call("index_put_.default", s.result(), trimmed(s.indices()), values);
  }

  // ---------------------------------------------------------------------------------------
  // The parts of an index

  private record Sliced(TensorValue result, List<Object> indices) {}

  /** {@code applySlicing}: each index in turn, collecting advanced indices. */
  private Sliced applySlicing(TensorValue self, List<?> items) {
    int specified = 0;
    for (Object obj : items) {
      if (obj instanceof TensorValue t) {
        specified += t.dtype() == DType.BOOL ? t.dim() : 1;
      } else if (obj != null && obj != PyEllipsis.INSTANCE && !(obj instanceof Boolean)) {
        specified++;
      }
    }
    if (specified > self.dim()) {
      throw PythonError.indexError("too many indices for tensor of dimension " + self.dim());
    }
    TensorValue result = self;
    List<Object> indices = new ArrayList<>();
    int[] dim = {0};
    for (int i = 0; i < items.size(); i++) {
      Object obj = items.get(i);
      if (isPlainInt(obj)) {
        result = select(result, dim[0], obj, i);
      } else if (obj instanceof SymInt s) {
        // PyNumber_Index: a SymInt inside a tuple index is specialized.
        result = select(result, dim[0], s.isConstant() ? s.constantValue() : s.guardInt(WHY), i);
      } else if (obj instanceof PySlice s) {
        result = slice(result, dim[0], s, true);
        dim[0]++;
        padIfAdvanced(indices, 1);
      } else if (obj == PyEllipsis.INSTANCE) {
        int n = self.dim() - specified;
        dim[0] += n;
        padIfAdvanced(indices, n);
      } else if (obj == null) {
        result = unsqueeze(result, dim[0]);
        dim[0]++;
        padIfAdvanced(indices, 1);
      } else if (obj instanceof Boolean b) {
        result = unsqueeze(result, dim[0]);
        record(boolIndex(b), indices, dim);
      } else if (obj instanceof TensorValue t) {
        if (t.dim() == 0 && !t.dtype().isFloatingPoint()) {
          Object value = aten.call("item.default", t);
          if (t.dtype() == DType.BOOL) {
            result = unsqueeze(result, dim[0]);
            record(boolIndex(PyScalars.truth(value, WHY)), indices, dim);
          } else {
            result = select(result, dim[0], specialized(value), i);
          }
        } else {
          record(t, indices, dim);
        }
      } else if (obj instanceof List<?> seq) {
        record(sequenceTensor(seq), indices, dim);
      } else {
        throw invalidIndex(obj);
      }
    }
    return new Sliced(result, indices);
  }

  private static void padIfAdvanced(List<Object> indices, int n) {
    if (!indices.isEmpty()) {
      for (int k = 0; k < n; k++) {
        indices.add(null);
      }
    }
  }

  /** {@code recordTensorIndex}: the first advanced index lands at the current dimension. */
  private static void record(TensorValue t, List<Object> indices, int[] dim) {
    if (indices.isEmpty()) {
      for (int k = 0; k < dim[0]; k++) {
        indices.add(null);
      }
    }
    indices.add(t);
    dim[0] += t.dtype() == DType.BOOL ? t.dim() : 1;
  }

  private static List<Object> trimmed(List<Object> indices) {
    List<Object> out = new ArrayList<>(indices);
    while (!out.isEmpty() && out.get(out.size() - 1) == null) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /**
   * {@code applySelect}: the bounds checked through SymInts ({@code size > -1 - index and size >
   * index}, traced), then {@code select.int}.
   */
  private TensorValue select(TensorValue self, int dim, Object index, int realDim) {
    if (self.dim() == 0) {
      throw PythonError.indexError("invalid index of a 0-dim tensor. Use `tensor.item()` in"
          + " Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
    }
    Ops ops = aten.ops();
    Object i = PyScalars.normalize(index);
    Object size = PyScalars.normalize(self.symSize(dim));
    Object inBounds = ops.scalarBinary("and_", ops.scalarBinary("gt", size, ops.sub(-1L, i)),
        ops.scalarBinary("gt", size, i));
    if (!PyScalars.toSymBool(inBounds).expectTrue(WHY)) {
      throw PythonError.indexError("index " + index + " is out of bounds for dimension "
          + realDim + " with size " + size);
    }
    return aten.tensor("select.int", self, (long) dim, PyScalars.normalize(index));
  }

  /**
   * {@code applySlice}: None bounds as Python fills them, a positive step required; unless the
   * optimization is off (a lone slice read, {@code x[a:b]}), a slice that provably covers the
   * whole dimension ({@code start == 0} and {@code size <= stop} statically known, step 1; the
   * tests are traced, and record no guard) is the tensor itself. A concrete size is below an
   * open stop ({@code sys.maxsize}), so {@code x[:, 0]} on fake or real tensors has no slice; a
   * symbol's range reaches {@code int_oo}, so a symbolic trace keeps it.
   */
  private TensorValue slice(TensorValue self, int dim, PySlice s, boolean optimize) {
    Ops ops = aten.ops();
    Object step = s.step() == null ? (Object) 1L : sliceIndex(s.step());
    if (Long.valueOf(0).equals(step)) {
      throw PythonError.valueError("slice step cannot be zero");
    }
    if (!PyScalars.toSymBool(ops.scalarBinary("gt", step, 0L)).expectTrue(WHY)) {
      throw PythonError.valueError("step must be greater than zero");
    }
    Object start = s.start() == null ? (Object) 0L : sliceIndex(s.start());
    Object stop = s.stop() == null ? (Object) INDEX_MAX : sliceIndex(s.stop());
    if (optimize) {
      Object length = PyScalars.normalize(self.symSize(dim));
      if (knownTrue(ops.scalarBinary("eq", start, 0L))
          && knownTrue(ops.scalarBinary("le", length, stop))
          && PyScalars.truth(ops.scalarBinary("eq", step, 1L), WHY)) {
        return self;
      }
    }
    return aten.tensor("slice.Tensor", self, (long) dim, start, stop, step);
  }

  private static boolean knownTrue(Object condition) {
    return PyScalars.toSymBool(condition).staticallyKnownTrue();
  }

  private static Object sliceIndex(Object v) {
    if (isPlainInt(v) || v instanceof SymInt) {
      return PyScalars.normalize(v);
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    throw PythonError.typeError("slice indices must be integers or None or have an __index__"
        + " method");
  }

  private TensorValue unsqueeze(TensorValue self, int dim) {
    return aten.tensor("unsqueeze.default", self, (long) dim);
  }

  /** A Python bool as an index: a new dimension of size 1 indexed by {@code [0]} or {@code []}. */
  private TensorValue boolIndex(boolean value) {
    Map<String, Object> options = Map.of("dtype", DType.INT64, "layout", Layout.STRIDED,
        "device", Device.CPU);
    TensorValue t = (TensorValue) aten.call("empty.memory_format",
        List.of(List.of(value ? 1L : 0L)), options);
    return value ? aten.tensor("fill_.Scalar", t, 0.0) : t;
  }

  /** A list index ({@code x[[0, 2]]}): an int64 (or bool) constant tensor. */
  private TensorValue sequenceTensor(List<?> seq) {
    Tensor t = TensorLiterals.of(seq, null);
    if (t.dtype() != DType.BOOL && t.dtype() != DType.INT64) {
      if (t.dtype().isFloatingPoint()) {
        throw PythonError.indexError("tensors used as indices must be long, int, byte or bool"
            + " tensors");
      }
      t = TensorLiterals.of(seq, DType.INT64);
    }
    return aten.tensor("lift_fresh.default", t);
  }

  private static long specialized(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    return ((SymInt) v).guardInt(WHY);
  }

  /** The index as a tuple of indices ({@code wrapTuple}). */
  private static List<?> asTuple(Object index) {
    if (index instanceof PyTuple t) {
      return t;
    }
    if (index instanceof List<?> l && l.size() < 32) {
      for (Object item : l) {
        if (item instanceof TensorValue || item instanceof List<?> || item instanceof PySlice
            || item == PyEllipsis.INSTANCE || item == null) {
          return l;
        }
      }
    }
    return List.of(index);
  }

  private static PythonError invalidIndex(Object obj) {
    return PythonError.indexError("only integers, slices (`:`), ellipsis (`...`), None and long"
        + " or byte Variables are valid indices (got " + PyTypes.name(obj) + ")");
  }

  private static boolean isPlainInt(Object v) {
    return v instanceof Long || v instanceof Integer;
  }

  // ---------------------------------------------------------------------------------------
  // Assignment

  /** {@code valueToTensor}: a Python number becomes a tensor of the target's dtype. */
  private TensorValue valueToTensor(TensorValue self, Object value) {
    if (value instanceof TensorValue t) {
      return t;
    }
    Object v = PyScalars.normalize(value);
    if (v instanceof Boolean b) {
      v = b ? 1L : 0L;
    }
    if (v instanceof Long l) {
      return aten.tensor("lift_fresh.default", Tensor.ofLongs(self.dtype(), new long[0], l));
    }
    if (v instanceof Double d) {
      return aten.tensor("lift_fresh.default", Tensor.ofDoubles(self.dtype(), new long[0], d));
    }
    if (PyScalars.isSymbolic(v)) {
      return (TensorValue) aten.call("scalar_tensor.default", List.of(v), Map.of(
          "dtype", self.dtype(), "layout", Layout.STRIDED, "device", Device.CPU));
    }
    throw PythonError.typeError("can't assign a " + PyTypes.name(value) + " to a "
        + self.dtype().legacyTypeName());
  }

  /** {@code copy_to}: {@code copy_} for equal shapes, {@code fill_} for 0-dim, else broadcast. */
  private void copyTo(TensorValue dst, TensorValue src) {
    List<Object> dstSizes = sizeList(dst.symSizes());
    if (sameSizes(dstSizes, sizeList(src.symSizes()))) {
      aten.call("copy_.default", dst, src);
      return;
    }
    if (src.dim() == 0) {
      aten.call("fill_.Tensor", dst, src);
      return;
    }
    TensorValue view = (TensorValue) aten.call("view.default", src,
        stripLeadingOnes(sizeList(src.symSizes())));
    // expand_inplace
    TensorValue expanded = sameSizes(dstSizes, sizeList(view.symSizes())) ? view
        : (TensorValue) aten.call("expand.default", view, dstSizes);
    aten.call("copy_.default", dst, expanded);
  }

  /** {@code SymIntArrayRef::equals}: the same length and each size equal (traced, guarded). */
  private boolean sameSizes(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!PyScalars.truth(aten.ops().scalarBinary("eq", a.get(i), b.get(i)), SETITEM)) {
        return false;
      }
    }
    return true;
  }

  /** {@code slicePrefix1sSize}: sizes without their leading ones (each test traced). */
  private List<Object> stripLeadingOnes(List<Object> sizes) {
    int first = sizes.size();
    for (int i = 0; i < sizes.size(); i++) {
      Object s = sizes.get(i);
      boolean unbacked = s instanceof SymInt sym && !sym.isConstant() && !sym.node().hasHint();
      if (unbacked || PyScalars.truth(aten.ops().scalarBinary("ne", s, 1L), SETITEM)) {
        first = i;
        break;
      }
    }
    return sizes.subList(first, sizes.size());
  }

  private static List<Object> sizeList(List<SymInt> sizes) {
    List<Object> out = new ArrayList<>(sizes.size());
    for (SymInt s : sizes) {
      out.add(PyScalars.normalize(s));
    }
    return out;
  }
}
