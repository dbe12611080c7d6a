package symtrace.symbolic.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.symbolic.parse.ExprParser;

/** The construction-time rules, one table row per rule, with PyTorch's expected results. */
class ConstructionRulesTest {
  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(delimiter = '|', value = {
    // sums and products
    "2*s0*s1 + s1*s0             | 3*s0*s1",
    "s0 - s0                     | 0",
    "2*(s0 + 1)                  | 2*s0 + 2",
    "s0*s0*s1                    | s0**2*s1",
    "(s0*s1)**2                  | s0**2*s1**2",
    "s0**2/s0                    | s0",
    "oo + s0                     | oo",
    "int_oo - int_oo             | nan",
    // FloorDiv (functions.py FloorDiv.eval)
    "FloorDiv(7, 2)              | 3",
    "FloorDiv(-7, 2)             | -4",
    "FloorDiv(7, -2)             | -4",
    "FloorDiv(0, s0)             | 0",
    "FloorDiv(s0, 1)             | s0",
    "FloorDiv(s0, -1)            | -s0",
    "FloorDiv(4*s0 + 3, 2)       | 2*s0 + 1",
    "FloorDiv(s0*s1 + s1, s1)    | s0 + 1",
    "FloorDiv(6*s0, 4)           | ((3*s0)//2)",
    "FloorDiv(FloorDiv(s0, 2), 3)| (s0//6)",
    "FloorDiv(int_oo, 2)         | int_oo",
    "CeilDiv(s0, 2)              | ((s0 + 1)//2)",
    "FloorDiv(2.5, 2.5)          | 1.00000000000000",
    "FloorDiv(7.0, 2)            | 3.00000000000000",
    "CeilDiv(2*s0, 2)            | s0",
    // Mod and PythonMod
    "Mod(7, 3)                   | 1",
    "Mod(s0, s0)                 | 0",
    "Mod(s0, 1)                  | 0",
    "Mod(4*s0 + 6, 2)            | 0",
    "Mod(2*s0 + 1, 2)            | 1",
    "Mod(s0*s1, s1)              | 0",
    "Mod(s0, s0 + s1)            | s0",
    "PythonMod(-7, 2)            | 1",
    "PythonMod(7, -2)            | -1",
    "ModularIndexing(s0, 1, 1)   | 0",
    "ModularIndexing(13, 2, 4)   | 2",
    "ModularIndexing(2*s0, 2, 4) | ModularIndexing(s0, 1, 4)",
    "ModularIndexing(s0 + 8, 2, 4)| ModularIndexing(s0, 2, 4)",
    // Max and Min (MinMaxBase)
    "Max(s0, 1)                  | s0",
    "Abs(s96 - s75)              | Abs(s75 - s96)",
    "Abs(s75 - s96)              | Abs(s75 - s96)",
    "Abs(-u0)                    | Abs(u0)",
    "Abs(1 - u0)                 | Abs(u0 - 1)",
    "Abs(-u0 - u1 + u2)          | Abs(u0 + u1 - u2)",
    "Max(s0, 0)                  | s0",
    "Min(s0, 1)                  | 1",
    "Max(u0, 1)                  | Max(1, u0)",
    "Max(3, 5, u0)               | Max(5, u0)",
    "Max(u0, Max(u1, 2))         | Max(2, u0, u1)",
    "Max(u0, Min(u0, u1))        | u0",
    "Max(-oo, u0)                | u0",
    "Max(oo, u0)                 | oo",
    // relations
    "Eq(s0, s0)                  | True",
    "Eq(s0, -1)                  | False",
    "Eq(s0, 1)                   | Eq(s0, 1)",
    "s0 > 0                      | True",
    "s0 >= 1                     | True",
    "s0 > 1                      | s0 > 1",
    "Ne(s0 + 1, s0)              | True",
    "s0 + s1 >= 2                | True",
    "~(s0 < s1)                  | s0 >= s1",
    "(s0 > 2) & ~(s0 > 2)        | False",
    "Or(s0 > 2, True)            | True",
    // conversions
    "ToFloat(3)                  | 3.00000000000000",
    "ToFloat(int_oo)             | oo",
    "TruncToInt(-2.5)            | -2",
    "FloorToInt(-2.5)            | -3",
    "CeilToInt(2.1)              | 3",
    "RoundToInt(2.5)             | 2",
    "RoundToInt(3.5)             | 4",
    "IntTrueDiv(7, 2)            | 3.50000000000000",
    "PowByNatural(2, 10)         | 1024",
    "PowByNatural(2, 100)        | int_oo",
    "PowByNatural(s0, 2)         | s0**2",
    "BitwiseFn_bitwise_and(12, 10)| 8",
    "LShift(s0, 2)               | 4*s0",
    "RShift(s0, 1)               | (s0//2)",
    "Abs(-s0)                    | s0",
    "floor(s0 + 1)               | s0 + 1",
    "Piecewise((s0, True), (s1, True))      | s0",
    "Piecewise((s0, False), (s1, True))     | s1",
    "Piecewise((s0, Eq(u0, 1)), (s0, True)) | s0",
    "IsNonOverlappingAndDenseIndicator(3, 4, 4, 1) | 1",
    "IsNonOverlappingAndDenseIndicator(u0, 1)      | 1",
  })
  void appliesTheRule(String input, String expected) {
    assertEquals(expected, ExprParser.parse(input).toString());
  }

  @Test
  void divisionByZeroIsPythonsError() {
    SymbolicArithmeticError e = assertThrows(SymbolicArithmeticError.class,
        () -> Exprs.floorDiv(Sym.size("s0"), Exprs.ZERO));
    assertEquals("division by zero", e.getMessage());
    e = assertThrows(SymbolicArithmeticError.class, () -> Exprs.mod(Sym.size("s0"), Exprs.ZERO));
    assertEquals("Modulo by zero", e.getMessage());
    e = assertThrows(SymbolicArithmeticError.class,
        () -> Exprs.apply(Fn.LSHIFT, Sym.size("s0"), Exprs.integer(-1)));
    assertEquals("negative shift count", e.getMessage());
  }

  @Test
  void largeIntegersOverflowExactly() {
    Expr big = Exprs.mul(Exprs.integer(Long.MAX_VALUE), Exprs.integer(Long.MAX_VALUE));
    assertEquals("85070591730234615847396907784232501249", big.toString());
    assertSame(Exprs.integer(1), Exprs.add(Exprs.sub(big, big), Exprs.integer(1)));
  }

  @Test
  void interningMakesEqualExpressionsIdentical() {
    Sym s0 = Sym.size("s0");
    Sym s1 = Sym.size("s1");
    assertSame(Exprs.add(Exprs.mul(s0, s1), Exprs.integer(3)),
        Exprs.add(Exprs.integer(3), Exprs.mul(s1, s0)));
    assertSame(Sym.size("s0"), s0);
    // Assumptions are part of a symbol's identity, as in sympy.
    assertEquals(false, Sym.integer("s0") == s0);
  }
}
