package symtrace.symbolic.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static symtrace.symbolic.range.ValueRangeTest.atLeast;
import static symtrace.symbolic.range.ValueRangeTest.bools;
import static symtrace.symbolic.range.ValueRangeTest.floats;
import static symtrace.symbolic.range.ValueRangeTest.vr;

import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;

/**
 * {@link RangeArithmetic} against what PyTorch's {@code SymPyValueRangeAnalysis} answers, and the
 * documented deviations where PyTorch's answer would exclude a true value.
 */
class RangeArithmeticTest {
  private static ValueRange upTo(long hi) {
    return ValueRange.of(Infinity.NEG_INT_OO, IntLit.of(hi));
  }

  @Test
  void addIsIncreasingInBoth() {
    assertEquals(atLeast(4), RangeArithmetic.add(atLeast(2), atLeast(2)));
    assertEquals(ValueRange.unknownInt(), RangeArithmetic.add(upTo(5), atLeast(1)));
    // _keep_float: an integer plus a float is a float.
    assertEquals(
        "VR[1.50000000000000, 2.50000000000000]",
        RangeArithmetic.add(vr(1, 2), floats(0.5, 0.5)).toString());
  }

  @Test
  void mulOfZeroAndUnknownIsZero() {
    // test_mul_zero_unknown in test/test_sympy_utils.py
    assertEquals(
        ValueRange.singleton(0),
        RangeArithmetic.mul(ValueRange.singleton(0), ValueRange.unknown()));
    ValueRange zero = ValueRange.singleton(FloatLit.of(0.0));
    assertEquals(zero, RangeArithmetic.mul(zero, ValueRange.unknown()));
    assertEquals(ValueRange.singleton(0), RangeArithmetic.mul(ValueRange.unknownInt(), vr(0, 0)));
  }

  @Test
  void mulTakesTheExtremeCorners() {
    assertEquals(vr(-10, 15), RangeArithmetic.mul(vr(-2, 3), vr(4, 5)));
    assertEquals(upTo(-2), RangeArithmetic.mul(ValueRange.singleton(-1), atLeast(2)));
    assertEquals(atLeast(4), RangeArithmetic.mul(atLeast(2), atLeast(2)));
    assertEquals(bools(false, true), RangeArithmetic.mul(bools(false, true), bools(true, true)));
  }

  @Test
  void floorDivOfTheCorners() {
    assertEquals(vr(0, 3), RangeArithmetic.floorDiv(vr(2, 10), vr(3, 4)));
    assertEquals(ValueRange.singleton(-4), RangeArithmetic.floorDiv(vr(-7, -7), vr(2, 2)));
    assertEquals(atLeast(1), RangeArithmetic.floorDiv(atLeast(2), vr(2, 2)));
    // FloorDiv(int_oo, int_oo) is nan; value_ranges.py uses sign(x)*sign(y)*int_oo.
    assertEquals(atLeast(0), RangeArithmetic.floorDiv(atLeast(1), atLeast(1)));
    // FloorDiv(-5, int_oo) floors -0.0 to 0: looser than -1, still sound.
    assertEquals(vr(-3, 2), RangeArithmetic.floorDiv(vr(-5, 5), atLeast(2)));
  }

  @Test
  void floorDivByARangeHoldingZeroKeepsTheSign() {
    assertEquals(atLeast(0), RangeArithmetic.floorDiv(vr(2, 10), vr(0, 5)));
    assertEquals(upTo(0), RangeArithmetic.floorDiv(vr(-5, -1), vr(0, 5)));
    assertEquals(upTo(0), RangeArithmetic.floorDiv(vr(2, 10), vr(-5, 0)));
    assertEquals(atLeast(0), RangeArithmetic.floorDiv(vr(-5, -1), vr(-5, 0)));
    assertEquals(ValueRange.unknownInt(), RangeArithmetic.floorDiv(vr(-5, 5), vr(0, 5)));
  }

