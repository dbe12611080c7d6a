package symtrace.tracer.tensor.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Whether a result equals the expected one under the conformance rules ({@code
 * conformance/README.md}, "When a program passes", rule 3), on the trees of {@link
 * OutputValues}:
 *
 * <ul>
 *   <li>the same kind; for tensors the same dtype and shape; for tuples and lists the same
 *       length, item by item;
 *   <li>integer and bool values exactly;
 *   <li>float values within {@code |actual - expected| <= atol + rtol * |expected|} with
 *       {@value #RTOL} and {@value #ATOL} ({@code torch.allclose}'s form); {@code "nan"}, {@code
 *       "inf"} and {@code "-inf"} only equal themselves;
 *   <li>a summarised tensor: {@code count} exactly, and {@code sum}, {@code abs_sum} and each of
 *       {@code first} within {@code rtol * |expected abs_sum|} (bools in {@code first} exactly).
 * </ul>
 *
 * {@link #difference} names the first mismatch with its path ({@code items[2].values[5]:
 * expected 1.5, got 1.625}).
 */
public final class OutputComparison {
  /** The relative tolerance of float values. */
  public static final double RTOL = 1e-4;

  /** The absolute tolerance of float values. */
  public static final double ATOL = 1e-5;

  private OutputComparison() {}

  /** True when {@code actual} matches {@code expected}. */
  public static boolean matches(JsonNode expected, JsonNode actual) {
    return difference(expected, actual).isEmpty();
  }

  /** The first mismatch, described with its path, or empty when the results match. */
  public static Optional<String> difference(JsonNode expected, JsonNode actual) {
    return Optional.ofNullable(compare("", expected, actual));
  }

  private static String compare(String path, JsonNode e, JsonNode a) {
    String kind = text(e, "kind");
    String actualKind = text(a, "kind");
    if (kind == null) {
      return at(path, "kind") + "the expected value has no kind";
    }
    if (!kind.equals(actualKind)) {
      return at(path, "kind") + "expected " + kind + ", got " + actualKind;
    }
    switch (kind) {
      case "tensor":
        return compareTensor(path, e, a);
      case "tuple":
      case "list":
        return compareItems(path, e.path("items"), a.path("items"));
      case "int":
      case "bool":
        return exact(at(path, "value"), e.path("value"), a.path("value"));
      case "float":
        return close(at(path, "value"), e.path("value"), a.path("value"));
      default:
        return at(path, "kind") + "unknown kind " + kind;
    }
  }

  private static String compareItems(String path, JsonNode e, JsonNode a) {
    if (e.size() != a.size()) {
      return at(path, "items") + "expected " + e.size() + " items, got " + a.size();
    }
    for (int i = 0; i < e.size(); i++) {
      String d = compare(join(path, "items[" + i + "]"), e.get(i), a.get(i));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String compareTensor(String path, JsonNode e, JsonNode a) {
    String dtype = text(e, "dtype");
    if (dtype == null || !dtype.equals(text(a, "dtype"))) {
      return at(path, "dtype") + "expected " + dtype + ", got " + text(a, "dtype");
    }
    if (!sameIntegers(e.path("shape"), a.path("shape"))) {
      return at(path, "shape") + "expected " + e.path("shape") + ", got " + a.path("shape");
    }
    boolean floating = dtype.startsWith("float");
    if (e.has("values")) {
      if (!a.has("values")) {
        return at(path, "values") + "expected " + e.path("values").size()
            + " values, got a summary";
      }
      return compareValues(join(path, "values"), e.path("values"), a.path("values"), floating);
    }
    if (!a.has("count")) {
      return at(path, "count") + "expected a summary, got " + a.path("values").size() + " values";
    }
    String countDifference = exact(at(path, "count"), e.path("count"), a.path("count"));
    if (countDifference != null) {
      return countDifference;
    }
    JsonNode absSum = e.path("abs_sum");
    double tolerance = absSum.isNumber() ? RTOL * Math.abs(absSum.asDouble()) : Double.NaN;
    String d = within(at(path, "sum"), e.path("sum"), a.path("sum"), tolerance);
    if (d == null) {
      d = within(at(path, "abs_sum"), absSum, a.path("abs_sum"), tolerance);
    }
    JsonNode first = e.path("first");
    JsonNode actualFirst = a.path("first");
    if (d == null && first.size() != actualFirst.size()) {
      d = at(path, "first") + "expected " + first.size() + " values, got " + actualFirst.size();
    }
    for (int i = 0; d == null && i < first.size(); i++) {
      String where = at(join(path, "first"), "[" + i + "]");
      d = first.get(i).isBoolean()
          ? exact(where, first.get(i), actualFirst.get(i))
          : within(where, first.get(i), actualFirst.get(i), tolerance);
    }
    return d;
  }

  private static String compareValues(String path, JsonNode e, JsonNode a, boolean floating) {
    if (e.size() != a.size()) {
      return path + ": expected " + e.size() + " values, got " + a.size();
    }
    for (int i = 0; i < e.size(); i++) {
      String where = path + "[" + i + "]: ";
      String d = floating ? close(where, e.get(i), a.get(i)) : exact(where, e.get(i), a.get(i));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** Integers and bools: the same JSON value (numbers compared by value). */
  private static String exact(String where, JsonNode e, JsonNode a) {
    boolean same = e.isNumber() && a.isNumber()
        ? e.decimalValue().compareTo(a.decimalValue()) == 0
        : e.equals(a);
    return same ? null : where + "expected " + e + ", got " + a;
  }

  /** Floats: {@code |a - e| <= atol + rtol * |e|}. */
  private static String close(String where, JsonNode e, JsonNode a) {
    if (e.isNumber() && a.isNumber()) {
      double tolerance = ATOL + RTOL * Math.abs(e.asDouble());
      if (Math.abs(a.asDouble() - e.asDouble()) <= tolerance) {
        return null;
      }
      return where + "expected " + e + ", got " + a + " (tolerance " + format(tolerance) + ")";
    }
    return e.equals(a) ? null : where + "expected " + e + ", got " + a;
  }

  /** Summary numbers: within an absolute tolerance; exact when it is not a finite number. */
  private static String within(String where, JsonNode e, JsonNode a, double tolerance) {
    if (e.isNumber() && a.isNumber() && Double.isFinite(tolerance)) {
      if (Math.abs(a.asDouble() - e.asDouble()) <= tolerance) {
        return null;
      }
      return where + "expected " + e + ", got " + a + " (tolerance " + format(tolerance) + ")";
    }
    return exact(where, e, a);
  }

  /** Arrays of the same integers, whatever their JSON number types (int vs long nodes). */
  private static boolean sameIntegers(JsonNode e, JsonNode a) {
    if (!e.isArray() || !a.isArray() || e.size() != a.size()) {
      return false;
    }
    for (int i = 0; i < e.size(); i++) {
      if (exact("", e.get(i), a.get(i)) != null) {
        return false;
      }
    }
    return true;
  }

  private static String format(double tolerance) {
    return String.format(java.util.Locale.ROOT, "%.2g", tolerance);
  }

  private static String text(JsonNode node, String field) {
    JsonNode f = node == null ? null : node.get(field);
    return f != null && f.isTextual() ? f.asText() : null;
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : field.startsWith("[") ? path + field : path + "." + field;
  }

  private static String at(String path, String field) {
    return join(path, field) + ": ";
  }
}
