package symtrace.solver.z3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.solver.Assignments;
import symtrace.solver.Classification;
import symtrace.solver.ProverSettings;
import symtrace.solver.SymbolDomain;
import symtrace.solver.Verdict;
import symtrace.solver.Verdict.Outcome;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/** {@link Z3Prover} with the real Z3: the contract's examples, caching, supports, witnesses. */
class Z3ProverTest {
  private static Z3Prover prover;

  @BeforeAll
  static void open() {
    prover = Z3Prover.create();
  }

  @AfterAll
  static void close() {
    prover.close();
  }

  private static Expr p(String text) {
    return ExprParser.parse(text);
  }

  private static List<Expr> facts(String... texts) {
    List<Expr> out = new ArrayList<>();
    for (String t : texts) {
      out.add(p(t));
    }
    return out;
  }

  private static Map<Sym, Object> values(Map<Sym, Long> assignment) {
    return new LinkedHashMap<>(assignment);
  }

  @Test
  void provesTheAcceptanceExample() {
    Verdict v = prover.prove(facts("s0*s1 == 12"), p("s0 <= 6"));
    assertEquals(Outcome.PROVED, v.outcome(), v.toString());
    assertEquals("PROVED", v.toString());
  }

  @Test
  void refutesWithTheSmallestCounterexample() {
    List<Expr> facts = facts("s0*s1 == 12");
    Expr goal = p("s0 <= 5");
    Verdict v = prover.prove(facts, goal);
    assertEquals(Outcome.REFUTED, v.outcome(), v.toString());
    assertEquals("REFUTED: s0=6, s1=2", v.toString());
    // It satisfies the facts and the symbols' domains and violates the goal, by exact evaluation.
    assertEquals(true, Evaluator.evaluate(facts.get(0), values(v.counterexample())));
    assertEquals(false, Evaluator.evaluate(goal, values(v.counterexample())));
    for (long value : v.counterexample().values()) {
      assertTrue(value >= 2);
    }
  }

  @Test
  void counterexampleDoesNotDependOnHistory() {
    // A fresh prover, and one that answered other questions first, give the same smallest model.
    try (Z3Prover fresh = Z3Prover.create()) {
      for (int k = 0; k < 5; k++) {
        fresh.prove(facts("s0*s1 == 12"), p("s1 <= " + k));
      }
      assertEquals(prover.prove(facts("s0*s1 == 12"), p("s0 <= 5")), fresh.prove(facts("s0*s1 == 12"), p("s0 <= 5")));
    }
  }

  @ParameterizedTest(name = "{0} under {1} => {2}")
  @CsvSource(delimiter = '|', value = {
    "s0 >= 2                          |                       | PROVED",
    "s0 + s1 >= 4                     |                       | PROVED",
    "FloorDiv(s0, 2)*2 <= s0          |                       | PROVED",
    "Mod(s0 + 2*s2, 2) == Mod(s0, 2)  |                       | PROVED",
    "Max(s2, 1) == s2                 |                       | PROVED",
    "Min(s0, s1) <= Max(s0, s1)       |                       | PROVED",
    "s0*s1 >= s0                      |                       | PROVED",
    "FloorDiv(s0*s1, s1) == s0        |                       | PROVED",
    "u0 // -2 <= -u0 / 2              |                       | PROVED",
    "Mod(u0, -3) <= 0                 |                       | PROVED",
    "s0 <= 3                          | s0*s1 == 12           | REFUTED: s0=4, s1=3",
    "u0 >= 0                          |                       | REFUTED: u0=-1",
    "Eq(s0, s1)                       | s0 >= s1              | REFUTED: s0=3, s1=2",
    "s0 > 5                           | s0 < 3                | REFUTED: s0=2",
    "s0 > 5                           | s0 < 2                | PROVED",
  })
  void decidesTheExamples(String goal, String fact, String expected) {
    List<Expr> facts = fact == null ? List.of() : facts(fact);
    assertEquals(expected, prover.prove(facts, p(goal)).toString());
  }

  @Test
  void diophantineGoalIsUnknownWithATinyBudget() {
    try (Z3Prover tiny = Z3Prover.create(ProverSettings.defaults().withRlimit(2_000))) {
      // Fermat for n = 3: true, but nonlinear integer arithmetic without bounds.
      Verdict v = tiny.prove(p("s2**3 + s3**3 != s4**3"));
      assertEquals(Outcome.UNKNOWN, v.outcome(), v.toString());
      assertTrue(v.reason().contains("rlimit 2000"), v.reason());
      assertEquals(v, tiny.prove(p("s2**3 + s3**3 != s4**3")));
    }
  }

  @Test
  void untranslatableGoalIsUnknownAndUntranslatableFactIsNotAssumed() {
    Verdict v = prover.prove(p("OpaqueUnaryFn_exp(ToFloat(s0)) > 0.0"));
    assertEquals(Outcome.UNKNOWN, v.outcome());
    assertTrue(v.reason().startsWith("cannot translate exactly: OpaqueUnaryFn_exp"), v.reason());
    // Not assumed: the fact would imply the goal, but a proof must not rest on it.
    Expr fact = p("OpaqueUnaryFn_exp(ToFloat(s0)) > 100.0");
    assertFalse(prover.prove(List.of(fact), p("s0 >= 5")).isProved());
    // A counterexample must still satisfy it by evaluation: exp(2) < 100, so s0=2 does not.
    Verdict r = prover.prove(List.of(fact), p("s0 >= 5"));
    assertEquals(Outcome.UNKNOWN, r.outcome(), r.toString());
    assertTrue(r.reason().contains("does not satisfy the fact"), r.reason());
    // ... and when the smallest violating point satisfies it, the refutation stands.
    Verdict ok = prover.prove(List.of(p("OpaqueUnaryFn_exp(ToFloat(s0)) > 1.0")), p("s0 >= 5"));
    assertEquals("REFUTED: s0=2", ok.toString());
  }