  @Test
  void cModIsPyTorchsCSemantics() {
    // One truncated quotient: linear.
    assertEquals(vr(2, 5), RangeArithmetic.cMod(vr(2, 5), vr(8, 8)));
    assertEquals(vr(2, 5), RangeArithmetic.cMod(vr(10, 13), vr(8, 8)));
    // Wrapping: positive, negative and mixed dividends.
    assertEquals(vr(0, 2), RangeArithmetic.cMod(atLeast(2), vr(3, 3)));
    assertEquals(vr(-2, 0), RangeArithmetic.cMod(vr(-10, -1), vr(3, 3)));
    assertEquals(vr(-1, 2), RangeArithmetic.cMod(vr(-1, 10), vr(3, 3)));
    // A wider divisor: "too difficult, we bail out".
    assertEquals(vr(-4, 4), RangeArithmetic.cMod(vr(0, 100), vr(3, 5)));
    assertEquals(ValueRange.unknownInt(), RangeArithmetic.cMod(vr(0, 10), vr(0, 3)));
    // C's % takes the dividend's sign: 7 % -3 == 1.
    assertEquals(ValueRange.singleton(1), RangeArithmetic.cMod(vr(7, 7), vr(-3, -3)));
  }

  @Test
  void modMatchesPyTorchOnNonNegativeArguments() {
    assertEquals(vr(2, 5), RangeArithmetic.mod(vr(2, 5), vr(8, 8)));
    assertEquals(vr(0, 2), RangeArithmetic.mod(atLeast(2), vr(3, 3)));
    assertEquals(vr(-4, 4), RangeArithmetic.mod(vr(0, 100), vr(3, 5)));
  }

  @Test
  void modOfANegativeDividendAlsoCoversPythonsResult() {
    // PyTorch's C-semantics answer is [-2, -1]; Python's -2 % 3 == 1 needs [0, 2] too.
    assertEquals(vr(-2, 2), RangeArithmetic.mod(vr(-2, -1), vr(3, 3)));
    // 7 % -3 == -2 in Python, 1 in C.
    assertEquals(vr(-2, 1), RangeArithmetic.mod(vr(7, 7), vr(-3, -3)));
  }

  @Test
  void pythonModTakesTheDivisorsSign() {
    assertEquals(vr(0, 2), RangeArithmetic.pythonMod(vr(-5, 5), vr(3, 3)));
    assertEquals(vr(-2, 0), RangeArithmetic.pythonMod(vr(-5, 5), vr(-3, -3)));
    assertEquals(vr(0, 2), RangeArithmetic.pythonMod(vr(0, 10), vr(3, 3)));
    assertEquals(vr(-2, 3), RangeArithmetic.pythonMod(vr(-5, 5), vr(-3, 4)));
    assertEquals(vr(0, 4), RangeArithmetic.pythonMod(upTo(5), vr(2, 5)));
  }

  @Test
  void modularIndexingIsModOfFloorDiv() {
    assertEquals(vr(0, 3), RangeArithmetic.modularIndexing(atLeast(2), vr(2, 2), vr(4, 4)));
    assertEquals(vr(1, 2), RangeArithmetic.modularIndexing(vr(2, 5), vr(2, 2), vr(4, 4)));
  }

  @Test
  void trueDivisionIsAFloat() {
    assertEquals(
        "VR[1.00000000000000, 5.00000000000000]",
        RangeArithmetic.intTrueDiv(vr(2, 10), vr(2, 2)).toString());
    assertEquals(
        "VR[1.00000000000000, oo]", RangeArithmetic.intTrueDiv(atLeast(2), vr(2, 2)).toString());
    assertEquals(floats(0.0, 5.0), RangeArithmetic.intTrueDiv(vr(1, 5), atLeast(1)));
    assertEquals(ValueRange.unknown(), RangeArithmetic.intTrueDiv(vr(1, 5), vr(0, 2)));
    assertEquals(ValueRange.unknown(), RangeArithmetic.intTrueDiv(atLeast(1), atLeast(1)));
    assertEquals(
        floats(-3.0, -0.25), RangeArithmetic.trueDiv(floats(0.5, 1.5), floats(-2.0, -0.5)));
  }

