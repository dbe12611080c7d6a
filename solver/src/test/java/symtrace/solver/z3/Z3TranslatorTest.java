package symtrace.solver.z3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/** The translation's rules, one Python fact per row (values substituted for u0, u1, zf0). */
class Z3TranslatorTest {
  private static final Sym U0 = Sym.integer("u0");
  private static final Sym U1 = Sym.integer("u1");
  private static final Sym ZF0 = Sym.real("zf0");

  private static Context ctx;
  private static Z3Translator translator;

  @BeforeAll
  static void open() {
    ctx = new Context();
    translator = new Z3Translator(ctx);
  }

  @AfterAll
  static void close() {
    ctx.close();
  }

  private static Expr parse(String text) {
    return ExprParser.parse(text, name -> name.startsWith("zf") ? Sym.real(name) : Sym.integer(name));
  }

  /** The goal, with u0, u1 and zf0 replaced, simplified to a literal. */
  private static BoolExpr at(String condition, long u0, long u1, double zf0) {
    Term t = translator.translate(parse(condition));
    List<com.microsoft.z3.Expr<?>> from = new ArrayList<>();
    List<com.microsoft.z3.Expr<?>> to = new ArrayList<>();
    for (Map.Entry<Sym, com.microsoft.z3.Expr<?>> e : Map.<Sym, com.microsoft.z3.Expr<?>>of(
        U0, ctx.mkInt(u0), U1, ctx.mkInt(u1), ZF0, ctx.mkFP(zf0, ctx.mkFPSortDouble())).entrySet()) {
      from.add(translator.symbol(e.getKey()));
      to.add(e.getValue());
    }
    BoolExpr holds = translator.holds(t);
    return (BoolExpr) holds.substitute(from.toArray(new com.microsoft.z3.Expr<?>[0]),
        to.toArray(new com.microsoft.z3.Expr<?>[0])).simplify();
  }

  @ParameterizedTest(name = "{0} at u0={1}, u1={2}, zf0={3}")
  @CsvSource(delimiter = '|', value = {
    // floor division and modulus take the divisor's sign
    "Eq(u0 // u1, -4)                       |  7 | -2 | 0",
    "Eq(u0 // u1, 3)                        | -7 | -2 | 0",
    "Eq(u0 // u1, -4)                       | -7 |  2 | 0",
    "Eq(PythonMod(u0, u1), -1)              |  7 | -2 | 0",
    "Eq(PythonMod(u0, u1), 1)               | -7 |  2 | 0",
    "Eq(ModularIndexing(u0, 2, u1), 2)      | 13 |  4 | 0",
    "Eq(CleanDiv(u0, u1), -3)               |  6 | -2 | 0",
    // Max/Min as if-then-else, and nan's asymmetric comparisons
    "Eq(Max(u0, u1, 3), 3)                  | -1 |  2 | 0",
    "Eq(Min(u0, u1), u0)                    | -5 |  2 | 0",
    // exact rationals
    "Eq(u0/u1 + u0/u1, 1)                   |  3 |  6 | 0",
    "Eq(floor(u0/u1), -2)                   | -3 |  2 | 0",
    "Eq(RoundToInt(u0/u1), 2)               |  5 |  2 | 0",
    "Eq(RoundToInt(u0/u1), 4)               |  7 |  2 | 0",
    // floats: correctly rounded conversions, half-even rounding, Java's remainder moved to Python's sign
    "Eq(ToFloat(u0), 9007199254740992.0)    | 9007199254740993 | 1 | 0",
    "Eq(IntTrueDiv(u0, u1), 0.5)            |  1 |  2 | 0",
    "Eq(RoundToInt(zf0), 2)                 |  0 |  0 | 2.5",
    "Eq(RoundToInt(zf0), -4)                |  0 |  0 | -3.5",
    "Eq(TruncToInt(zf0), -3)                |  0 |  0 | -3.75",
    "Eq(Mod(zf0, 2.0), 0.5)                 |  0 |  0 | -7.5",
    "Eq(FloorDiv(zf0, 2.0), -4.0)           |  0 |  0 | -7.5",
    "zf0 < u0                               |  3 |  0 | 2.9999999999999996",
    "Ne(zf0, 1.0)                           |  0 |  0 | NaN",
    "Eq(OpaqueUnaryFn_sqrt(zf0), 1.5)       |  0 |  0 | 2.25",
  })
  void holdsAtThePoint(String condition, long u0, long u1, double zf0) {
    assertTrue(at(condition, u0, u1, zf0).isTrue(), condition);
  }

  @ParameterizedTest(name = "{0} is undefined at u0={1}, u1={2}")
  @CsvSource(delimiter = '|', value = {
    "u0 // u1 > 0           | 1 | 0",
    "PythonMod(u0, u1) >= 0 | 1 | 0",
    "u0/u1 > 0              | 1 | 0",
    "IntTrueDiv(u0, u1) > 0 | 1 | 0",
  })
  void zeroDivisorsAreUndefined(String condition, long u0, long u1) {
    // "holds" is false (the value is irrelevant): evaluating raises ZeroDivisionError.
    assertTrue(at(condition, u0, u1, 0).isFalse(), condition);
    assertTrue(at(condition, u0, 1, 0).isTrue(), condition);
  }

  @Test
  void definednessFollowsTheEvaluationOrder() {
    // sympy sorts And's arguments, so the division is evaluated first and raises at u1 == 0 ...
    Expr and = parse("Ne(u1, 0) & (u0 // u1 >= 0)");
    assertEquals("(((u0//u1)) >= 0) & Ne(u1, 0)", and.toString());
    assertTrue(canBeUndefined(and));
    // ... while Piecewise evaluates a branch only when its condition holds.
    assertTrue(!canBeUndefined(parse("Piecewise((u0 // u1, Ne(u1, 0)), (0, True)) >= 0")));
    assertTrue(at("Piecewise((u0 // u1, Ne(u1, 0)), (0, True)) >= 0", 1, 0, 0).isTrue());
  }

  private static boolean canBeUndefined(Expr e) {
    com.microsoft.z3.Solver s = ctx.mkSolver();
    Z3Solvers.add(s, ctx.mkNot(translator.translate(e).defined()));
    return s.check() == com.microsoft.z3.Status.SATISFIABLE;
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "OpaqueUnaryFn_exp(zf0) > 1.0",
    "FloatPow(zf0, 2.0) > 1.0",
    "2**u0 > 1",
    "BitwiseFn_bitwise_or(u0, u1) > 1",
    "RoundDecimal(zf0, 2) > 1.0",
  })
  void refusesWhatHasNoExactTranslation(String condition) {
    Expr e = parse(condition);
    UntranslatableException u = assertThrows(UntranslatableException.class, () -> translator.translate(e));
    assertTrue(u.describe().startsWith("cannot translate exactly: "), u.describe());
  }

  @Test
  void refusesAVariableRationalAsAFloat() {
    Expr e = Exprs.gt(Exprs.apply(Fn.TO_FLOAT, Exprs.div(U0, Exprs.integer(3))), Exprs.real(0.0));
    assertThrows(UntranslatableException.class, () -> translator.translate(e));
  }
}
