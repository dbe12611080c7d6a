package symtrace.tracer.tensor.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.OffsetCursor;
import symtrace.tracer.tensor.Storage;
import symtrace.tracer.tensor.Tensor;

/**
 * Program results as the conformance suite records them ({@code conformance/README.md}, "Output
 * values"), as Jackson trees:
 *
 * <ul>
 *   <li>a tensor: {@code {dtype, kind: "tensor", shape, values}}, the values flat in row-major
 *       order; above {@value #SUMMARY_THRESHOLD} elements {@code {abs_sum, count, dtype, first,
 *       kind, shape, sum}} instead, {@code first} holding the first {@value #FIRST_COUNT} values;
 *   <li>a tuple or list: {@code {items, kind: "tuple" | "list"}};
 *   <li>a Python scalar: {@code {kind: "int" | "float" | "bool", value}}.
 * </ul>
 *
 * Floats are rounded to 7 significant digits (Python's {@code float('%.7g' % v)}); NaN and the
 * infinities are the strings {@code "nan"}, {@code "inf"}, {@code "-inf"}; ints are JSON
 * integers and bools JSON booleans. Keys are in sorted order, as Python's {@code
 * json.dumps(sort_keys=True)} writes them, so a serialized result diffs cleanly against an
 * expected file.
 */
public final class OutputValues {
  /** Tensors with more elements than this are summarised. */
  public static final int SUMMARY_THRESHOLD = 4096;

  /** The number of leading values a summary keeps. */
  public static final int FIRST_COUNT = 32;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final MathContext SEVEN_DIGITS = new MathContext(7, RoundingMode.HALF_EVEN);

  private OutputValues() {}

  /** A Python tuple of results, for {@link #of}. */
  public record Tuple(List<?> items) {
    public Tuple {
      // not List.copyOf: a tuple may hold None
      items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }
  }

