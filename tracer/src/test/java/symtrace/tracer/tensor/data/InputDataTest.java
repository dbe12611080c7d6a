package symtrace.tracer.tensor.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.data.InputSpec.TensorInput;

/** The formulas of program-language.md, worked by hand. */
class InputDataTest {
  private static Tensor tensor(String spec, int k) {
    return InputData.tensor((TensorInput) InputSpec.parse(spec), k);
  }

  @Test
  void floatFormula() {
    // ((i*7 + k*3) % 17 - 8) / 4 with k = 0: (0, 7, 14, 4, 11, 1, 8, 15) - 8, over 4
    assertArrayEquals(new double[] {-2, -0.25, 1.5, -1, 0.75, -1.75, 0, 1.75},
        tensor("f32[2,4]", 0).toDoubleArray());
    // k = 1: (3 - 8) / 4, (10 - 8) / 4, (17 % 17 - 8) / 4
    assertArrayEquals(new double[] {-1.25, 0.5, -2}, tensor("f64[3]", 1).toDoubleArray());
    Tensor t = tensor("f32[3,4]", 0);
    assertEquals(DType.FLOAT32, t.dtype());
    assertTrue(t.isContiguous());
    assertEquals(-2.0, tensor("f32[]", 0).itemDouble());
  }

  @Test
  void intFormula() {
    // (i*5 + k) % 11 - 3 with k = 1: -2, 3, -3, 2, 7, 1
    assertArrayEquals(new long[] {-2, 3, -3, 2, 7, 1}, tensor("i64[2,3]", 1).toLongArray());
    assertArrayEquals(new long[] {-3, 2, 7, 1}, tensor("i32[4]", 0).toLongArray());
    assertEquals(DType.INT32, tensor("i32[4]", 0).dtype());
  }

  @Test
  void rangedIntFormula() {
    // lo + (i*7 + k*3) % (hi - lo + 1) with 0..5 and k = 1: 3, 4, 5, 0
    assertArrayEquals(new long[] {3, 4, 5, 0}, tensor("i64[4]{0..5}", 1).toLongArray());
    // -2..2, k = 0: -2 + (0, 7, 14, 21) % 5 = -2, 0, 2, -1
    assertArrayEquals(new long[] {-2, 0, 2, -1}, tensor("i64[4]{-2..2}", 0).toLongArray());
    assertArrayEquals(new long[] {7, 7, 7}, tensor("i32[3]{7..7}", 2).toLongArray());
  }

  @Test
  void boolFormula() {
    // (i*3 + k) % 2 == 0: alternating, starting true for even k
    assertArrayEquals(new boolean[] {true, false, true, false, true, false},
        tensor("bool[2,3]", 2).toBoolArray());
    assertArrayEquals(new boolean[] {false, true, false}, tensor("bool[3]", 1).toBoolArray());
  }

  @Test
  void parameterPositionsCountScalarsToo() {
    List<Object> values = InputData.values(
        InputSpec.parseAssignments("n=int=2 x=f32[2] a=float=0.5 b=bool=false m=i64[1]").values());
    assertEquals(2L, values.get(0));
    assertArrayEquals(new double[] {-1.25, 0.5}, ((Tensor) values.get(1)).toDoubleArray());
    assertEquals(0.5, values.get(2));
    assertEquals(false, values.get(3));
    // m is at position 4: (0 + 4) % 11 - 3
    assertArrayEquals(new long[] {1}, ((Tensor) values.get(4)).toLongArray());
  }

  @Test
  void formulasAreExactForLargeIndices() {
    assertEquals(((1_000_000L * 7 + 6) % 17 - 8) / 4.0, InputData.floatValue(1_000_000, 2));
    Tensor big = tensor("f32[100,100]", 3);
    assertEquals(InputData.floatValue(9_999, 3), big.getDouble(99, 99));
    assertEquals(0, tensor("f32[0,5]", 0).numel());
  }
}
