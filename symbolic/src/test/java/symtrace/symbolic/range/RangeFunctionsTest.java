package symtrace.symbolic.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.symbolic.range.ValueRangeTest.atLeast;
import static symtrace.symbolic.range.ValueRangeTest.bools;
import static symtrace.symbolic.range.ValueRangeTest.floats;
import static symtrace.symbolic.range.ValueRangeTest.vr;

import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;

/** {@link RangeFunctions}: conversions, rounding, float math and bitwise functions. */
class RangeFunctionsTest {
  @Test
  void toFloatMapsIntOoToOo() {
    assertEquals("VR[2.00000000000000, oo]", RangeFunctions.toFloat(atLeast(2)).toString());
    assertEquals(floats(-1.0, 3.0), RangeFunctions.toFloat(vr(-1, 3)));
  }

  @Test
  void roundingToIntegers() {
    ValueRange unbounded = ValueRange.of(FloatLit.of(1.5), Infinity.OO);
    assertEquals(atLeast(1), RangeFunctions.truncToInt(unbounded));
    assertEquals(vr(-2, 2), RangeFunctions.floorToInt(floats(-1.5, 2.5)));
    assertEquals(vr(-1, 3), RangeFunctions.ceilToInt(floats(-1.5, 2.5)));
    assertEquals(vr(-1, 2), RangeFunctions.truncToInt(floats(-1.5, 2.5)));
    // round() is half to even: round(0.5) == 0, round(2.5) == 2, round(3.5) == 4.
    assertEquals(vr(0, 2), RangeFunctions.roundToInt(floats(0.5, 2.5)));
    assertEquals(vr(2, 4), RangeFunctions.roundToInt(floats(1.5, 3.5)));
    assertEquals(vr(3, 7), RangeFunctions.floorToInt(vr(3, 7)));
  }

  @Test
  void roundingToFloats() {
    assertEquals(floats(-1.0, 2.0), RangeFunctions.truncToFloat(floats(-1.5, 2.5)));
    // round(1.25, 1) == 1.2 (a tie, to even); round(2.675, 1) == 2.7.
    assertEquals(floats(1.2, 2.7), RangeFunctions.roundDecimal(floats(1.25, 2.675), vr(1, 1)));
    assertEquals(ValueRange.unknown(), RangeFunctions.roundDecimal(floats(1.25, 2.675), vr(0, 1)));
  }

  @Test
  void floatMath() {
    assertEquals(floats(2.0, 3.0), RangeFunctions.sqrt(vr(4, 9)));
    assertEquals(ValueRange.unknown(), RangeFunctions.sqrt(vr(-1, 4)));
    assertEquals(floats(1.0, 1.0), RangeFunctions.exp(vr(0, 0)));
    assertEquals(
        ValueRange.of(FloatLit.of(0.0), Infinity.OO), RangeFunctions.exp(ValueRange.unknown()));
    assertEquals(ValueRange.unknown(), RangeFunctions.log(vr(0, 1)));
    assertEquals(floats(0.0, 0.0), RangeFunctions.log(vr(1, 1)));
    assertEquals(floats(-1.0, 1.0), RangeFunctions.sin(ValueRange.unknown()));
    assertEquals(floats(-1.0, 1.0), RangeFunctions.cos(vr(0, 100)));
    assertEquals(ValueRange.unknown(), RangeFunctions.tan(vr(0, 1)));
  }

  @Test
  void log2IsWidenedByAFewUlps() {
    ValueRange r = RangeFunctions.log2(vr(8, 8));
    assertTrue(r.contains(FloatLit.of(3.0)));
    assertTrue(r.issubset(floats(2.9999999999999, 3.0000000000001)), r.toString());
  }

  @Test
  void bitwiseAnd() {
    assertEquals(vr(0, 5), RangeFunctions.bitwiseAnd(vr(0, 5), vr(0, 3)));
    // -5 & x >= -8: the next power of two below the smaller lower bound.
    assertEquals(vr(-8, 7), RangeFunctions.bitwiseAnd(vr(-5, 3), vr(0, 7)));
    assertEquals(vr(-1, 0), RangeFunctions.bitwiseAnd(vr(-1, -1), vr(-1, 0)));
    assertEquals(
        bools(false, true), RangeFunctions.bitwiseAnd(bools(false, true), bools(true, true)));
  }

  @Test
  void bitwiseAndKeepsAnUnboundedNegativeLowerBound() {
    // PyTorch answers [0, 5] here, but (-3) & (-3) == -3.
    ValueRange negative = ValueRange.of(Infinity.NEG_INT_OO, IntLit.of(5));
    assertEquals(negative, RangeFunctions.bitwiseAnd(negative, negative));
  }

  @Test
  void bitwiseOr() {
    assertEquals(vr(0, 7), RangeFunctions.bitwiseOr(vr(0, 5), vr(0, 2)));
    assertEquals(vr(-5, -1), RangeFunctions.bitwiseOr(vr(-3, -1), vr(-5, -2)));
    assertEquals(vr(0, 0), RangeFunctions.bitwiseOr(vr(0, 0), vr(0, 0)));
    assertEquals(atLeast(0), RangeFunctions.bitwiseOr(atLeast(1), vr(0, 3)));
    assertEquals(
        bools(true, true), RangeFunctions.bitwiseOr(bools(false, true), bools(true, true)));
  }

  @Test
  void bitwiseXor() {
    assertEquals(ValueRange.singleton(6), RangeFunctions.bitwiseXor(vr(5, 5), vr(3, 3)));
    assertEquals(ValueRange.unknownInt(), RangeFunctions.bitwiseXor(vr(0, 5), vr(3, 3)));
    assertEquals(
        bools(false, true), RangeFunctions.bitwiseXor(bools(true, true), bools(false, true)));
    assertEquals(
        bools(false, false), RangeFunctions.bitwiseXor(bools(true, true), bools(true, true)));
  }
}
