package symtrace.tracer.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import symtrace.solver.decompose.Decompositions;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.research.AnswerCheck;
import symtrace.solver.research.BenchRun;
import symtrace.solver.research.Category;
import symtrace.solver.research.Corpus;
import symtrace.solver.research.Outcome;
import symtrace.solver.research.Problem;
import symtrace.solver.research.Strategies;
import symtrace.solver.research.Witness;
import symtrace.tracer.lang.ConformanceFiles;

/**
 * Problems from real traces of the conformance and stress programs: they are made, their
 * ground truth holds, and the solver strategy rebuilds every SymInt a graph uses whenever its
 * symbols reached the graph in some tracked value.
 */
class TraceProblemsTest {
  private static TraceProblems.Result result;

  @BeforeAll
  static void extract() {
    result = TraceProblems.of(ConformanceSuite.programs(ConformanceFiles.root()));
  }

  @Test
  void everyTracedProgramGivesProblems() {
    assertEquals(51, result.programs());
    assertEquals(1, result.untraceable(), "if_tensor_value depends on data, as in PyTorch");
    assertTrue(result.problems().size() >= 500, "" + result.problems().size());
    assertTrue(result.undetermined() <= 5, "targets with no ground truth: "
        + result.undetermined());
    for (Problem p : result.problems()) {
      assertEquals(Category.REAL_TRACE, p.category());
      assertTrue(p.kind().equals("sizes") || p.kind().equals("values"), p.kind());
    }
    Corpus.requireUniqueIds(result.problems());
  }

  @Test
  void theGroundTruthHolds() {
    try (AnswerCheck checker = new AnswerCheck()) {
      assertEquals(List.of(), Corpus.dishonest(result.problems(), checker));
    }
  }

  @Test
  void aTensorCrossingTheBreakGivesItsSizesAsInputs() {
    // duck_sizing: after the cut only cat (2*s75 rows) crossed, and s75 is wanted.
    Problem p = result.problems().stream()
        .filter(x -> x.id().startsWith("real-trace/duck_sizing/")
            && x.target().toString().equals("s75")
            && x.tracked().stream().anyMatch(t -> t.expr().toString().equals("2*s75")))
        .findFirst().orElseThrow();
    for (Tracked t : p.tracked()) {
      assertTrue(t.producer() == Tracked.Producer.INPUT_SIZE
          || t.producer() == Tracked.Producer.OTHER_GRAPH, t.name());
    }
    assertTrue(p.truth().solvable());
  }

  @Test
  void theSolverRebuildsEverySymIntWhoseSymbolsCrossed() {
    List<Problem> available = new ArrayList<>();
    for (Problem p : result.problems()) {
      if (Decompositions.missingSymbols(p.target(), p.tracked()).isEmpty()) {
        available.add(p);
      }
    }
    assertTrue(available.size() >= 500, "" + available.size());
    List<Outcome> out = BenchRun.run(available, List.of(), Strategies.parse("solver"),
        BenchRun.Progress.NONE);
    List<String> missed = new ArrayList<>();
    for (Outcome o : out) {
      assertTrue(!o.wrong(), o.problem().id() + ": " + o.check());
      boolean certifiedImpossible = !o.problem().truth().solvable()
          && Witness.find(o.problem()).isPresent();
      if (!o.correct() && !certifiedImpossible) {
        missed.add(o.problem().id() + ": " + o.problem().target());
      }
    }
    assertEquals(List.of(), missed);
  }

  @Test
  void naiveIsMeasuredBesideIt() {
    List<Outcome> out = BenchRun.run(result.problems(), List.of(), Strategies.parse("naive"),
        BenchRun.Progress.NONE);
    long solved = out.stream().filter(Outcome::correct).count();
    long solvable = result.problems().stream().filter(p -> p.truth().solvable()).count();
    assertTrue(solved < solvable, "the walk misses some: " + solved + "/" + solvable);
    assertNotNull(out.get(0).problem());
  }
}
