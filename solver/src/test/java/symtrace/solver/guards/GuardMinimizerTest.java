package symtrace.solver.guards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import symtrace.solver.Verdict.Outcome;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/** {@link GuardMinimizer}: examples, and random guard lists whose minimization is proved equivalent. */
class GuardMinimizerTest {
  private static Z3Prover prover;
  private static GuardMinimizer minimizer;
  private static GuardEquivalence equivalence;

  @BeforeAll
  static void open() {
    prover = Z3Prover.create();
    minimizer = new GuardMinimizer(prover);
    equivalence = new GuardEquivalence(prover);
  }

  @AfterAll
  static void close() {
    prover.close();
  }

  private static List<Expr> parse(String... texts) {
    List<Expr> out = new ArrayList<>();
    for (String t : texts) {
      out.add(ExprParser.parse(t));
    }
    return out;
  }

  @Test
  void dropsImpliedGuardsAndSaysWhy() {
    List<Expr> guards = parse("s0 > 4", "s0*s1 == 12", "s0 > 2", "s0 <= 6", "Ne(s0, 5)", "s0 > 4");
    Minimization m = minimizer.minimize(guards);
    assertEquals(parse("s0 > 4", "s0*s1 == 12"), m.kept());
    assertEquals(parse("s0 > 2", "s0 <= 6", "Ne(s0, 5)"), m.dropped());
    assertEquals(parse("s0 > 4"), m.impliedBy().get(ExprParser.parse("s0 > 2")));
    assertEquals(parse("s0*s1 == 12"), m.impliedBy().get(ExprParser.parse("s0 <= 6")));
    assertEquals(parse("s0*s1 == 12"), m.impliedBy().get(ExprParser.parse("Ne(s0, 5)")));
    assertTrue(m.undecided().isEmpty());
    assertTrue(equivalence.compare(guards, m.kept()).isEquivalent());
  }

  @Test
  void keepsTheEarlierOfEquivalentGuards() {
    Minimization m = minimizer.minimize(parse("s0 >= 5", "s0 > 4", "s1 < 3"));
    assertEquals(parse("s0 >= 5", "s1 < 3"), m.kept()); // s0 > 4 is s0 >= 5 over the integers
    assertEquals(parse("s0 >= 5"), m.impliedBy().get(ExprParser.parse("s0 > 4")));
  }

  @Test
  void baseFactsAreNeitherKeptNorListed() {
    Minimization m = minimizer.minimize(parse("s0 <= 10"), parse("s0 <= 20", "s1 >= 2", "s0 + s1 > 3"));
    assertEquals(List.of(), m.kept());
    assertEquals(List.of(), m.impliedBy().get(ExprParser.parse("s0 <= 20"))); // the base fact, not a guard
  }

  @Test
  void randomGuardListsMinimizeToEquivalentIrredundantSets() {
    Random rnd = new Random(424242);
    Sym[] syms = {Sym.size("s0"), Sym.size("s1"), Sym.size("s2")};
    int dropped = 0;
    for (int trial = 0; trial < 40; trial++) {
      // Guards that hold at a hint point, as a trace records them.
      Map<Sym, Object> hint = new HashMap<>();
      for (Sym s : syms) {
        hint.put(s, 2L + rnd.nextInt(12));
      }
      List<Expr> guards = new ArrayList<>();
      while (guards.size() < 3 + rnd.nextInt(6)) {
        Expr g = randomAtom(rnd);
        if (g instanceof BoolLit) {
          continue;
        }
        guards.add((Boolean) Evaluator.evaluate(g, hint) ? g : ExprParser.parse("Not(" + g + ")"));
      }
      Minimization m = minimizer.minimize(guards);
      dropped += m.dropped().size();
      Equivalence eq = equivalence.compare(guards, m.kept());
      assertEquals(Equivalence.Kind.EQUIVALENT, eq.kind(), guards + " vs " + m.kept() + ": " + eq);
      for (Expr k : m.kept()) {
        if (m.undecided().contains(k)) {
          continue;
        }
        List<Expr> others = new ArrayList<>(m.kept());
        others.remove(k);
        assertNotEquals(Outcome.PROVED, prover.entails(others, k), "redundant " + k + " in " + m.kept());
      }
      for (Map.Entry<Expr, List<Expr>> e : m.impliedBy().entrySet()) {
        assertTrue(m.kept().containsAll(e.getValue()));
        assertTrue(prover.prove(e.getValue(), e.getKey()).isProved(), e.getValue() + " => " + e.getKey());
      }
      // And by sampling: the two sets accept the same points.
      for (int i = 0; i < 30; i++) {
        Map<Sym, Object> p = new HashMap<>();
        for (Sym s : syms) {
          p.put(s, 2L + rnd.nextInt(30));
        }
        assertEquals(all(guards, p), all(m.kept(), p), guards + " vs " + m.kept() + " at " + p);
      }
    }
    assertTrue(dropped > 20, "too few guards dropped: " + dropped);
  }

  @Test
  void differentSetsGiveACounterexample() {
    Equivalence eq = equivalence.compare(parse("s0 > 4"), parse("s0 > 5", "s1 >= 2"));
    assertEquals(Equivalence.Kind.DIFFERENT, eq.kind());
    assertEquals("{s0=5}", eq.counterexample().toString());
    assertTrue(eq.acceptedByFirst());
    assertEquals(ExprParser.parse("s0 > 5"), eq.failing());
    Equivalence back = equivalence.compare(parse("s0*s1 == 12", "s0 > 2"), parse("s0*s1 == 12"));
    assertEquals("{s0=2, s1=6}", back.counterexample().toString());
    assertTrue(!back.acceptedByFirst());
  }

  private static boolean all(List<Expr> guards, Map<Sym, Object> p) {
    for (Expr g : guards) {
      if (!(Boolean) Evaluator.evaluate(g, p)) {
        return false;
      }
    }
    return true;
  }

  private static Expr randomAtom(Random rnd) {
    String[] s = {"s0", "s1", "s2"};
    String a = s[rnd.nextInt(3)];
    String b = s[rnd.nextInt(3)];
    String[] ops = {"<", "<=", ">", ">=", "==", "!="};
    String op = ops[rnd.nextInt(ops.length)];
    int c = 2 + rnd.nextInt(12);
    switch (rnd.nextInt(7)) {
      case 0:
        return ExprParser.parse(a + " " + op + " " + c);
      case 1:
        return ExprParser.parse(a + " " + op + " " + b + " + " + (c - 7));
      case 2:
        return ExprParser.parse("Mod(" + a + ", " + (2 + rnd.nextInt(3)) + ") == " + rnd.nextInt(2));
      case 3:
        return ExprParser.parse("FloorDiv(" + a + ", " + (2 + rnd.nextInt(3)) + ") " + op + " " + (c / 2));
      case 4:
        return ExprParser.parse(a + "*" + b + " " + op + " " + (c * 3));
      case 5:
        return ExprParser.parse("Max(" + a + ", " + b + ") " + op + " " + c);
      default:
        return ExprParser.parse(a + " + " + b + " " + op + " " + (2 * c));
    }
  }
}