  /**
   * The tree of a result: a {@link Tensor}; a {@link Tuple} or {@link List} of results; a
   * {@code Long}/{@code Integer}, {@code Double}/{@code Float} or {@code Boolean}; a constant
   * SymInt, SymFloat or SymBool; {@code None} ({@code {"kind": "none"}}); or a dtype ({@code
   * {"kind": "dtype", "value": "float32"}}).
   *
   * @throws symtrace.symbolic.SymtraceException for any other value, or a symbolic scalar
   */
  public static ObjectNode of(Object value) {
    if (value == null) {
      ObjectNode node = JSON.objectNode();
      node.put("kind", "none");
      return node;
    }
    if (value instanceof DType d) {
      ObjectNode node = JSON.objectNode();
      node.put("kind", "dtype");
      node.put("value", d.pytorchName());
      return node;
    }
    if (value instanceof Tensor t) {
      return tensor(t);
    }
    if (value instanceof Tuple t) {
      return sequence("tuple", t.items());
    }
    if (value instanceof List<?> l) {
      return sequence("list", l);
    }
    if (value instanceof Boolean b) {
      return ofBool(b);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return ofInt(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return ofFloat(((Number) value).doubleValue());
    }
    if (value instanceof SymInt s && s.isConstant()) {
      return ofInt(s.constantValue());
    }
    if (value instanceof SymFloat s && s.isConstant() && s.hint() != null) {
      return ofFloat(s.hint());
    }
    if (value instanceof SymBool s && s.isConstant() && s.hint() != null) {
      return ofBool(s.hint());
    }
    throw new symtrace.symbolic.SymtraceException("the program's result holds " + value
        + ", which has no output form (results are tensors, numbers, bools, None, dtypes, and"
        + " tuples or lists of them)");
  }

  private static ObjectNode sequence(String kind, List<?> items) {
    ArrayNode array = JSON.arrayNode();
    for (Object item : items) {
      array.add(of(item));
    }
    ObjectNode node = JSON.objectNode();
    node.set("items", array);
    node.put("kind", kind);
    return node;
  }

  /** {@code {items, kind: "tuple"}} of already serialized items. */
  public static ObjectNode tuple(List<? extends JsonNode> items) {
    return items("tuple", items);
  }

  /** {@code {items, kind: "list"}} of already serialized items. */
  public static ObjectNode list(List<? extends JsonNode> items) {
    return items("list", items);
  }

  private static ObjectNode items(String kind, List<? extends JsonNode> items) {
    ObjectNode node = JSON.objectNode();
    node.set("items", JSON.arrayNode().addAll(items));
    node.put("kind", kind);
    return node;
  }

  /** {@code {kind: "int", value}}. */
  public static ObjectNode ofInt(long value) {
    ObjectNode node = JSON.objectNode();
    node.put("kind", "int");
    node.put("value", value);
    return node;
  }

  /** {@code {kind: "float", value}}, the value rounded to 7 significant digits. */
  public static ObjectNode ofFloat(double value) {
    ObjectNode node = JSON.objectNode();
    node.put("kind", "float");
    node.set("value", floatNode(value));
    return node;
  }

  /** {@code {kind: "bool", value}}. */
  public static ObjectNode ofBool(boolean value) {
    ObjectNode node = JSON.objectNode();
    node.put("kind", "bool");
    node.put("value", value);
    return node;
  }

  /** The tree of a tensor, full or summarised. */
  public static ObjectNode tensor(Tensor t) {
    ObjectNode node = JSON.objectNode();
    DType dtype = t.dtype();
    ArrayNode shape = JSON.arrayNode();
    for (long s : t.sizes()) {
      shape.add(s);
    }
    if (t.numel() <= SUMMARY_THRESHOLD) {
      node.put("dtype", dtype.pytorchName());
      node.put("kind", "tensor");
      node.set("shape", shape);
      node.set("values", values(t, Integer.MAX_VALUE));
      return node;
    }
    double sum = 0;
    double absSum = 0;
    long intSum = 0;
    long intAbsSum = 0;
    Storage storage = t.storage();
    for (OffsetCursor c = t.cursor(); c.hasNext(); ) {
      int i = c.next();
      if (dtype.isFloatingPoint()) {
        double v = storage.getDouble(i);
        sum += v;
        absSum += Math.abs(v);
      } else {
        long v = storage.getLong(i);
        intSum += v;
        intAbsSum += Math.abs(v);
      }
    }
    node.set("abs_sum", dtype.isFloatingPoint() ? floatNode(absSum) : JSON.numberNode(intAbsSum));
    node.put("count", t.numel());
    node.put("dtype", dtype.pytorchName());
    node.set("first", values(t, FIRST_COUNT));
    node.put("kind", "tensor");
    node.set("shape", shape);
    node.set("sum", dtype.isFloatingPoint() ? floatNode(sum) : JSON.numberNode(intSum));
    return node;
  }

  private static ArrayNode values(Tensor t, int limit) {
    ArrayNode out = JSON.arrayNode();
    Storage storage = t.storage();
    DType dtype = t.dtype();
    OffsetCursor c = t.cursor();
    for (int n = 0; n < limit && c.hasNext(); n++) {
      int i = c.next();
      if (dtype.isFloatingPoint()) {
        out.add(floatNode(storage.getDouble(i)));
      } else if (dtype.isBool()) {
        out.add(storage.getBool(i));
      } else {
        out.add(storage.getLong(i));
      }
    }
    return out;
  }

  /** A float as the format writes it: 7 significant digits, or {@code "nan"}/{@code "inf"}. */
  public static JsonNode floatNode(double value) {
    if (Double.isNaN(value)) {
      return JSON.textNode("nan");
    }
    if (Double.isInfinite(value)) {
      return JSON.textNode(value > 0 ? "inf" : "-inf");
    }
    return JSON.numberNode(roundSignificant(value));
  }

  /**
   * {@code float('%.7g' % value)}: the double nearest the value rounded (half to even, on its
   * exact binary value, as C's printf) to 7 significant digits; zeros keep their sign.
   */
  public static double roundSignificant(double value) {
    if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return new BigDecimal(value).round(SEVEN_DIGITS).doubleValue();
  }
}
