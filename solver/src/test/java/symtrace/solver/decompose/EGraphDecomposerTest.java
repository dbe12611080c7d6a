package symtrace.solver.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.parse.ExprParser;

/** Equality saturation: what its rules reach, and what they cannot (no division, no facts). */
class EGraphDecomposerTest {
  private static Z3Prover prover;
  private static EGraphDecomposer egraph;

  @BeforeAll
  static void start() {
    prover = Z3Prover.create();
    egraph = new EGraphDecomposer(Verifier.expansion().orElse(Verifier.prover(prover)));
  }

  @AfterAll
  static void stop() {
    prover.close();
  }

  private static String term(String target, String... have) {
    List<Tracked> tracked = new ArrayList<>();
    for (String h : have) {
      String[] p = h.split("=", 2);
      tracked.add(Tracked.of(p[0], ExprParser.parse(p[1])));
    }
    Decomposition d = egraph.decompose(ExprParser.parse(target), tracked, List.of());
    return d.isFound() ? d.term().toString() : null;
  }

  @Test
  void associativityAndCommutativityRegroupProducts() {
    assertEquals("A*B", term("s1*s2*s3", "A=s1*s2", "B=s3"));
    assertEquals("A*B*C", term("s0*s1*s2*s3*s4*s5", "A=s0*s1", "B=s2*s3", "C=s4*s5"));
    assertEquals("A**2", term("s0**2*s1**2", "A=s0*s1"));
  }

  @Test
  void factoringAndMovedNumbersRebuildSums() {
    assertEquals("A*B", term("s0*s1 + s1", "A=s0 + 1", "B=s1"));
    assertEquals("2*A", term("2*s0 + 2", "A=s0 + 1"));
    assertEquals("A*(B - 1)", term("s0*s1*s2", "A=s0*s1", "B=s2 + 1"));
  }

  @Test
  void numbersSplitByATrackedCoefficient() {
    assertEquals("32*A", term("256*s2", "A=8*s2"));
  }

  @Test
  void applicationsJoinThroughCongruenceAndTheDivisionAlgorithm() {
    assertEquals("((A*B)//4)", term("(s0*s1*s2)//4", "A=s0*s1", "B=s2"));
    assertEquals("2*A + B", term("s0", "A=s0 // 2", "B=s0 % 2"));
  }

  @Test
  void noRuleDividesOrUsesAFact() {
    assertEquals(null, term("s0", "A=s0*s1", "B=s1"), "no exact division");
    assertEquals(null, term("s0", "A=s0*s1"));
    Decomposition missing = egraph.decompose(ExprParser.parse("s0*s2"),
        List.of(Tracked.of("A", ExprParser.parse("s0"))), List.of());
    assertTrue(!missing.isFound() && missing.missing().toString().equals("[s2]"));
  }

  @Test
  void congruenceMergesEqualApplications() {
    EGraph g = new EGraph();
    int a = g.add(new EGraph.Node(EGraph.Op.LEAF, ExprParser.parse("s0")));
    int b = g.add(new EGraph.Node(EGraph.Op.LEAF, ExprParser.parse("s1")));
    int ab = g.add(new EGraph.Node(EGraph.Op.ADD, null, a, b));
    int ba = g.add(new EGraph.Node(EGraph.Op.ADD, null, b, a));
    assertTrue(ab != ba);
    g.union(a, b);
    g.rebuild();
    assertEquals(g.find(ab), g.find(ba), "congruence: once s0 = s1, s0 + s1 and s1 + s0 are one class");
  }
}