  @Test
  void powByNaturalFollowsPyTorch() {
    assertEquals(vr(4, 100), RangeArithmetic.powByNatural(vr(2, 10), vr(2, 2)));
    assertEquals(ValueRange.singleton(81), RangeArithmetic.powByNatural(vr(3, 3), vr(4, 4)));
    assertEquals(vr(0, 9), RangeArithmetic.powByNatural(vr(-3, 2), vr(2, 2)));
    assertEquals(vr(4, 25), RangeArithmetic.powByNatural(vr(-5, -2), vr(2, 2)));
    assertEquals(vr(-27, 8), RangeArithmetic.powByNatural(vr(-3, 2), vr(3, 3)));
    assertEquals(vr(-27, 27), RangeArithmetic.powByNatural(vr(-2, 3), vr(0, 3)));
    assertEquals(atLeast(4), RangeArithmetic.powByNatural(atLeast(2), vr(2, 2)));
    assertEquals(atLeast(1), RangeArithmetic.powByNatural(atLeast(1), atLeast(0)));
    // The exponent is natural by definition: a negative lower bound is clamped to 0.
    assertEquals(vr(1, 9), RangeArithmetic.powByNatural(vr(2, 3), vr(-1, 2)));
    assertEquals(ValueRange.unknownInt(), RangeArithmetic.powByNatural(vr(2, 3), vr(-3, -1)));
  }

  @Test
  void powByNaturalOverflowIsIntOoOnlyAsAnUpperBound() {
    // safe_pow(2, 70) is int_oo; as a lower bound that would exclude 2**70 itself.
    assertEquals(
        "VR[9223372036854775807, int_oo]",
        RangeArithmetic.powByNatural(vr(2, 2), vr(70, 70)).toString());
    assertEquals(upTo(-Long.MAX_VALUE), RangeArithmetic.powByNatural(vr(-2, -2), vr(71, 71)));
  }

  @Test
  void powByNaturalOfZeroCoversZeroToTheZero() {
    // PyTorch answers [0, 0], but 0**0 == 1.
    assertEquals(vr(0, 1), RangeArithmetic.powByNatural(vr(0, 0), vr(0, 3)));
    assertEquals(vr(0, 0), RangeArithmetic.powByNatural(vr(0, 0), vr(1, 3)));
    assertEquals(vr(-1, 1), RangeArithmetic.powByNatural(vr(-1, 0), vr(0, 3)));
  }

  @Test
  void powOfAFloatBase() {
    assertEquals(floats(0.0, 2.25), RangeArithmetic.powByNatural(floats(-1.5, 0.5), vr(2, 2)));
    assertEquals(floats(-3.375, 0.125), RangeArithmetic.powByNatural(floats(-1.5, 0.5), vr(3, 3)));
    assertEquals(ValueRange.unknown(), RangeArithmetic.pow(floats(1.0, 2.0), floats(0.5, 0.5)));
  }

  @Test
  void minimumAndMaximum() {
    assertEquals(vr(3, 5), RangeArithmetic.maximum(vr(2, 5), vr(3, 4)));
    assertEquals(vr(2, 4), RangeArithmetic.minimum(vr(2, 5), vr(3, 4)));
    assertEquals(atLeast(5), RangeArithmetic.maximum(atLeast(2), vr(5, 5)));
    assertEquals(
        bools(true, true), RangeArithmetic.maximum(bools(false, false), bools(true, true)));
    assertEquals(
        bools(false, false), RangeArithmetic.minimum(bools(false, true), bools(false, false)));
  }

  @Test
  void absIsConvexWithMinimumAtZero() {
    assertEquals(vr(0, 3), RangeArithmetic.abs(vr(-3, 2)));
    assertEquals(vr(2, 5), RangeArithmetic.abs(vr(-5, -2)));
    assertEquals(floats(0.0, 1.5), RangeArithmetic.abs(floats(-1.5, 0.5)));
    assertEquals(atLeast(3), RangeArithmetic.abs(upTo(-3)));
    assertEquals(vr(4, 4), RangeArithmetic.identity(vr(4, 4)));
  }
}