  @Test
  void goalThatCanRaiseIsNotProved() {
    // u0 // u1 raises for u1 == 0; the goal is never false otherwise.
    Verdict v = prover.prove(p("(u0 // u1)*u1 <= u0 + Abs(u1)"));
    assertEquals(Outcome.UNKNOWN, v.outcome(), v.toString());
    assertTrue(v.reason().contains("raises an error") && v.reason().contains("u1=0"), v.reason());
    assertTrue(prover.prove(facts("u1 != 0"), p("(u0 // u1)*u1 <= u0 + Abs(u1)")).isProved());
  }

  @Test
  void contradictoryFactsProveAnything() {
    assertTrue(prover.prove(facts("s0 < 2"), p("s0 > 100")).isProved());
  }

  @Test
  void answersAreCachedByFactsAndGoal() {
    List<Expr> facts = facts("s5*s6 == 30");
    Expr goal = p("s5 <= 15");
    Verdict first = prover.prove(facts, goal);
    long checks = prover.checkCount();
    Verdict again = prover.prove(new ArrayList<>(facts), goal);
    assertSame(first, again);
    assertEquals(checks, prover.checkCount());
    // Other facts are another version: a new answer.
    assertEquals(Outcome.REFUTED, prover.prove(facts("s5*s6 == 32"), goal).outcome());
    assertTrue(prover.checkCount() > checks);
  }

  @Test
  void supportIsAMinimalSubsetOfTheFacts() {
    List<Expr> facts = facts("s0 >= 10", "s1 >= 3", "s0 >= 7", "Eq(s2, s0)");
    List<Expr> support = prover.support(facts, p("s2 > 6")).orElseThrow();
    assertEquals(2, support.size(), support.toString());
    assertTrue(support.contains(p("Eq(s2, s0)")), support.toString());
    assertTrue(prover.prove(support, p("s2 > 6")).isProved());
    for (Expr f : support) {
      List<Expr> fewer = new ArrayList<>(support);
      fewer.remove(f);
      assertFalse(prover.prove(fewer, p("s2 > 6")).isProved(), "not minimal: " + support);
    }
    assertTrue(prover.support(facts, p("s1 > 3")).isEmpty());
    assertEquals(List.of(), prover.support(facts, p("s1 >= 2")).orElseThrow()); // the domain suffices
  }

  @Test
  void classifiesWithAWitnessForEachOutcome() {
    List<Expr> facts = facts("s0*s1 == 12");
    Classification c = prover.classify(facts, p("s0 > s1"));
    assertEquals(Classification.Kind.EITHER, c.kind());
    assertEquals("s0=4, s1=3", Assignments.format(c.whenTrue()));
    assertEquals("s0=2, s1=6", Assignments.format(c.whenFalse()));
    assertEquals(Classification.Kind.TRUE, prover.classify(facts, p("s0 <= 6")).kind());
    assertEquals(Classification.Kind.FALSE, prover.classify(facts, p("Eq(s0, 5)")).kind());
  }

  @Test
  void domainsAreTheSettingsChoice() {
    try (Z3Prover none = Z3Prover.create(ProverSettings.defaults().withDomain(SymbolDomain.NONE));
        Z3Prover assumptions = Z3Prover.create(ProverSettings.defaults().withDomain(SymbolDomain.ASSUMPTIONS))) {
      // (s0 >= 1 itself is folded to True by construction: s0 is a positive symbol.)
      assertEquals("REFUTED: s0=0", none.prove(p("s0 >= 3")).toString());
      assertEquals("REFUTED: s0=1", assumptions.prove(p("s0 >= 3")).toString());
      assertEquals("REFUTED: s0=2", prover.prove(p("s0 >= 3")).toString());
      assertTrue(prover.prove(p("s0 >= 2")).isProved());
      assertEquals("REFUTED: u0=0, u1=0", none.prove(p("u0 + u1 != 0")).toString());
    }
  }

  @Test
  void closedProverRefusesWork() {
    Z3Prover p = Z3Prover.create();
    assertTrue(p.prove(p("s0 >= 1")).isProved());
    p.close();
    p.close(); // idempotent
    assertTrue(p.isClosed());
    assertThrows(IllegalStateException.class, () -> p.prove(p("s0 >= 1")));
  }

  @Test
  void warmQueryLatency() {
    // The notes' family: s0, s1 >= 2, s0*s1 == 12 => s0 <= 6 + k, k changing.
    List<Expr> facts = facts("s0*s1 == 12");
    for (int k = 0; k < 200; k++) {
      assertTrue(prover.prove(facts, p("s0 <= " + (6 + k))).isProved()); // warm-up
    }
    int n = 2000;
    List<Expr> goals = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      goals.add(p("s0 <= " + (1000 + k)));
    }
    long t0 = System.nanoTime();
    for (Expr g : goals) {
      assertNotNull(prover.entails(facts, g));
    }
    double us = (System.nanoTime() - t0) / 1e3 / n;
    System.out.printf("warm query (s0*s1 == 12 => s0 <= k): %.1f us%n", us);
    assertTrue(us < 5_000, "warm query took " + us + " us");
  }
}
