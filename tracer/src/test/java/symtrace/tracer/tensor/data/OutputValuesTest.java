package symtrace.tracer.tensor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;

class OutputValuesTest {
  private static long[] shape(long... s) {
    return s;
  }

  @Test
  void tensorsAreFlatRowMajorWithSortedKeys() {
    Tensor t = Tensor.ofDoubles(DType.FLOAT32, shape(2, 2), 1, 2.5, -0.25, 0).t();
    assertEquals("{\"dtype\":\"float32\",\"kind\":\"tensor\",\"shape\":[2,2],"
        + "\"values\":[1.0,-0.25,2.5,0.0]}", OutputValues.of(t).toString());
    assertEquals("{\"dtype\":\"int64\",\"kind\":\"tensor\",\"shape\":[3],\"values\":[-1,0,7]}",
        OutputValues.of(Tensor.ofLongs(DType.INT64, shape(3), -1, 0, 7)).toString());
    assertEquals("{\"dtype\":\"bool\",\"kind\":\"tensor\",\"shape\":[],\"values\":[true]}",
        OutputValues.of(Tensor.ofBools(DType.BOOL, shape(), true)).toString());
    assertEquals("{\"dtype\":\"int32\",\"kind\":\"tensor\",\"shape\":[0,3],\"values\":[]}",
        OutputValues.of(Tensor.zeros(DType.INT32, 0, 3)).toString());
  }

  @Test
  void floatsKeepSevenSignificantDigitsAndNamesForNonFinite() {
    Tensor t = Tensor.ofDoubles(DType.FLOAT64, shape(5), 1.0 / 3, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0);
    assertEquals("[0.3333333,\"nan\",\"inf\",\"-inf\",-0.0]",
        OutputValues.of(t).get("values").toString());
    // a float32 value is rounded from its exact double: 0.1f is 0.100000001490116...
    assertEquals("[0.1]",
        OutputValues.of(Tensor.ofDoubles(DType.FLOAT32, shape(1), 0.1)).get("values").toString());
  }

  /** value, Python's float('%.7g' % value). */
  @ParameterizedTest
  @CsvSource({
    "8.196336746, 8.196337",
    "-46.694183, -46.69418",
    "123456789, 123456800",
    "1.00000005, 1.0",
    "0.000012345678, 1.234568E-5",
    "1e300, 1e300",
    // exact ties at the 7th digit round half to even, as glibc's printf
    "1048576.5, 1048576",
    "1048577.5, 1048578",
    "0.125, 0.125",
  })
  void roundSignificantIsPrintfG7(double value, double expected) {
    assertEquals(expected, OutputValues.roundSignificant(value));
  }

  @Test
  void noneAndDtypesHaveTheirOwnKinds() {
    assertEquals("{\"kind\":\"none\"}", OutputValues.of(null).toString());
    assertEquals("{\"kind\":\"dtype\",\"value\":\"float32\"}",
        OutputValues.of(DType.FLOAT32).toString());
    java.util.List<Object> items = new java.util.ArrayList<>();
    items.add(1L);
    items.add(null);
    assertEquals("{\"items\":[{\"kind\":\"int\",\"value\":1},{\"kind\":\"none\"}],"
        + "\"kind\":\"tuple\"}", OutputValues.of(new OutputValues.Tuple(items)).toString());
  }

  @Test
  void largeTensorsAreSummarised() {
    Tensor t = Tensor.zeros(DType.FLOAT32, 4097);
    for (int i = 0; i < 4097; i++) {
      t.setDoubleFlat(i, i % 2 == 0 ? 0.5 : -0.25);
    }
    ObjectNode n = OutputValues.of(t);
    assertEquals(List.of("abs_sum", "count", "dtype", "first", "kind", "shape", "sum"),
        List.copyOf(iterable(n)));
    assertEquals(4097, n.get("count").asLong());
    // 2049 halves and 2048 minus quarters
    assertEquals(512.5, n.get("sum").asDouble());
    assertEquals(1536.5, n.get("abs_sum").asDouble());
    assertEquals(32, n.get("first").size());
    assertEquals(-0.25, n.get("first").get(1).asDouble());
    assertEquals("[4097]", n.get("shape").toString());
    // exactly 4096 elements are still listed
    assertEquals(4096, OutputValues.of(Tensor.zeros(DType.INT64, 64, 64)).get("values").size());
    ObjectNode ints = OutputValues.of(Tensor.full(DType.INT64, -2, 5000));
    assertEquals("-10000", ints.get("sum").toString());
    assertEquals("10000", ints.get("abs_sum").toString());
  }

  private static List<String> iterable(ObjectNode n) {
    List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void scalarsTuplesAndLists() {
    assertEquals("{\"kind\":\"int\",\"value\":4}", OutputValues.of(4L).toString());
    assertEquals("{\"kind\":\"int\",\"value\":4}", OutputValues.of(SymInt.of(4)).toString());
    assertEquals("{\"kind\":\"float\",\"value\":0.3333333}", OutputValues.of(1.0 / 3).toString());
    assertEquals("{\"kind\":\"float\",\"value\":\"inf\"}",
        OutputValues.of(Double.POSITIVE_INFINITY).toString());
    assertEquals("{\"kind\":\"bool\",\"value\":false}", OutputValues.of(false).toString());
    Object nested = new OutputValues.Tuple(List.of(1, List.of(true, 2.5)));
    assertEquals("{\"items\":[{\"kind\":\"int\",\"value\":1},{\"items\":[{\"kind\":\"bool\","
        + "\"value\":true},{\"kind\":\"float\",\"value\":2.5}],\"kind\":\"list\"}],"
        + "\"kind\":\"tuple\"}", OutputValues.of(nested).toString());
    assertEquals(OutputValues.of(nested),
        OutputValues.tuple(List.of(OutputValues.ofInt(1),
            OutputValues.list(List.of(OutputValues.ofBool(true), OutputValues.ofFloat(2.5))))));
    assertThrows(symtrace.symbolic.SymtraceException.class, () -> OutputValues.of("text"));
  }
}
