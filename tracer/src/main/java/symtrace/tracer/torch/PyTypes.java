package symtrace.tracer.torch;

import java.util.List;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Layout;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.TensorValue;

/** The Python type names of values, for error messages as Python words them. */
public final class PyTypes {
  private PyTypes() {}

  /** {@code type(v).__name__}: {@code int}, {@code Tensor}, {@code NoneType}, ... */
  public static String name(Object v) {
    if (v == null) {
      return "NoneType";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Long || v instanceof Integer) {
      return "int";
    }
    if (v instanceof Double) {
      return "float";
    }
    if (v instanceof SymInt) {
      return "SymInt";
    }
    if (v instanceof SymFloat) {
      return "SymFloat";
    }
    if (v instanceof SymBool) {
      return "SymBool";
    }
    if (v instanceof String) {
      return "str";
    }
    if (v instanceof PyTuple) {
      return "tuple";
    }
    if (v instanceof List<?>) {
      return "list";
    }
    if (v instanceof TensorValue) {
      return "Tensor";
    }
    if (v instanceof DType) {
      return "torch.dtype";
    }
    if (v instanceof Device) {
      return "torch.device";
    }
    if (v instanceof Layout) {
      return "torch.layout";
    }
    if (v instanceof MemoryFormat) {
      return "torch.memory_format";
    }
    if (v instanceof PySlice) {
      return "slice";
    }
    if (v instanceof PyEllipsis) {
      return "ellipsis";
    }
    if (v instanceof PyObject o) {
      return o.pythonTypeName();
    }
    return v.getClass().getSimpleName();
  }
}
