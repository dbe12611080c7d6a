package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Layout;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorValue;

/**
 * The parts of {@code torch.Tensor} that are not one aten call: attributes ({@code x.shape},
 * {@code x.dtype}, ...), size queries, which read the tensor's SymInts without dispatching (a
 * trace materializes {@code sym_size} nodes when a size is used), the conversions {@code
 * to}/{@code float}/..., and the methods PyTorch writes in Python ({@code split}).
 */
final class TensorMethods {
  private final Aten aten;
  private final PyDefs defs;

  TensorMethods(Aten aten, ArgumentParser.ScalarReader scalars) {
    this.aten = aten;
    this.defs = new PyDefs(scalars);
    register();
  }

  boolean has(String name) {
    return defs.has(name);
  }

  Object call(TensorValue self, String name, List<?> args, Map<String, ?> kwargs) {
    return defs.call(name, self, args, kwargs);
  }

  /** {@code x.<name>} for a non-method attribute, or null when there is no such attribute. */
  Object attribute(TensorValue t, String name) {
    return switch (name) {
      case "shape" -> sizes(t);
      case "ndim" -> (long) t.dim();
      case "dtype" -> t.dtype();
      case "device" -> Device.CPU;
      case "layout" -> Layout.STRIDED;
      case "is_cuda" -> Boolean.FALSE;
      case "T" -> aten.call("permute.default", t, reversedDims(t.dim()));
      case "mT" -> aten.call("transpose.int", t, -2L, -1L);
      default -> null;
    };
  }

  /** {@code x.shape}: a tuple (torch.Size) of the sizes. */
  static PyTuple sizes(TensorValue t) {
    return ints(t.symSizes());
  }

  private static PyTuple ints(List<SymInt> values) {
    Object[] out = new Object[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = PyScalars.pythonValue(values.get(i));
    }
    return PyTuple.of(out);
  }

  private static List<Object> reversedDims(int n) {
    List<Object> dims = new ArrayList<>();
    for (int d = n - 1; d >= 0; d--) {
      dims.add((long) d);
    }
    return dims;
  }

  private void register() {
    defs.add("size(int? dim=None) -> Any", (self, v) -> {
      TensorValue t = (TensorValue) self;
      return v[0] == null ? sizes(t)
          : PyScalars.pythonValue(t.symSize(ShapeRules.wrapDim(dim(v[0]), t.dim())));
    });
    defs.add("stride(int? dim=None) -> Any", (self, v) -> {
      TensorValue t = (TensorValue) self;
      return v[0] == null ? ints(t.symStrides())
          : PyScalars.pythonValue(t.symStride(ShapeRules.wrapDim(dim(v[0]), t.dim())));
    });
    for (String name : List.of("numel", "nelement")) {
      defs.add(name + "() -> Any", (self, v) -> PyScalars.pythonValue(
          ((TensorValue) self).symNumel()));
    }
    for (String name : List.of("dim", "ndimension")) {
      defs.add(name + "() -> Any", (self, v) -> (long) ((TensorValue) self).dim());
    }
    defs.add("is_floating_point() -> Any",
        (self, v) -> ((TensorValue) self).dtype().isFloatingPoint());
    defs.add("element_size() -> Any", (self, v) -> (long) ((TensorValue) self).dtype().itemSize());
    defs.add("tolist() -> Any", (self, v) -> {
      throw PythonError.unsupported("tolist is not supported: it makes Python data of a"
          + " tensor's values");
    });
    dtypeMethod("float", DType.FLOAT32);
    dtypeMethod("double", DType.FLOAT64);
    dtypeMethod("long", DType.INT64);
    dtypeMethod("int", DType.INT32);
    dtypeMethod("bool", DType.BOOL);
    // Tensor.to: THPVariable_to's three signatures (dispatch_to).
    defs.add("to(ScalarType dtype, bool non_blocking=False, bool copy=False, *,"
        + " MemoryFormat? memory_format=None) -> Any",
        (self, v) -> aten.call("to.dtype", self, v[0], v[1], v[2], v[3]));
    // THPVariable_to converts to the other tensor's device and dtype, which is to.other.
    defs.add("to(Tensor tensor, bool non_blocking=False, bool copy=False, *,"
        + " MemoryFormat? memory_format=None) -> Any",
        (self, v) -> aten.call("to.other", self, v[0], v[1], v[2], v[3]));
    defs.add("to(Device? device=None, ScalarType? dtype=None, bool non_blocking=False,"
        + " bool copy=False, *, MemoryFormat? memory_format=None) -> Any", (self, v) -> {
          if (v[1] != null) {
            return aten.call("to.dtype", self, v[1], v[2], v[3], v[4]);
          }
          if (Boolean.TRUE.equals(v[3]) || v[4] != null) {
            return aten.call("clone.default", List.of(self), v[4] == null ? Map.of()
                : Map.of("memory_format", v[4]));
          }
          return self;
        });
    Variance.register(defs, aten, true);
    // Tensor.split (torch/_tensor.py): an int size is split.Tensor, a list split_with_sizes.
    defs.add("split(SymInt split_size, int dim=0) -> Any",
        (self, v) -> aten.call("split.Tensor", self, v[0], v[1]));
    defs.add("split(SymInt[] split_size, int dim=0) -> Any",
        (self, v) -> aten.call("split_with_sizes.default", self, v[0], v[1]));
  }

  private static long dim(Object v) {
    return Aten.specialize(v, Provenance.of("dim"));
  }

  /** {@code x.float()}: {@code dispatch_to(self, dtype)}, which is {@code to.dtype}. */
  private void dtypeMethod(String name, DType dtype) {
    defs.add(name + "(*, MemoryFormat? memory_format=None) -> Any",
        (self, v) -> aten.call("to.dtype", self, dtype, false, false, v[0]));
  }

  /** {@code len(x)}: the first size, specialized ({@code THPVariable_length}). */
  static long length(TensorValue t) {
    if (t.dim() == 0) {
      throw PythonError.typeError("len() of a 0-d tensor");
    }
    SymInt n = t.symSize(0);
    return n.isConstant() ? n.constantValue() : n.guardInt(Provenance.of("len"));
  }
}
