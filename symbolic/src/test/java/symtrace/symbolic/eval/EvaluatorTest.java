package symtrace.symbolic.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.expr.SymbolicArithmeticError;
import symtrace.symbolic.parse.ExprParser;

/** Python semantics of evaluation: floor division, the divisor's sign, unbounded ints. */
class EvaluatorTest {
  private static final Sym U0 = Sym.integer("u0");
  private static final Sym U1 = Sym.integer("u1");

  @ParameterizedTest(name = "{0} at u0={1}, u1={2} is {3}")
  @CsvSource(delimiter = '|', value = {
    "FloorDiv(u0, u1)        | -7 | 2  | -4",
    "FloorDiv(u0, u1)        | 7  | -2 | -4",
    "PythonMod(u0, u1)       | -7 | 2  | 1",
    "PythonMod(u0, u1)       | 7  | -2 | -1",
    "ModularIndexing(u0, 2, u1) | 13 | 4 | 2",
    "u0**u1                  | 2  | 70 | 1180591620717411303424",
    "u0*u1*u0*u1             | 4294967296 | 4294967296 | 340282366920938463463374607431768211456",
    "IntTrueDiv(u0, u1)      | 1  | 3  | 0.3333333333333333",
    "TruncToInt(IntTrueDiv(u0, u1)) | -7 | 2 | -3",
    "FloorToInt(IntTrueDiv(u0, u1)) | -7 | 2 | -4",
    "RoundToInt(IntTrueDiv(u0, u1)) | 5 | 2 | 2",
    "Max(u0, u1)             | -3 | 2  | 2",
    "Piecewise((u0, u0 > u1), (u1, True)) | 1 | 2 | 2",
    "Eq(ToFloat(u0), u1)     | 3  | 3  | true",
    "u0/u1                   | 3  | 6  | 1/2",
    "BitwiseFn_bitwise_or(u0, u1) | 12 | 10 | 14",
  })
  void evaluatesWithPythonSemantics(String text, long u0, long u1, String expected) {
    Expr e = ExprParser.parse(text);
    assertEquals(expected, String.valueOf(Evaluator.evaluate(e, Map.of(U0, u0, U1, u1))));
  }

  @Test
  void longPathAgreesAndRefusesOverflow() {
    Expr e = ExprParser.parse("u0*u1 + 2*FloorDiv(u0, 3) + Max(u0, u1)");
    assertEquals(Evaluator.evaluate(e, Map.of(U0, -7L, U1, 5L)),
        Evaluator.evaluateLong(e, s -> s == U0 ? -7 : 5));
    Expr big = ExprParser.parse("u0*u1");
    assertThrows(ArithmeticException.class,
        () -> Evaluator.evaluateLong(big, s -> Long.MAX_VALUE));
  }

  @Test
  void divisionByZeroRaisesPythonsError() {
    Expr e = ExprParser.parse("FloorDiv(u0, u1)");
    SymbolicArithmeticError err = assertThrows(SymbolicArithmeticError.class,
        () -> Evaluator.evaluate(e, Map.of(U0, 1L, U1, 0L)));
    assertEquals("division by zero", err.getMessage());
  }
}
