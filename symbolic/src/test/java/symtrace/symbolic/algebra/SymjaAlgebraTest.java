package symtrace.symbolic.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/** Simplify, expand, factor, cancel, solve and Gröbner bases through a real Symja engine. */
@Execution(ExecutionMode.SAME_THREAD) // one engine, confined to one thread
class SymjaAlgebraTest {
  private static SymjaEngine engine;
  private static SymjaAlgebra algebra;

  @BeforeAll
  static void start() {
    engine = new SymjaEngine();
    algebra = new SymjaAlgebra(engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static Expr parse(String text) {
    return SymjaBridgeTest.parse(text);
  }

  private static void assertSimplifies(String input, String expected, String... facts) {
    List<Expr> fs = new ArrayList<>();
    for (String f : facts) {
      fs.add(parse(f));
    }
    Expr result = algebra.simplify(parse(input), fs);
    assertSame(parse(expected), result, input + " simplified to " + result);
  }

  @Test
  void simplifiesPolynomialIdentities() {
    assertSimplifies("(s0 + 1)*(s0 - 1) - s0**2", "-1");
    assertSimplifies("(s0*s1 + s1)/s1", "s0 + 1");
    assertEquals("-1", algebra.simplify(parse("(s0 + 1)*(s0 - 1) - s0**2")).toString());
  }

  @Test
  void simplifiesFloorDivisionsUnderIntegerAssumptions() {
    // Construction already cancels the syntactic common factor s1.
    assertSimplifies("FloorDiv(s0*s1 + s1, s1)", "s0 + 1");
    // These need Symja: the common factor is a polynomial.
    assertSimplifies("FloorDiv(s0*s1 + s0, s1 + 1)", "s0");
    assertSimplifies("FloorDiv(s0**2 + 2*s0 + 1, s0 + 1)", "s0 + 1");
    assertSimplifies("FloorDiv(s0**2 - 1, s0 - 1)", "s0 + 1", "s0 >= 2");
    // floor(n/d) in Symja's answer comes back as a floor division.
    assertSimplifies("FloorDiv(s0*s1 + s1 + s0 + 1, 2*s1 + 2)", "FloorDiv(s0 + 1, 2)");
    assertSimplifies("ceiling((s0 + 1)/2)", "FloorDiv(s0, 2) + 1");
  }

  @Test
  void simplifiesWithFacts() {
    assertSimplifies("Abs(u0)", "u0", "u0 >= 0");
    assertSimplifies("Abs(u0)", "Abs(u0)");
    assertSimplifies("Mod(s0*s1 + s1, s1)", "0");
  }

  @Test
  void leavesWhatCannotBeSimplifiedAlone() {
    for (String text : List.of("floor(x)", "FloorDiv(s0, 2)", "Max(s0, s1)", "s0 + 1",
        "ToFloat(s0) + 1", "oo", "s0 + int_oo", "FloorDiv(x, 2)")) {
      Expr e = parse(text);
      assertSame(e, algebra.simplify(e), text);
    }
  }

  @Test
  void simplifyNeverReturnsALargerExpression() {
    Expr e = parse("FloorDiv(s0*s1 + s0 + s1, s1 + 1)");
    Expr r = algebra.simplify(e);
    assertTrue(SymjaAlgebra.size(r) <= SymjaAlgebra.size(e), r.toString());
  }

  @Test
  void expandsFactorsAndCancels() {
    assertSame(parse("s0**3 + 3*s0**2 + 3*s0 + 1"), algebra.expand(parse("(s0 + 1)**3")));
    assertSame(parse("FloorDiv(s0*s1 + s0 + s1 + 1, 2)"),
        algebra.expand(parse("FloorDiv((s0 + 1)*(s1 + 1), 2)")));
    Expr factored = algebra.factor(parse("s0*s1 + s1"));
    assertSame(parse("s1*(s0 + 1)"), factored);
    assertEquals("s1*(s0 + 1)", factored.toString());
    assertSame(parse("(s0 - 1)*(s0 + 1)"), algebra.factor(parse("s0**2 - 1")));
    // A numeric content is distributed again by construction, as sympy's Mul does.
    assertSame(parse("2*s0 + 2"), algebra.factor(parse("2*s0 + 2")));
    assertSame(parse("s0 + 1"), algebra.cancel(parse("(s0**2 - 1)/(s0 - 1)")));
    assertSame(parse("s0"), algebra.cancel(parse("(s0*s1 + s0)/(s1 + 1)")));
  }

  @Test
  void solvesForRationalSolutions() {
    Sym s0 = Sym.size("s0");
    Sym u0 = Sym.integer("u0");
    Sym x = Sym.real("x");
    assertEquals(List.of(parse("3")), algebra.solve(parse("2*s0 - 6 == 0"), s0));
    assertEquals(List.of(parse("3")), algebra.solve(parse("2*s0 - 6"), s0));
    assertEquals(List.of(parse("-2"), parse("2")), algebra.solve(parse("u0**2 == 4"), u0));
    // Only the positive root is a size; irrational and fractional roots are dropped.
    assertEquals(List.of(parse("2")), algebra.solve(parse("s0**2 == 4"), s0));
    assertEquals(List.of(), algebra.solve(parse("s0**2 == 2"), s0));
    assertEquals(List.of(), algebra.solve(parse("2*u0 == 3"), u0));
    assertEquals(List.of(parse("3/2")), algebra.solve(parse("2*x == 3"), x));
    assertEquals(List.of(parse("s2/s1")), algebra.solve(parse("s0*s1 == s2"), s0));
    assertEquals(List.of(), algebra.solve(parse("s1 == 3"), s0));
    assertEquals(List.of(), algebra.solve(parse("s0 + 1 > s0"), s0)); // True
    assertThrows(IllegalArgumentException.class, () -> algebra.solve(parse("s0 < 3"), s0));
  }

  @Test
  void groebnerBasisEliminatesToADecomposition() {
    Sym s1 = Sym.size("s1");
    Sym s2 = Sym.size("s2");
    Sym s3 = Sym.size("s3");
    Sym t = Sym.integer("T");
    Sym a = Sym.integer("A");
    Sym b = Sym.integer("B");
    Optional<List<Expr>> basis = algebra.groebnerBasis(
        List.of(parse("A - s1*s2"), parse("B - s3"), parse("T - s1*s2*s3")),
        List.of(s1, s2, s3, t, a, b));
    assertTrue(basis.isPresent());
    Expr decomposition = parse("T - A*B");
    assertTrue(basis.get().contains(decomposition), basis.get().toString());
    assertEquals("-A*B + T", decomposition.toString());

    Sym s0 = Sym.size("s0");
    Optional<List<Expr>> second = algebra.groebnerBasis(
        List.of(parse("Eq(A, s0 + 1)"), parse("B - s1"), parse("T - (s0*s1 + s1)")),
        List.of(s0, s1, t, a, b));
    assertTrue(second.orElseThrow().contains(decomposition), second.toString());
  }

  @Test
  void aZeroTimeBudgetReturnsTheInputUnchanged() {
    SymjaAlgebra none = new SymjaAlgebra(engine, Duration.ZERO);
    Expr e = parse("(s0 + 1)*(s0 - 1) - s0**2 + s1");
    assertSame(e, none.simplify(e));
    assertSame(e, none.factor(e));
    assertSame(e, none.expand(e));
    assertSame(e, none.cancel(e));
    assertEquals(List.of(), none.solve(parse("2*s0 - 6"), Sym.size("s0")));
    assertEquals(Optional.empty(),
        none.groebnerBasis(List.of(parse("s0 - s1")), List.of(Sym.size("s0"), Sym.size("s1"))));
    // The engine is usable afterwards: the stop request was cleared.
    assertSame(parse("s1 - 1"), algebra.simplify(e));
  }

  @Test
  void aShortTimeoutStopsAHeavySimplification() {
    // 600 random terms: Symja needs over a second to simplify this on a quiet machine.
    Random random = new Random(1);
    Sym[] s = {Sym.size("s0"), Sym.size("s1"), Sym.size("s2"), Sym.size("s3")};
    List<Expr> terms = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      List<Expr> factors = new ArrayList<>();
      factors.add(Exprs.integer(random.nextInt(200) - 100));
      for (Sym v : s) {
        factors.add(Exprs.pow(v, Exprs.integer(random.nextInt(6))));
      }
      terms.add(Exprs.mul(factors));
    }
    terms.add(parse("FloorDiv(s0, s1 + 1)"));
    Expr heavy = Exprs.add(terms);
    SymjaAlgebra hurried = new SymjaAlgebra(engine, Duration.ofMillis(50));
    long start = System.nanoTime();
    assertSame(heavy, hurried.simplify(heavy));
    assertSame(heavy, hurried.factor(heavy));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 5_000, "the time limit was not honoured: " + millis + " ms");
    assertTrue(!Thread.currentThread().isInterrupted(), "the stop interrupt leaked");
  }
}
