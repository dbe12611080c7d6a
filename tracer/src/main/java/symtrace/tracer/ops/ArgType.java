package symtrace.tracer.ops;

import java.util.List;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.TensorValue;

/**
 * The type of one schema argument or return, as written in aten's schema language: {@code
 * Tensor}, {@code Tensor?}, {@code Tensor(a!)}, {@code Tensor[]}, {@code int[2]}, {@code
 * SymInt[]?}, {@code Scalar}, {@code ScalarType?}, ...
 *
 * @param kind the base type
 * @param optional written with {@code ?}: accepts None (Java {@code null})
 * @param list written with {@code []}
 * @param listLength the {@code N} of {@code int[N]} (a single int is then repeated), 0 when absent
 * @param alias the alias set ({@code a} of {@code Tensor(a)}), or null
 * @param mutable the alias annotation ends with {@code !}: the operator writes this argument
 * @param elementOptional written {@code Tensor?[]}: list items may be None
 */
public record ArgType(Kind kind, boolean optional, boolean list, int listLength, String alias,
    boolean mutable, boolean elementOptional) {

  /** aten's base types. */
  public enum Kind {
    TENSOR, INT, SYMINT, FLOAT, BOOL, SCALAR, STR, SCALAR_TYPE, LAYOUT, DEVICE, MEMORY_FORMAT,
    GENERATOR, DIMNAME, ANY
  }

  /** Whether a Java value can be passed for this type (overload resolution). */
  public boolean accepts(Object v) {
    if (v == null) {
      return optional;
    }
    if (list) {
      if (!(v instanceof List<?> items)) {
        // int[N] and SymInt[N] take one int and repeat it, as aten does.
        return listLength > 0 && acceptsElement(v) && (kind == Kind.INT || kind == Kind.SYMINT
            || kind == Kind.BOOL);
      }
      for (Object item : items) {
        if (item == null ? !elementOptional : !acceptsElement(item)) {
          return false;
        }
      }
      return true;
    }
    return acceptsElement(v);
  }

  private boolean acceptsElement(Object v) {
    return switch (kind) {
      case TENSOR -> v instanceof TensorValue;
      case INT, SYMINT -> isInt(v);
      case FLOAT -> v instanceof Double || v instanceof SymFloat || isInt(v);
      case BOOL -> v instanceof Boolean || v instanceof SymBool;
      case SCALAR -> isInt(v) || v instanceof Double || v instanceof SymFloat
          || v instanceof Boolean || v instanceof SymBool;
      case STR -> v instanceof String;
      case SCALAR_TYPE -> v instanceof DType;
      case LAYOUT, DEVICE, MEMORY_FORMAT, GENERATOR, DIMNAME, ANY -> true;
    };
  }

  static boolean isInt(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof SymInt;
  }

  /** The type as aten writes it. */
  @Override
  public String toString() {
    String base = switch (kind) {
      case TENSOR -> "Tensor";
      case INT -> "int";
      case SYMINT -> "SymInt";
      case FLOAT -> "float";
      case BOOL -> "bool";
      case SCALAR -> "Scalar";
      case STR -> "str";
      case SCALAR_TYPE -> "ScalarType";
      case LAYOUT -> "Layout";
      case DEVICE -> "Device";
      case MEMORY_FORMAT -> "MemoryFormat";
      case GENERATOR -> "Generator";
      case DIMNAME -> "Dimname";
      case ANY -> "Any";
    };
    StringBuilder b = new StringBuilder(base);
    if (alias != null) {
      b.append('(').append(alias).append(mutable ? "!" : "").append(')');
    }
    if (elementOptional) {
      b.append('?');
    }
    if (list) {
      b.append('[');
      if (listLength > 0) {
        b.append(listLength);
      }
      b.append(']');
    }
    if (optional) {
      b.append('?');
    }
    return b.toString();
  }
}
