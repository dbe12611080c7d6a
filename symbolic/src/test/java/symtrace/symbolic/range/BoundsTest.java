package symtrace.symbolic.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.symbolic.range.ValueRangeTest.atLeast;
import static symtrace.symbolic.range.ValueRangeTest.vr;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/**
 * {@link Bounds#bound}, PyTorch's {@code bound_sympy}, on parsed expressions. Symbols are parsed
 * with the command line's convention: {@code s0, s1} are sizes (positive integers), {@code u0, u1}
 * integers.
 */
class BoundsTest {
  private static final Sym S0 = Sym.size("s0");
  private static final Sym S1 = Sym.size("s1");
  private static final Sym U0 = Sym.integer("u0");
  private static final Sym U1 = Sym.integer("u1");

  /** The backed-size range PyTorch gives a fresh symbol: {@code [2, int_oo]}. */
  private static Map<Sym, ValueRange> sizes() {
    Map<Sym, ValueRange> r = new HashMap<>();
    for (Sym s : new Sym[] {S0, S1, U0, U1}) {
      r.put(s, atLeast(2));
    }
    return r;
  }

  private static String bound(String text, Map<Sym, ValueRange> ranges) {
    return Bounds.bound(ExprParser.parse(text), ranges).toString();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "s0 + s1 | VR[4, int_oo]",
        "Eq(s0, 1) | VR[False, False]",
        "Ne(s0, 1) | VR[True, True]",
        "s0 + s1 >= 2 | VR[True, True]",
        "u0 + u1 >= 2 | VR[True, True]",
        "u0 + u1 >= 5 | VR[False, True]",
        "u0 + u1 < 4 | VR[False, False]",
        "2*s0 - 1 | VR[3, int_oo]",
        "-s0 | VR[-int_oo, -2]",
        "s0*s1 | VR[4, int_oo]",
        "s0 - s1 | VR[-int_oo, int_oo]",
        "s0 // 2 | VR[1, int_oo]",
        "FloorDiv(s0, s1) | VR[0, int_oo]",
        "s0 % 3 | VR[0, 2]",
        "ModularIndexing(s0, 2, 4) | VR[0, 3]",
        "s0**2 | VR[4, int_oo]",
        "Max(s0, 5) | VR[5, int_oo]",
        "Min(s0, 5) | VR[2, 5]",
        "ToFloat(s0) | VR[2.00000000000000, oo]",
        "IntTrueDiv(s0, 2) | VR[1.00000000000000, oo]",
        "TruncToInt(IntTrueDiv(s0, 2)) | VR[1, int_oo]",
        "FloorToInt(IntTrueDiv(s0, 2)) | VR[1, int_oo]",
        "CeilToInt(IntTrueDiv(s0, 2)) | VR[1, int_oo]",
        "Piecewise((1, Eq(s0, 1)), (0, True)) | VR[0, 0]",
        "Piecewise((1, s0 > 1), (0, True)) | VR[0, 1]",
        "Not(Eq(s0, 1)) | VR[True, True]",
        "And(s0 > 1, u0 < 3) | VR[False, True]",
        "Or(s0 > 1, u0 < 3) | VR[True, True]",
      })
  void boundsLikePyTorchOverBackedSizes(String text, String expected) {
    assertEquals(expected, bound(text, sizes()));
  }

  @Test
  void floorDivAndModOverFiniteRanges() {
    Map<Sym, ValueRange> r = Map.of(S0, vr(2, 10), S1, vr(3, 4), U0, vr(-5, 5));
    assertEquals("VR[0, 3]", bound("(s0 + 1)//s1", r));
    assertEquals("VR[2, 5]", bound("Mod(s0, 8)", Map.of(S0, vr(2, 5))));
    // u0 may be negative, so u0 % 3 is PythonMod: the divisor's sign.
    assertEquals("PythonMod(u0, 3)", ExprParser.parse("u0 % 3").toString());
    assertEquals("VR[0, 2]", bound("u0 % 3", r));
    assertEquals("VR[-2, 0]", bound("u0 % -3", r));
    assertEquals("VR[0, 9]", bound("u0**2", Map.of(U0, vr(-3, 2))));
    assertEquals("VR[-27, 8]", bound("u0**3", Map.of(U0, vr(-3, 2))));
    assertEquals("VR[0, 5]", bound("Abs(u0)", r));
  }

  @Test
  void piecewiseTakesTheBranchesThatCanBeTrue() {
    String ite = "Piecewise((s0, Eq(s0, 5)), (s1, True))";
    assertEquals("VR[7, 9]", bound(ite, Map.of(S0, vr(2, 4), S1, vr(7, 9))));
    assertEquals("VR[2, 9]", bound(ite, Map.of(S0, vr(2, 6), S1, vr(7, 9))));
  }

  @Test
  void symbolsWithoutARangeGetPyTorchsDefaults() {
    assertEquals(atLeast(1), Bounds.bound(S0));
    assertEquals(ValueRange.unknownInt(), Bounds.bound(U0));
    assertEquals(ValueRange.unknown(), Bounds.bound(Sym.real("x0")));
    Sym natural = Sym.of("n0", Sym.INTEGER | Sym.NONNEGATIVE);
    assertEquals(atLeast(0), Bounds.bound(natural));
    assertEquals("VR[2, int_oo]", Bounds.bound(ExprParser.parse("s0 + s1")).toString());
    assertEquals(atLeast(1), Bounds.defaultRange(S1));
  }

  @Test
  void numbersAreSingletons() {
    assertEquals(ValueRange.singleton(7), Bounds.bound(IntLit.of(7)));
    assertEquals("VR[int_oo, int_oo]", Bounds.bound(Infinity.INT_OO).toString());
    assertEquals(ValueRange.unknown(), Bounds.bound(Infinity.NAN));
    assertEquals("VR[1/2, 1/2]", Bounds.bound(Exprs.rational(1, 2)).toString());
  }

  @Test
  void functionsWithoutARuleAreUnknownOfTheirType() {
    Map<Sym, ValueRange> r = sizes();
    Expr indicator = Exprs.apply(Fn.IS_NON_OVERLAPPING_AND_DENSE, S0, S1);
    assertEquals(ValueRange.unknownInt(), Bounds.bound(indicator, r));
    Expr floatPow = Exprs.apply(Fn.FLOAT_POW, Exprs.apply(Fn.TO_FLOAT, S0), Exprs.real(0.5));
    assertEquals(ValueRange.unknown(), Bounds.bound(floatPow, r));
    // s0**-1 is not a natural power: pow, unknown.
    assertEquals(ValueRange.unknown(), Bounds.bound(Exprs.pow(S0, Exprs.MINUS_ONE), r));
  }

  @Test
  void squareRootOfAPower() {
    Expr root = Exprs.pow(Exprs.apply(Fn.TO_FLOAT, S0), Exprs.rational(1, 2));
    ValueRange r = Bounds.bound(root, Map.of(S0, vr(4, 9)));
    // Widened by an ulp around [2.0, 3.0] because the evaluator uses Math.pow.
    assertTrue(r.issubset(ValueRangeTest.floats(1.9999999999, 3.0000000001)), r.toString());
    assertTrue(r.contains(FloatLit.of(2.0)));
  }

  @Test
  void shiftsAreProductsAndQuotientsByPowersOfTwo() {
    Map<Sym, ValueRange> r = Map.of(S0, vr(2, 10), U0, vr(0, 2));
    assertEquals("VR[8, 40]", Bounds.bound(Exprs.apply(Fn.LSHIFT, S0, IntLit.of(2)), r).toString());
    assertEquals("VR[1, 5]", Bounds.bound(Exprs.apply(Fn.RSHIFT, S0, IntLit.of(1)), r).toString());
  }

  @Test
  void givenRangesOverrideTheDefaults() {
    Map<Sym, ValueRange> r = Map.of(S0, vr(3, 3));
    assertEquals("VR[True, True]", bound("Eq(s0, 3)", r));
    assertEquals("VR[4, int_oo]", bound("s0 + s1", r));
  }
}
