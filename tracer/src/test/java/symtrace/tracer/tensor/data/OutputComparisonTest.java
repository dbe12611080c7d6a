package symtrace.tracer.tensor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputComparisonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static Optional<String> diff(String expected, String actual) {
    return OutputComparison.difference(json(expected), json(actual));
  }

  private static String tensor(String dtype, String shape, String values) {
    return "{'dtype': '" + dtype + "', 'kind': 'tensor', 'shape': " + shape + ", 'values': "
        + values + "}";
  }

  @Test
  void floatsWithinTolerance() {
    String e = tensor("float32", "[3]", "[1.0, 0.0, -1000.0]");
    assertTrue(OutputComparison.matches(json(e), json(tensor("float32", "[3]",
        "[1.0001, 0.00001, -1000.1]"))));
    assertEquals(Optional.of("values[1]: expected 0.0, got 2.0E-5 (tolerance 1.0e-05)"),
        diff(e, tensor("float32", "[3]", "[1.0, 0.00002, -1000.0]")));
    assertEquals(Optional.of("values[2]: expected -1000.0, got -1000.2 (tolerance 0.10)"),
        diff(e, tensor("float32", "[3]", "[1.0, 0.0, -1000.2]")));
  }

  @Test
  void nonFiniteFloatsOnlyMatchThemselves() {
    String e = tensor("float64", "[3]", "['nan', 'inf', '-inf']");
    assertTrue(OutputComparison.matches(json(e), json(e)));
    assertEquals(Optional.of("values[0]: expected \"nan\", got 1.0"),
        diff(e, tensor("float64", "[3]", "[1.0, 'inf', '-inf']")));
    assertEquals(Optional.of("values[1]: expected \"inf\", got \"-inf\""),
        diff(e, tensor("float64", "[3]", "['nan', '-inf', '-inf']")));
  }

  @Test
  void integersAndBoolsExactly() {
    assertEquals(Optional.of("values[1]: expected 2, got 3"),
        diff(tensor("int64", "[2]", "[1, 2]"), tensor("int64", "[2]", "[1, 3]")));
    assertTrue(diff(tensor("int64", "[2]", "[1, 2]"), tensor("int64", "[2]", "[1, 2.0]"))
        .isEmpty());
    assertEquals(Optional.of("values[0]: expected true, got false"),
        diff(tensor("bool", "[1]", "[true]"), tensor("bool", "[1]", "[false]")));
    assertEquals(Optional.of("value: expected 4, got 5"),
        diff("{'kind': 'int', 'value': 4}", "{'kind': 'int', 'value': 5}"));
    assertTrue(diff("{'kind': 'float', 'value': 0.5}", "{'kind': 'float', 'value': 0.50001}")
        .isEmpty());
    assertEquals(Optional.of("value: expected true, got false"),
        diff("{'kind': 'bool', 'value': true}", "{'kind': 'bool', 'value': false}"));
  }

  @Test
  void kindDtypeAndShapeMustAgree() {
    assertEquals(Optional.of("kind: expected int, got float"),
        diff("{'kind': 'int', 'value': 4}", "{'kind': 'float', 'value': 4.0}"));
    assertEquals(Optional.of("dtype: expected float32, got float64"),
        diff(tensor("float32", "[1]", "[1.0]"), tensor("float64", "[1]", "[1.0]")));
    assertEquals(Optional.of("shape: expected [2,1], got [1,2]"),
        diff(tensor("float32", "[2, 1]", "[1.0, 2.0]"), tensor("float32", "[1, 2]", "[1.0, 2.0]")));
    assertEquals(Optional.of("kind: expected tuple, got list"),
        diff("{'items': [], 'kind': 'tuple'}", "{'items': [], 'kind': 'list'}"));
  }

  @Test
  void sequencesItemByItem() {
    String e = "{'items': [{'kind': 'int', 'value': 1}, " + tensor("float32", "[2]", "[1.0, 2.0]")
        + "], 'kind': 'tuple'}";
    String a = "{'items': [{'kind': 'int', 'value': 1}, " + tensor("float32", "[2]", "[1.0, 2.5]")
        + "], 'kind': 'tuple'}";
    assertEquals(Optional.of("items[1].values[1]: expected 2.0, got 2.5 (tolerance 0.00021)"),
        diff(e, a));
    assertEquals(Optional.of("items: expected 2 items, got 1"),
        diff(e, "{'items': [{'kind': 'int', 'value': 1}], 'kind': 'tuple'}"));
  }

  @Test
  void summariesAgainstTheAbsoluteSum() {
    String e = "{'abs_sum': 10000.0, 'count': 5000, 'dtype': 'float32', 'first': [0.5, -0.5],"
        + " 'kind': 'tensor', 'shape': [5000], 'sum': 0.0}";
    // tolerance 1e-4 * 10000 = 1: the sum may move by 1, each first value too
    assertTrue(diff(e, e.replace("'sum': 0.0", "'sum': 0.9")
        .replace("[0.5, -0.5]", "[1.4, -0.5]")).isEmpty());
    assertEquals(Optional.of("sum: expected 0.0, got 1.5 (tolerance 1.0)"),
        diff(e, e.replace("'sum': 0.0", "'sum': 1.5")));
    assertEquals(Optional.of("count: expected 5000, got 5001"),
        diff(e, e.replace("'count': 5000", "'count': 5001")));
    assertEquals(Optional.of("first[1]: expected -0.5, got 0.6 (tolerance 1.0)"),
        diff(e, e.replace("[0.5, -0.5]", "[0.5, 0.6]")));
    assertEquals(Optional.of("values: expected 2 values, got a summary"),
        diff(tensor("float32", "[5000]", "[1.0, 2.0]"), e));
  }

  @Test
  void serializedResultsMatchThemselves() {
    symtrace.tracer.tensor.Tensor t = symtrace.tracer.tensor.Tensor.zeros(
        symtrace.tracer.tensor.DType.FLOAT32, 70, 70).fill_(0.1);
    JsonNode n = OutputValues.of(t);
    assertTrue(OutputComparison.matches(n, n));
    assertTrue(OutputComparison.matches(n, json(n.toString())));
    assertFalse(OutputComparison.matches(n,
        OutputValues.of(symtrace.tracer.tensor.Tensor.zeros(
            symtrace.tracer.tensor.DType.FLOAT32, 70, 70).fill_(0.2))));
  }
}
