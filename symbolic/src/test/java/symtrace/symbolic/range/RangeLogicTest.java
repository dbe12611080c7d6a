package symtrace.symbolic.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static symtrace.symbolic.range.ValueRangeTest.atLeast;
import static symtrace.symbolic.range.ValueRangeTest.bools;
import static symtrace.symbolic.range.ValueRangeTest.floats;
import static symtrace.symbolic.range.ValueRangeTest.vr;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RangeLogic}: relations, connectives and {@code Piecewise}, as PyTorch decides them. */
class RangeLogicTest {
  private static final ValueRange TRUE = bools(true, true);
  private static final ValueRange FALSE = bools(false, false);
  private static final ValueRange EITHER = ValueRange.unknownBool();

  @Test
  void eqIsDecidedForEqualSingletonsAndDisjointRanges() {
    assertEquals(FALSE, RangeLogic.eq(atLeast(2), vr(1, 1)));
    assertEquals(TRUE, RangeLogic.eq(vr(3, 3), vr(3, 3)));
    assertEquals(EITHER, RangeLogic.eq(vr(2, 3), vr(3, 5)));
    assertEquals(TRUE, RangeLogic.eq(vr(2, 2), floats(2.0, 2.0))); // 2 == 2.0 in Python
    assertEquals(TRUE, RangeLogic.ne(atLeast(2), vr(1, 1)));
    assertEquals(EITHER, RangeLogic.ne(vr(2, 3), vr(3, 5)));
  }

  @Test
  void orderRelations() {
    assertEquals(TRUE, RangeLogic.lt(vr(1, 3), vr(4, 5)));
    assertEquals(EITHER, RangeLogic.lt(vr(1, 3), vr(3, 5)));
    assertEquals(FALSE, RangeLogic.lt(vr(3, 5), vr(1, 3)));
    assertEquals(TRUE, RangeLogic.ge(atLeast(4), vr(2, 2)));
    assertEquals(TRUE, RangeLogic.ge(vr(3, 5), vr(1, 3)));
    assertEquals(EITHER, RangeLogic.le(vr(5, 6), vr(1, 5)));
    assertEquals(FALSE, RangeLogic.gt(vr(1, 2), vr(2, 9)));
    assertEquals(TRUE, RangeLogic.le(vr(1, 2), vr(2, 9)));
  }

  @Test
  void booleansCompareAsIntegers() {
    // lt on booleans is And(Not(a), b) in PyTorch: only False < True.
    assertEquals(TRUE, RangeLogic.lt(FALSE, TRUE));
    assertEquals(FALSE, RangeLogic.lt(TRUE, EITHER));
    assertEquals(EITHER, RangeLogic.lt(EITHER, EITHER));
    assertEquals(TRUE, RangeLogic.eq(TRUE, vr(1, 1)));
  }

  @Test
  void connectives() {
    assertEquals(EITHER, RangeLogic.and(EITHER, TRUE));
    assertEquals(FALSE, RangeLogic.and(FALSE, EITHER));
    assertEquals(TRUE, RangeLogic.or(EITHER, TRUE));
    assertEquals(EITHER, RangeLogic.or(EITHER, FALSE));
    assertEquals(EITHER, RangeLogic.not(EITHER));
    assertEquals(FALSE, RangeLogic.not(TRUE));
  }

  @Test
  void numbersAreTrueWhenNotZero() {
    assertEquals(TRUE, RangeLogic.not(vr(0, 0)));
    assertEquals(TRUE, RangeLogic.and(vr(1, 5), TRUE));
    assertEquals(EITHER, RangeLogic.or(vr(-1, 1), FALSE));
    assertEquals(EITHER, RangeLogic.not(ValueRange.unknown()));
  }

  @Test
  void piecewiseJoinsTheBranchesThatCanBeTaken() {
    assertEquals(vr(7, 9), RangeLogic.piecewise(List.of(vr(2, 4), vr(7, 9)), List.of(FALSE, TRUE)));
    assertEquals(
        vr(2, 9), RangeLogic.piecewise(List.of(vr(2, 4), vr(7, 9)), List.of(EITHER, TRUE)));
    // sym_ite of a SymBool cast to int: Piecewise((1, b), (0, True)).
    assertEquals(
        vr(0, 1), RangeLogic.piecewise(List.of(vr(1, 1), vr(0, 0)), List.of(EITHER, TRUE)));
    assertEquals(ValueRange.unknown(), RangeLogic.piecewise(List.of(vr(1, 1)), List.of(FALSE)));
    assertThrows(
        IllegalArgumentException.class, () -> RangeLogic.piecewise(List.of(vr(1, 1)), List.of()));
  }
}
