package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Layout;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.TensorValue;

/**
 * Python's {@code repr} of the values a graph's arguments hold, as FX's code generator prints
 * them ({@code _get_repr}): {@code 1e-05}, {@code -inf}, {@code True}, {@code None}, {@code
 * 'tanh'}, {@code torch.float32}, {@code device(type='cpu')}, {@code torch.contiguous_format},
 * {@code [a, b]}, {@code (a,)}; a node prints as its name.
 */
public final class PyRepr {
  private PyRepr() {}

  /**
   * The repr of a value.
   *
   * @param nodeName how a node is named in the code being written
   * @throws IllegalArgumentException for a value with no Python form
   */
  public static String of(Object v, Function<Node, String> nodeName) {
    if (v instanceof Node n) {
      return nodeName.apply(n);
    }
    if (v instanceof PyTuple t) {
      return t.size() == 1 ? "(" + of(t.get(0), nodeName) + ",)" : "(" + items(t, nodeName) + ")";
    }
    if (v instanceof List<?> l) {
      return "[" + items(l, nodeName) + "]";
    }
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Long || v instanceof Integer) {
      return v.toString();
    }
    if (v instanceof Double d) {
      return ofFloat(d);
    }
    if (v instanceof String s) {
      return ofString(s);
    }
    if (v instanceof DType d) {
      return d.toPython();
    }
    if (v instanceof Device d) {
      return d.toPython();
    }
    if (v instanceof Layout l) {
      return l.toPython();
    }
    if (v instanceof MemoryFormat f) {
      return "torch." + memoryFormatName(f);
    }
    if (v instanceof OpOverload op) {
      return op.pythonTarget();
    }
    if (v instanceof TensorValue t) {
      // FX prints a tensor constant by its metadata only.
      return "torch.Tensor(size=" + t.symSizes() + ", dtype=" + t.dtype().pytorchName() + ")";
    }
    if (v instanceof SymInt || v instanceof SymFloat || v instanceof SymBool) {
      return v.toString();
    }
    throw new IllegalArgumentException("no Python form for " + v.getClass().getName() + " " + v);
  }

  private static String items(List<?> items, Function<Node, String> nodeName) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(of(items.get(i), nodeName));
    }
    return b.toString();
  }

  /** {@code contiguous_format} or {@code preserve_format}. */
  static String memoryFormatName(MemoryFormat f) {
    return switch (f) {
      case CONTIGUOUS -> "contiguous_format";
      case PRESERVE -> "preserve_format";
    };
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that read back as the same double, in
   * fixed notation for decimal exponents -4 to 15 ({@code 0.0001}, {@code 1e+16}) and
   * scientific otherwise with at least two exponent digits ({@code 1e-05}).
   */
  public static String ofFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    String sign = d < 0 ? "-" : "";
    double magnitude = Math.abs(d);
    BigDecimal exact = new BigDecimal(magnitude);
    BigDecimal shortest = exact;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal r = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == magnitude) {
        shortest = r;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    if (exponent >= -4 && exponent < 16) {
      if (exponent < 0) {
        return sign + "0." + "0".repeat(-exponent - 1) + digits;
      }
      if (digits.length() <= exponent + 1) {
        return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
      }
      return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.valueOf(Math.abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" : "")
        + exp;
  }

  /**
   * Python's {@code repr(str)}: single quotes unless the text has a single quote and no double
   * one, backslash escapes for the quote, backslash and control characters.
   */
  public static String ofString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append(quote).toString();
  }
}
