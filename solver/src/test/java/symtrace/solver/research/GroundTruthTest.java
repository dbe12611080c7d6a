package symtrace.solver.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import symtrace.solver.decompose.Decompositions;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/**
 * The ground truth of the default corpus holds: every stated solution is confirmed by the
 * independent check and costs what it says, every impossible problem has a witness; and a
 * dishonest ground truth is caught.
 */
class GroundTruthTest {
  private static AnswerCheck checker;

  @BeforeAll
  static void start() {
    checker = new AnswerCheck();
  }

  @AfterAll
  static void stop() {
    checker.close();
  }

  @Test
  void theDefaultCorpusIsHonest() {
    assertEquals(List.of(), Corpus.dishonest(Corpus.standard(CorpusGenerator.DEFAULT_SEED),
        checker));
  }

  @Test
  void handWrittenCostsAreTheCostModels() {
    for (Problem p : Corpus.handWritten()) {
      if (p.truth().solvable()) {
        assertEquals(Decompositions.cost(p.truth().solution(), p.tracked()), p.truth().cost(),
            p.id());
      }
    }
  }

  @Test
  void aWitnessReallyCertifiesImpossibility() {
    for (Problem p : Corpus.standard(CorpusGenerator.DEFAULT_SEED)) {
      if (p.truth().solvable()) {
        continue;
      }
      Witness w = Witness.find(p).orElseThrow();
      // equal tracked values, different targets, both points satisfy the facts
      for (Tracked t : p.tracked()) {
        assertEquals(SamplePoints.value(t.expr(), w.first()), SamplePoints.value(t.expr(),
            w.second()), p.id());
      }
      assertTrue(!SamplePoints.value(p.target(), w.first()).equals(SamplePoints.value(p.target(),
          w.second())), p.id());
      for (var f : p.facts()) {
        assertEquals(Boolean.TRUE, Evaluator.evaluate(f, w.first()), p.id() + " " + f);
      }
    }
  }

  @Test
  void aWrongStatedSolutionIsCaught() {
    Problem p = problem("s1*s2*s3", GroundTruth.solvable(ExprParser.parse("A + B"), 16));
    List<String> why = Corpus.dishonest(List.of(p), checker);
    assertEquals(1, why.size(), why.toString());
    assertTrue(why.get(0).contains("the solution A + B is"), why.get(0));
  }

  @Test
  void aMisstatedCostIsCaught() {
    Problem p = problem("s1*s2*s3", GroundTruth.solvable(ExprParser.parse("A*B"), 7));
    List<String> why = Corpus.dishonest(List.of(p), checker);
    assertEquals(List.of("test:1: problem t: the solution costs 16, not 7"), why);
  }

  @Test
  void aSolvableProblemStatedImpossibleHasNoWitness() {
    Problem p = problem("s1*s2*s3", GroundTruth.impossible("claimed"));
    assertEquals(Optional.empty(), Witness.find(p));
    assertEquals(1, Corpus.dishonest(List.of(p), checker).size());
  }

  @Test
  void theWitnessOfALostSymbolIsACollision() {
    Problem p = new Problem("t", Category.IMPOSSIBLE, "hand", "", ExprParser.parse("s0"),
        List.of(Tracked.of("A", ExprParser.parse("s0*s1"))), List.of(),
        GroundTruth.impossible("lost in a product"), "test:1");
    Witness w = Witness.find(p).orElseThrow();
    assertTrue(w.certifies(p));
    Map<Sym, Object> a = w.first();
    Map<Sym, Object> b = w.second();
    assertTrue(!a.get(Sym.size("s0")).equals(b.get(Sym.size("s0"))));
  }

  private static Problem problem(String target, GroundTruth truth) {
    return new Problem("t", Category.REGROUPED, "hand", "", ExprParser.parse(target),
        List.of(Tracked.of("A", ExprParser.parse("s1*s2")), Tracked.of("B",
            ExprParser.parse("s3"))),
        List.of(), truth, "test:1");
  }
}
