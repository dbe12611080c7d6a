package symtrace.tracer.torch;

import java.util.List;
import java.util.Map;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.TensorValue;

/**
 * Python's operators on tensors, as {@code torch.Tensor}'s magic methods define them: {@code x +
 * 2} is {@code add(x, 2)}, {@code 2 - x} is {@code rsub(x, 2)}, {@code 2 / x} is {@code
 * reciprocal(x) * 2}, {@code 2 < x} is {@code x > 2}, {@code x += y} is {@code add_}, and so
 * on. Operators are named as in Python's {@code operator} module ({@code add}, {@code
 * truediv}, {@code matmul}, {@code lt}, ...).
 */
final class TensorOperators {
  private final NativeFunctions natives;

  TensorOperators(NativeFunctions natives) {
    this.natives = natives;
  }

  /** Whether {@code op} is a binary operator this class knows. */
  static boolean isBinary(String op) {
    return switch (op) {
      case "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "eq", "ne", "lt",
          "le", "gt", "ge" -> true;
      default -> false;
    };
  }

  /**
   * {@code a <op> b} where at least one operand is a tensor.
   *
   * @throws PythonError ({@code TypeError}) for an operand that is neither a tensor nor a number
   */
  Object binary(String op, Object a, Object b) {
    if (a instanceof TensorValue x) {
      if (!(b instanceof TensorValue) && !ArgumentParser.isNumber(b)) {
        return incompatible(op, a, b);
      }
      return switch (op) {
        case "add", "sub", "mul", "pow", "matmul", "eq", "ne", "lt", "le", "gt", "ge" ->
            method(op, x, b);
        case "truediv" -> method("div", x, b);
        case "floordiv" -> method("floor_divide", x, b);
        case "mod" -> method("remainder", x, b);
        default -> throw new IllegalArgumentException(op);
      };
    }
    TensorValue y = (TensorValue) b;
    if (!ArgumentParser.isNumber(a) || op.equals("matmul")) {
      return incompatible(op, a, b);
    }
    return switch (op) {
      case "add", "mul", "eq", "ne" -> method(op, y, a);
      case "sub" -> function("rsub", y, a);
      case "truediv" -> method("mul", (TensorValue) method("reciprocal", y), a);
      case "floordiv" -> function("floor_divide", a, y);
      case "mod" -> function("remainder", a, y);
      case "pow" -> function("pow", a, y);
      case "lt" -> method("gt", y, a);
      case "le" -> method("ge", y, a);
      case "gt" -> method("lt", y, a);
      case "ge" -> method("le", y, a);
      default -> throw new IllegalArgumentException(op);
    };
  }

  /**
   * {@code a <op>= b} on a tensor: the in-place method ({@code x += y} is {@code x.add_(y)});
   * {@code @=} has none, so it is {@code a = a @ b}.
   */
  Object inplace(String op, TensorValue a, Object b) {
    if (!(b instanceof TensorValue) && !ArgumentParser.isNumber(b)) {
      return incompatible(op, a, b);
    }
    return switch (op) {
      case "add", "sub", "mul", "pow" -> method(op + "_", a, b);
      case "truediv" -> method("div_", a, b);
      case "floordiv" -> method("floor_divide_", a, b);
      case "mod" -> method("remainder_", a, b);
      case "matmul" -> binary(op, a, b);
      default -> throw new IllegalArgumentException(op);
    };
  }

  /** {@code -x}, {@code +x}, {@code abs(x)}. */
  Object unary(String op, TensorValue x) {
    return switch (op) {
      case "neg" -> method("neg", x);
      case "pos" -> positive(x);
      case "abs" -> method("abs", x);
      default -> throw new IllegalArgumentException(op);
    };
  }

  /** {@code +x}: aten's {@code positive} composite, the tensor itself unless it is bool. */
  private static Object positive(TensorValue x) {
    if (x.dtype() == DType.BOOL) {
      throw PythonError.runtimeError("The `+` operator, on a bool tensor is not supported.");
    }
    return x;
  }

  private Object method(String name, TensorValue self, Object... args) {
    return natives.call(name, NativeFunctions.Form.METHOD, self, List.of(args), Map.of());
  }

  private Object function(String name, Object... args) {
    return natives.call(name, NativeFunctions.Form.FUNCTION, null, List.of(args), Map.of());
  }

  /**
   * Python's answer when neither operand's method applies: {@code ==} and {@code !=} fall back
   * to identity, every other operator is a {@code TypeError}.
   */
  private static Object incompatible(String op, Object a, Object b) {
    if (op.equals("eq")) {
      return a == b;
    }
    if (op.equals("ne")) {
      return a != b;
    }
    String symbol = symbol(op);
    if (op.equals("lt") || op.equals("le") || op.equals("gt") || op.equals("ge")) {
      throw PythonError.typeError("'" + symbol + "' not supported between instances of '"
          + PyTypes.name(a) + "' and '" + PyTypes.name(b) + "'");
    }
    throw PythonError.typeError("unsupported operand type(s) for " + symbol + ": '"
        + PyTypes.name(a) + "' and '" + PyTypes.name(b) + "'");
  }

  /** The Python spelling of an operator name: {@code truediv} is {@code /}. */
  static String symbol(String op) {
    return switch (op) {
      case "add" -> "+";
      case "sub" -> "-";
      case "mul" -> "*";
      case "truediv" -> "/";
      case "floordiv" -> "//";
      case "mod" -> "%";
      case "pow" -> "**";
      case "matmul" -> "@";
      case "eq" -> "==";
      case "ne" -> "!=";
      case "lt" -> "<";
      case "le" -> "<=";
      case "gt" -> ">";
      case "ge" -> ">=";
      case "and_" -> "&";
      case "or_" -> "|";
      default -> op;
    };
  }
}
