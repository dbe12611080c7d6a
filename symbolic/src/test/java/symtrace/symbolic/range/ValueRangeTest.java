package symtrace.symbolic.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/** {@link ValueRange}: construction, kinds, lattice operations and PyTorch's printing. */
class ValueRangeTest {
  static ValueRange vr(long lo, long hi) {
    return ValueRange.of(lo, hi);
  }

  static ValueRange atLeast(long lo) {
    return ValueRange.of(IntLit.of(lo), Infinity.INT_OO);
  }

  static ValueRange floats(double lo, double hi) {
    return ValueRange.of(FloatLit.of(lo), FloatLit.of(hi));
  }

  static ValueRange bools(boolean lo, boolean hi) {
    return ValueRange.of(BoolLit.of(lo), BoolLit.of(hi));
  }

  @Test
  void printsAsPyTorchRepr() {
    assertEquals("VR[2, int_oo]", atLeast(2).toString());
    assertEquals("VR[0, 9223372036854775806]", vr(0, Long.MAX_VALUE - 1).toString());
    assertEquals("VR[-oo, oo]", ValueRange.unknown().toString());
    assertEquals("VR[-int_oo, int_oo]", ValueRange.unknownInt().toString());
    assertEquals("VR[False, True]", ValueRange.unknownBool().toString());
    assertEquals(
        "VR[2.00000000000000, oo]", ValueRange.of(FloatLit.of(2.0), Infinity.OO).toString());
    assertEquals(
        "VR[-9223372036854775808, 9223372036854775807]",
        vr(Long.MIN_VALUE, Long.MAX_VALUE).toString());
  }

  @Test
  void printsTheIntervalForTheCommandLine() {
    assertEquals("[2, int_oo]", atLeast(2).toIntervalString());
    assertEquals("[-int_oo, int_oo]", ValueRange.unknownInt().toIntervalString());
    assertEquals("[True, True]", bools(true, true).toIntervalString());
  }

  @Test
  void rejectsAnEmptyRangeWithPyTorchsMessage() {
    ValueRangeError e = assertThrows(ValueRangeError.class, () -> vr(5, 2));
    assertEquals("Invalid ranges [5:2]", e.getMessage());
    assertTrue(e instanceof SymtraceException);
    assertEquals(
        "Invalid ranges [True:False]",
        assertThrows(ValueRangeError.class, () -> bools(true, false)).getMessage());
    assertEquals(
        "Invalid ranges [int_oo:3]",
        assertThrows(ValueRangeError.class, () -> ValueRange.of(Infinity.INT_OO, IntLit.of(3)))
            .getMessage());
  }

  @Test
  void rejectsBoundsThatAreNotNumbersOrBooleans() {
    assertThrows(IllegalArgumentException.class, () -> ValueRange.of(Infinity.NAN, Infinity.OO));
    assertThrows(IllegalArgumentException.class, () -> ValueRange.of(BoolLit.FALSE, IntLit.of(1)));
    Expr s0 = Sym.size("s0");
    assertThrows(IllegalArgumentException.class, () -> ValueRange.of(IntLit.of(0), s0));
  }

  @Test
  void classifiesKindsAsPyTorch() {
    assertEquals(ValueRange.Kind.INT, atLeast(2).kind());
    assertEquals(ValueRange.Kind.INT, ValueRange.unknownInt().kind());
    assertEquals(ValueRange.Kind.FLOAT, floats(0.5, 1.0).kind());
    assertEquals(ValueRange.Kind.FLOAT, ValueRange.of(IntLit.of(0), FloatLit.of(2.5)).kind());
    // NB in value_ranges.py: [-oo, oo] always advertises as float.
    assertTrue(ValueRange.unknown().isFloat());
    assertTrue(ValueRange.unknownBool().isBool());
  }

  @Test
  void turnsOoNextToAnIntegerIntoIntOo() {
    assertEquals(atLeast(0), ValueRange.of(IntLit.of(0), Infinity.OO));
    assertEquals("VR[-int_oo, 3]", ValueRange.of(Infinity.NEG_OO, IntLit.of(3)).toString());
    assertTrue(ValueRange.of(Infinity.NEG_OO, IntLit.of(3)).isInt());
  }

