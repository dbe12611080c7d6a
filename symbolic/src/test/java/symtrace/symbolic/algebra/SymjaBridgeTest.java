package symtrace.symbolic.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.expr.SymbolicArithmeticError;
import symtrace.symbolic.parse.ExprParser;

/** Round trips and semantics of the Symja bridge, against a real Symja engine. */
@Execution(ExecutionMode.SAME_THREAD) // one engine, confined to one thread
class SymjaBridgeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static SymjaEngine engine;
  private static SymjaBridge bridge;

  /** Every kind of node and every function, as sympy prints them. */
  static final String[] TABLE = {
    // numbers
    "0", "1", "-7", "2**100", "-(2**70) - 3", "1/3", "-5/2", "2**-80", "2.5", "-0.125", "1e300",
    "oo", "-oo", "int_oo", "-int_oo", "nan",
    // symbols and booleans
    "s0", "u0", "x", "True", "False",
    // sums, products, powers
    "s0 + 1", "2*s0*s1 + 3", "(s0 + 1)/2", "s0 - 3*u0 + x/7", "-s0", "s0*s1*u0", "2.5*x + 1",
    "s0**2", "sqrt(s0)", "s0**(1/3)", "2**s0", "s0**s1", "s0**-1", "(s0 + 1)**-2", "s0/(s1 + 1)",
    "(s0 + 1)*(s1 - 1)", "(s0 + u0)**3", "x**2.5",
    // relations and connectives
    "Eq(s0, s1)", "Ne(s0, 2*s1)", "s0 < s1", "s0 <= u0", "s0 > u0", "s0 >= s1 + 1",
    "Eq(x, 1/2)", "s0 < s1 and s1 < u0", "s0 < s1 or u0 > 3", "not (s0 < s1 and u0 > 3)",
    "Eq(s0 < s1, u0 > 0)",
    // lattice and rounding
    "Max(s0, s1)", "Min(s0, u0, 3)", "Max(x, 1/2)", "Abs(u0)", "Abs(x - 1)", "floor(x)",
    "ceiling(x/2)", "floor(s0/s1)",
    // PyTorch's functions, integer and non-integer operands
    "FloorDiv(s0, s1)", "FloorDiv(u0, -3)", "FloorDiv(x, 2)", "CleanDiv(s0, s1)",
    "ModularIndexing(s0, s1, s2)", "Mod(s0, s1)", "Mod(x, 2)", "PythonMod(u0, s1)",
    "IntTrueDiv(s0, s1)", "FloatTrueDiv(x, s0)", "ToFloat(s0)", "TruncToInt(x)",
    "TruncToFloat(x)", "FloorToInt(x)", "CeilToInt(x)", "RoundToInt(x)", "RoundDecimal(x, 2)",
    "PowByNatural(s0, s1)", "FloatPow(x, s0)", "BitwiseFn_bitwise_and(s0, s1)",
    "BitwiseFn_bitwise_or(s0, u0)", "BitwiseFn_bitwise_xor(s0, s1)", "Identity(s0)",
    "IsNonOverlappingAndDenseIndicator(s0, s1, s2, s3)",
    "Piecewise((s0, s0 > u0), (s1, True))", "Piecewise((s0, s0 > u0))",
    "Piecewise((s0, s0 > u0), (u0, s1 > 2), (1, True))",
    "OpaqueUnaryFn_sqrt(s0)", "OpaqueUnaryFn_exp(x)", "OpaqueUnaryFn_log(s0)",
    "OpaqueUnaryFn_log2(s0)", "OpaqueUnaryFn_sin(x)", "OpaqueUnaryFn_cos(x)",
    "OpaqueUnaryFn_tan(x)", "OpaqueUnaryFn_tanh(x)",
    // nested
    "FloorDiv(s0*s1 + 1, s1 + 2) + Max(s0, 3)*u0", "Mod(FloorDiv(s0, 2), s1) + 1",
    "Max(FloorDiv(s0, s1), PythonMod(u0, 3)) <= Min(s0, ToFloat(s1))",
    "Piecewise((FloorDiv(s0, 2), Eq(Mod(s0, 2), 0)), (s0 + 1, True))",
  };

  @BeforeAll
  static void start() {
    engine = new SymjaEngine();
    bridge = engine.bridge();
    // The first call loads and configures Symja; the tests below also use F directly.
    bridge.toSymja(Exprs.ONE);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  /** {@code s<N>} are sizes, {@code x y z} reals, other names integers. */
  static Sym symbol(String name) {
    if (name.matches("s[0-9]+")) {
      return Sym.size(name);
    }
    return name.matches("[xyz]") ? Sym.real(name) : Sym.integer(name);
  }

  static Expr parse(String text) {
    return ExprParser.parse(text, SymjaBridgeTest::symbol);
  }

  private static List<Expr> table() {
    List<Expr> out = new ArrayList<>();
    for (String t : TABLE) {
      out.add(parse(t));
    }
    return out;
  }

  @Test
  void roundTripsEveryTableEntry() {
    List<String> failures = new ArrayList<>();
    for (String text : TABLE) {
      Expr e = parse(text);
      Expr back = bridge.fromSymja(bridge.toSymja(e));
      if (back != e) {
        failures.add(text + ": " + e + " came back as " + back);
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void roundTripsEveryFunction() {
    Sym s0 = Sym.size("s0");
    Sym s1 = Sym.size("s1");
    Sym u0 = Sym.integer("u0");
    Sym x = Sym.real("x");
    Set<Fn> seen = EnumSet.noneOf(Fn.class);
    List<String> failures = new ArrayList<>();
    List<Expr> candidates = new ArrayList<>(table());
    for (Fn fn : Fn.values()) {
      for (List<Expr> args : argumentChoices(fn, s0, s1, u0, x)) {
        try {
          candidates.add(Exprs.apply(fn, args));
        } catch (SymbolicArithmeticError | IllegalArgumentException e) {
          // this combination is rejected by construction; the others cover the function
        }
      }
    }
    for (Expr e : candidates) {
      collectFunctions(e, seen);
      Expr back = bridge.fromSymja(bridge.toSymja(e));
      if (back != e) {
        failures.add(e + " came back as " + back);
      }
    }
    assertEquals(List.of(), failures);
    // LShift and RShift never survive construction: they become products and floor divisions.
    Set<Fn> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
    missing.removeAll(EnumSet.of(Fn.LSHIFT, Fn.RSHIFT));
    assertEquals(Set.of(), missing, "functions without a round-trip case");
  }

  private static List<List<Expr>> argumentChoices(Fn fn, Sym s0, Sym s1, Sym u0, Sym x) {
    Expr lt = Exprs.lt(s0, s1);
    Expr gt = Exprs.gt(u0, Exprs.integer(3));
    switch (fn) {
      case AND:
      case OR:
        return List.of(List.of(lt, gt));
      case NOT:
        return List.of(List.of(Exprs.and(lt, gt)));
      case PIECEWISE:
        return List.of(List.of(s0, lt, s1, BoolLit.TRUE));
      case IS_NON_OVERLAPPING_AND_DENSE:
        return List.of(List.of(s0, s1, u0, s1));
      default:
        break;
    }
    int arity = fn.arity() < 0 ? 2 : fn.arity();
    List<List<Expr>> out = new ArrayList<>();
    for (Expr first : List.of(s0, u0, x)) {
      List<Expr> args = new ArrayList<>();
      args.add(first);
      for (int i = 1; i < arity; i++) {
        args.add(i == 1 ? s1 : Sym.size("s" + (i + 1)));
      }
      out.add(args);
    }
    return out;
  }

  private static void collectFunctions(Expr e, Set<Fn> seen) {
    if (e instanceof Apply a) {
      seen.add(a.fn());
    }
    for (Expr x : e.args()) {
      collectFunctions(x, seen);
    }
  }

  @Test
  void roundTripsCombinationsOfTableEntries() {
    List<Expr> atoms = table();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < atoms.size(); i += 3) {
      for (int j = 1; j < atoms.size(); j += 4) {
        Expr a = atoms.get(i);
        Expr b = atoms.get(j);
        for (int op = 0; op < 5; op++) {
          Expr e;
          try {
            e = combine(op, a, b);
          } catch (RuntimeException rejected) {
            continue; // booleans in sums, 0**-1, ...: not an expression
          }
          checked++;
          Expr back = bridge.fromSymja(bridge.toSymja(e));
          if (back != e) {
            failures.add(e + " came back as " + back);
          }
        }
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(checked > 500, "only " + checked + " combinations were valid");
  }

  private static Expr combine(int op, Expr a, Expr b) {
    switch (op) {
      case 0:
        return Exprs.add(a, b);
      case 1:
        return Exprs.mul(a, b);
      case 2:
        return Exprs.max(a, b);
      case 3:
        return Exprs.le(a, Exprs.mul(Exprs.TWO, b));
      default:
        return Exprs.floorDiv(a, Exprs.add(b, Sym.size("s9")));
    }
  }

  @Test
  void symbolsAreOneDummyPerSymPerEngine() {
    Sym sizeS0 = Sym.size("s0");
    Sym realS0 = Sym.real("s0");
    ISymbol d = bridge.symbol(sizeS0);
    assertSame(d, bridge.symbol(sizeS0));
    assertSame(d, bridge.toSymja(sizeS0));
    ISymbol other = bridge.symbol(realS0);
    assertNotSame(d, other);
    // Symja sorts and compares dummies by name, so two Syms named s0 get different names.
    assertNotEquals(d.getSymbolName(), other.getSymbolName());
    Expr mixed = Exprs.add(sizeS0, realS0);
    assertSame(mixed, bridge.fromSymja(bridge.toSymja(mixed)));
    try (SymjaEngine second = new SymjaEngine()) {
      ISymbol foreign = second.bridge().symbol(sizeS0);
      assertNotSame(d, foreign);
      assertThrows(SymjaConversionException.class, () -> bridge.fromSymja(foreign));
    }
  }

  @Test
  void assumptionsBecomeExplicitFacts() {
    Sym s0 = Sym.size("s0");
    Sym u0 = Sym.integer("u0");
    Sym n0 = Sym.of("n0", Sym.INTEGER | Sym.NONNEGATIVE);
    Sym x = Sym.real("x");
    IExpr facts = bridge.assumptions(List.of(s0, u0, n0, x), List.of(parse("s0 >= 2")));
    String text = facts.toString();
    for (String part : List.of("s0∈Integers", "s0>0", "u0∈Integers", "n0∈Integers", "n0>=0",
        "x∈Reals", "s0>=2")) {
      assertTrue(text.contains(part), text + " lacks " + part);
    }
    assertFalse(text.contains("u0>"), text);
    assertSame(S.True, bridge.assumptions(List.of()));
  }

  /** Symja evaluating the converted form at numbers gives Python's value: the mapping is exact. */
  @Test
  void symjaEvaluationAgreesWithPythonSemantics() {
    Sym u0 = Sym.integer("u0");
    Sym u1 = Sym.integer("u1");
    String[] texts = {
      "FloorDiv(u0, u1)", "Mod(u0, u1)", "PythonMod(u0, u1)", "CleanDiv(u0, u1)",
      "ModularIndexing(u0, u1, 3)", "Max(u0, u1, 0)", "Min(u0, 2*u1)", "Abs(u0 - u1)",
      "floor(u0/u1)", "ceiling(u0/u1)", "Piecewise((u0, u0 > u1), (u1, True))",
      "FloorDiv(u0*u1 + 1, u1) + PythonMod(u0, 5)",
      "PowByNatural(u0, 2) + BitwiseFn_bitwise_and(u0, 12)",
      "u0 < u1 and Ne(u0, 0)", "u0 >= FloorDiv(u1, 2) or Eq(Mod(u0, u1), 1)",
    };
    long[][] points = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {0, 5}, {13, -4}};
    List<String> failures = new ArrayList<>();
    for (String text : texts) {
      Expr e = parse(text);
      for (long[] p : points) {
        Map<Sym, Object> values = new HashMap<>();
        values.put(u0, p[0]);
        values.put(u1, p[1]);
        Object expected;
        try {
          expected = Evaluator.evaluate(e, values);
        } catch (SymbolicArithmeticError undefined) {
          continue;
        }
        IASTAppendable rules = F.ListAlloc(2);
        rules.append(F.Rule(bridge.symbol(u0), F.ZZ(p[0])));
        rules.append(F.Rule(bridge.symbol(u1), F.ZZ(p[1])));
        IExpr value = engine.evaluate(F.ReplaceAll(bridge.toSymja(e), rules), TIMEOUT);
        Expr actual = bridge.fromSymja(value);
        Object actualValue = Evaluator.evaluate(actual, Map.of());
        if (!Equivalence.sameValue(expected, actualValue)) {
          failures.add(
              text + " at " + p[0] + ", " + p[1] + ": Python " + expected + ", Symja " + value);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /** Opaque heads evaluate by symtrace's construction rules inside Symja. */
  @Test
  void opaqueHeadsApplyConstructionRulesInsideSymja() {
    Expr e = parse("PythonMod((s0 + 1)*(s0 - 1) - s0**2 + 1 + 4*s1, 2)");
    assertTrue(e instanceof Apply, "construction alone must not decide it: " + e);
    IExpr expanded = engine.evaluate(F.ExpandAll(bridge.toSymja(e)), TIMEOUT);
    assertTrue(expanded.isZero(), expanded.toString());
    IExpr folded = engine.evaluate(
        F.ReplaceAll(bridge.toSymja(parse("ToFloat(s0) + CleanDiv(s1, 2)")),
            F.List(F.Rule(bridge.symbol(Sym.size("s0")), F.ZZ(3)),
                F.Rule(bridge.symbol(Sym.size("s1")), F.ZZ(9)))),
        TIMEOUT);
    assertSame(Exprs.real(7.0), bridge.fromSymja(folded));
  }

  @Test
  void readsTheFormsSymjaEvaluationProduces() {
    ISymbol s0 = bridge.symbol(Sym.size("s0"));
    ISymbol s1 = bridge.symbol(Sym.size("s1"));
    assertSame(parse("s0 < s1 and s1 <= 3"),
        bridge.fromSymja(F.And(F.Less(s0, s1), F.LessEqual(s1, F.C3))));
    assertSame(parse("s0 < s1 and s1 <= 3"),
        bridge.fromSymja(F.quinary(S.Inequality, s0, S.Less, s1, S.LessEqual, F.C3)));
    assertSame(parse("s0 < s1 and s1 < 3"), bridge.fromSymja(F.ternaryAST3(S.Less, s0, s1, F.C3)));
    assertSame(parse("Ne(s0, s1) and Ne(s0, 3) and Ne(s1, 3)"),
        bridge.fromSymja(F.ternaryAST3(S.Unequal, s0, s1, F.C3)));
    assertSame(parse("sqrt(s0)"), bridge.fromSymja(F.Sqrt(s0)));
    assertSame(parse("s0 - s1"), bridge.fromSymja(F.Subtract(s0, s1)));
    assertSame(parse("Piecewise((s0, s0 > s1), (0, True))"),
        bridge.fromSymja(F.Piecewise(F.List(F.List(s0, F.Greater(s0, s1))))));
    assertSame(Infinity.OO, bridge.fromSymja(S.Infinity));
    IExpr minusInfinity = engine.evaluate(F.Times(F.CN1, F.CInfinity), TIMEOUT);
    assertSame(Infinity.NEG_OO, bridge.fromSymja(minusInfinity));
  }

  @Test
  void rejectsFormsWithoutCounterpart() {
    for (IExpr foreign : List.of(S.Pi, F.CI, F.CComplexInfinity, F.Sin(F.C1),
        F.Element(bridge.symbol(Sym.size("s0")), S.Integers), F.Dummy("stranger"))) {
      assertThrows(SymjaConversionException.class, () -> bridge.fromSymja(foreign),
          foreign.toString());
    }
    assertThrows(SymjaConversionException.class, () -> bridge.fromSymja(F.Power(F.C0, F.CN1)));
  }
}
