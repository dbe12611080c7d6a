package symtrace.tracer.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatMathTest {
  @ParameterizedTest
  @CsvSource({
    // x, erf(x) as C99 erf gives it
    "0.0, 0.0",
    "1e-10, 1.1283791670955126e-10",
    "0.1, 0.1124629160182849",
    "0.5, 0.5204998778130465",
    "-0.3, -0.3286267594591274",
    "1.0, 0.8427007929497149",
    "2.0, 0.9953222650189527",
    "3.0, 0.9999779095030014",
    "-3.5, -0.9999992569016276",
    "5.0, 0.9999999999984626",
    "7.0, 1.0",
  })
  void erfIsAccurateToDoublePrecisionAlmost(double x, double expected) {
    assertEquals(expected, FloatMath.erf(x), 1e-14);
  }

  @Test
  void erfKeepsSignedZeroAndNan() {
    assertEquals(-0.0, FloatMath.erf(-0.0));
    assertEquals(Double.NaN, FloatMath.erf(Double.NaN));
    assertEquals(-1.0, FloatMath.erf(Double.NEGATIVE_INFINITY));
  }

  @Test
  void erfIsOddAndIncreasingInFloat32() {
    // erf is odd and increasing: the float32 values must be too
    float previous = -1;
    for (int i = -4000; i <= 4000; i++) {
      double x = i / 1000.0;
      float v = (float) FloatMath.erf(x);
      assertEquals(-v, (float) FloatMath.erf(-x));
      assertEquals(true, v >= previous, "erf(" + x + ")");
      previous = v;
    }
  }

  @Test
  void floorDivisionIsExactWhereTheQuotientRoundsUp() {
    // 1 // 0.1 is 9 in Python (0.1 is slightly above 1/10), although 1 / 0.1 rounds to 10
    assertEquals(9.0, FloatMath.floorDivide(1.0, 0.1, Precision.DOUBLE));
    assertEquals(-10.0, FloatMath.floorDivide(-1.0, 0.1, Precision.DOUBLE));
    assertEquals(-0.0, FloatMath.floorDivide(-0.0, 3.0, Precision.DOUBLE));
    assertEquals(0.0, FloatMath.floorDivide(0.0, 3.0, Precision.DOUBLE));
    assertEquals(-1.0, FloatMath.floorDivide(1.0, -3.0, Precision.SINGLE));
  }

  @Test
  void remainderTakesTheDivisorsSign() {
    assertEquals(0.5, FloatMath.remainder(-1.5, 1.0, Precision.DOUBLE));
    assertEquals(-0.5, FloatMath.remainder(1.5, -1.0, Precision.DOUBLE));
    assertEquals(Double.NaN, FloatMath.remainder(1.0, 0.0, Precision.DOUBLE));
  }

  @Test
  void powFollowsC() {
    assertEquals(1.0, FloatMath.pow(1.0, Double.NaN));
    assertEquals(1.0, FloatMath.pow(-1.0, Double.POSITIVE_INFINITY));
    assertEquals(1.0, FloatMath.pow(Double.NaN, 0.0));
    assertEquals(8.0, FloatMath.powScalar(2.0, 3.0, Precision.SINGLE));
    assertEquals(0.25, FloatMath.powScalar(2.0, -2.0, Precision.SINGLE));
  }

  @Test
  void integerPowerRules() {
    assertEquals(1024, IntMath.pow(2, 10));
    assertEquals(0, IntMath.pow(2, -1));
    assertEquals(-1, IntMath.pow(-1, -3));
    assertEquals(1, IntMath.pow(-1, -4));
    assertEquals(1, IntMath.pow(1, -7));
    assertEquals(1, IntMath.pow(0, 0));
  }
}