  @Test
  void ordersIntOoBelowOo() {
    // test_mixed_oo_int_oo: int_oo < oo and -int_oo > -oo, PyTorch's arbitrary choice.
    assertEquals("VR[int_oo, oo]", ValueRange.of(Infinity.INT_OO, Infinity.OO).toString());
    assertThrows(ValueRangeError.class, () -> ValueRange.of(Infinity.OO, Infinity.INT_OO));
    assertTrue(ValueRange.unknownInt().issubset(ValueRange.unknown()));
    assertFalse(ValueRange.unknown().issubset(ValueRange.unknownInt()));
  }

  @Test
  void intersectsWithUnknownAsIdentity() {
    assertEquals(vr(5, 10), vr(2, 10).intersect(atLeast(5)));
    assertEquals(atLeast(2), atLeast(2).intersect(ValueRange.unknown()));
    assertEquals(atLeast(2), ValueRange.unknown().intersect(atLeast(2)));
    assertEquals(floats(0.5, 1.5), floats(0.5, 1.5).intersect(ValueRange.unknownInt()));
    assertEquals(bools(true, true), ValueRange.unknownBool().intersect(bools(true, true)));
  }

  @Test
  void intersectingDisjointRangesFails() {
    assertEquals(
        "Invalid ranges [5:3]",
        assertThrows(ValueRangeError.class, () -> vr(1, 3).intersect(vr(5, 7))).getMessage());
    assertThrows(ValueRangeError.class, () -> bools(false, false).intersect(bools(true, true)));
    assertThrows(IllegalArgumentException.class, () -> vr(0, 1).intersect(bools(false, true)));
  }

  @Test
  void unionIsTheHull() {
    assertEquals(vr(2, 9), vr(2, 3).union(vr(7, 9)));
    assertEquals(ValueRange.unknown(), vr(2, 3).union(ValueRange.unknown()));
    assertEquals(ValueRange.unknownBool(), bools(false, false).union(bools(true, true)));
    assertEquals(atLeast(1), vr(1, 4).union(atLeast(3)));
  }

  @Test
  void singletonAndSubset() {
    assertTrue(ValueRange.singleton(3).isSingleton());
    assertFalse(vr(3, 4).isSingleton());
    assertTrue(ValueRange.singleton(BoolLit.TRUE).isSingleton());
    assertTrue(vr(3, 4).issubset(atLeast(2)));
    assertTrue(atLeast(2).issubset(ValueRange.unknownInt()));
    assertFalse(vr(1, 3).issubset(vr(2, 5)));
    assertFalse(bools(false, true).issubset(vr(0, 1)));
    assertTrue(bools(true, true).issubset(ValueRange.unknownBool()));
  }

  @Test
  void containsNumbersExactly() {
    ValueRange r = atLeast(2);
    assertTrue(r.contains(IntLit.of(2)));
    assertFalse(r.contains(IntLit.of(1)));
    assertTrue(r.contains(IntLit.of(BigInteger.TEN.pow(30))));
    assertTrue(r.contains(Infinity.INT_OO)); // int_oo in VR[2, int_oo] is True in PyTorch
    assertTrue(vr(2, 3).contains(FloatLit.of(2.5)));
    assertFalse(vr(2, 3).contains(Infinity.NAN));
    // 2**53 + 1 is not a double; a float bound of 2**53 is below it.
    ValueRange upTo = ValueRange.of(IntLit.of(0), FloatLit.of(9007199254740992.0));
    assertFalse(upTo.contains(IntLit.of(9007199254740993L)));
    assertTrue(bools(false, true).contains(BoolLit.TRUE));
    assertFalse(bools(false, false).contains(BoolLit.TRUE));
    assertFalse(vr(0, 1).contains(BoolLit.TRUE));
  }

  @Test
  void equalityIsByKindAndBounds() {
    assertEquals(vr(2, 5), vr(2, 5));
    assertEquals(vr(2, 5).hashCode(), vr(2, 5).hashCode());
    assertNotEquals(vr(2, 2), floats(2.0, 2.0));
    assertEquals(ValueRange.unknownBool(), bools(false, true));
  }
}
