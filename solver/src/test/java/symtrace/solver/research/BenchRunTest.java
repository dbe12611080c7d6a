package symtrace.solver.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.solver.decompose.Decomposer;
import symtrace.solver.decompose.Decomposition;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/** The harness: it counts what strategies do, and a strategy that lies shows up as wrong. */
class BenchRunTest {
  /** A strategy that answers the sum of the tracked names, verified by nothing: mostly wrong. */
  private static final class SumOfNames implements Decomposer {
    @Override
    public String name() {
      return "sum-of-names";
    }

    @Override
    public Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts) {
      List<Expr> names = new ArrayList<>();
      for (Tracked t : tracked) {
        names.add(Sym.integer(t.name()));
      }
      return Decomposition.found(target, names.isEmpty() ? Exprs.ZERO : Exprs.add(names), name(),
          "none", 0);
    }
  }

  /** A strategy that fails with an exception. */
  private static final class Broken implements Decomposer {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts) {
      throw new IllegalStateException("no");
    }
  }

  private static List<Problem> sample() {
    List<Problem> out = new ArrayList<>(Corpus.handWritten());
    List<Problem> generated = CorpusGenerator.generate(1);
    for (int i = 0; i < generated.size(); i += 10) {
      out.add(generated.get(i));
    }
    return out;
  }

  @Test
  void aStrategyThatReturnsBadTermsIsCountedWrong() {
    List<Problem> problems = sample();
    List<Outcome> out = BenchRun.runInstances(problems, List.of(),
        List.of(Strategies.Instance.of(new SumOfNames()), Strategies.ALL.get(0).create()),
        BenchRun.Progress.NONE);
    List<Summary.Row> rows = Summary.rows(out, List.of("sum-of-names", "naive"));
    Summary.Row liar = rows.stream().filter(r -> r.strategy().equals("sum-of-names")
        && r.category().equals(Summary.ALL)).findFirst().orElseThrow();
    assertTrue(liar.wrong() > problems.size() / 2, "wrong " + liar.wrong());
    assertEquals(0, liar.rejected(), "it never says not found");
    for (Outcome o : out) {
      if (o.strategy().equals("sum-of-names") && !o.problem().truth().solvable()) {
        assertTrue(o.wrong(), "any answer to an impossible problem is wrong: " + o.problem().id());
      }
    }
    Summary.Row naive = rows.stream().filter(r -> r.strategy().equals("naive")
        && r.category().equals(Summary.ALL)).findFirst().orElseThrow();
    assertEquals(0, naive.wrong());
    assertEquals(naive.impossible(), naive.rejected());
  }

  @Test
  void naiveFailsTheRegroupedProductAndTheSolverRebuildsIt() {
    Problem docstring = Corpus.handWritten().stream()
        .filter(p -> p.id().equals("hand/docstring-regrouped-product")).findFirst().orElseThrow();
    List<Outcome> out = BenchRun.run(List.of(docstring), List.of(),
        Strategies.parse("naive,solver"),
        BenchRun.Progress.NONE);
    assertFalse(out.get(0).found(), "naive: s1*s2*s3 is not a subtree of the tracked s1*s2");
    assertEquals("mul*sym_size_int", out.get(1).term().toString());
    assertTrue(out.get(1).correct() && out.get(1).best());
  }

  @Test
  void aStrategyThatThrowsIsAnErrorNotACrash() {
    List<Outcome> out = BenchRun.runInstances(Corpus.handWritten().subList(0, 3), List.of(),
        List.of(Strategies.Instance.of(new Broken())), BenchRun.Progress.NONE);
    assertEquals(3, out.size());
    for (Outcome o : out) {
      assertFalse(o.found());
      assertNotNull(o.error());
    }
    assertEquals(3, Summary.rows(out, List.of("broken")).get(Summary.rows(out,
        List.of("broken")).size() - 1).errors());
  }

  @Test
  void progressIsReportedForEveryCall() {
    List<String> phases = new ArrayList<>();
    BenchRun.run(Corpus.handWritten().subList(0, 2), Corpus.handWritten().subList(2, 3),
        Strategies.parse("naive"), (phase, done, total) -> phases.add(phase + " " + done + "/"
            + total));
    assertEquals(List.of("naive warm-up 1/3", "naive 2/3", "naive 3/3", "check 1/2",
        "check 2/2"), phases);
  }

  @Test
  void percentilesAreNearestRank() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(5, Summary.percentile(v, 50));
    assertEquals(10, Summary.percentile(v, 95));
    assertEquals(10, Summary.percentile(v, 99));
    assertTrue(Double.isNaN(Summary.percentile(new double[0], 50)));
  }

  @Test
  void unknownStrategiesAreUserErrors() {
    assertEquals("unknown strategy 'magic'; the strategies are naive, solver, algebra, search,"
        + " groebner, egraph",
        assertThrows(SymtraceException.class, () -> Strategies.parse("naive,magic")).getMessage());
    assertEquals("strategy 'naive' is listed twice",
        assertThrows(SymtraceException.class, () -> Strategies.parse("naive,naive")).getMessage());
  }
}
