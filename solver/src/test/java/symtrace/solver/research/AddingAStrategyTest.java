package symtrace.solver.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.solver.decompose.Decomposer;
import symtrace.solver.decompose.Decomposition;
import symtrace.solver.decompose.Decompositions;
import symtrace.solver.decompose.NaiveDecomposer;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.expr.Expr;

/**
 * The worked example of docs/decomposition.md ("Adding a strategy"): PyTorch's walk made to
 * read the cheapest producer of each value, measured beside the faithful port.
 */
class AddingAStrategyTest {
  /** PyTorch's walk, reading the cheapest producer of each expression instead of the first. */
  static final class CheapestWalk implements Decomposer {
    @Override
    public String name() {
      return "cheapest-walk";
    }

    @Override
    public Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts) {
      List<Tracked> byCost = new ArrayList<>(tracked);
      byCost.sort(Comparator.comparingInt(Decompositions::readCost));
      Decomposition d = new NaiveDecomposer().decompose(target, byCost, facts);
      return d.isFound()
          ? Decomposition.found(target, d.term(), name(), d.verifiedBy(), d.cost())
          : Decomposition.notFound(target, name(), d.missing());
    }
  }

  @Test
  void theCheapestWalkKeepsProvenanceWhereTheFaithfulWalkLosesIt() {
    List<Problem> provenance = Corpus.standard(CorpusGenerator.DEFAULT_SEED).stream()
        .filter(p -> p.category() == Category.PROVENANCE).toList();
    List<Outcome> out = BenchRun.runInstances(provenance, List.of(),
        List.of(Strategies.ALL.get(0).create(), Strategies.Instance.of(new CheapestWalk())),
        BenchRun.Progress.NONE);
    List<Summary.Row> rows = Summary.rows(out, List.of("naive", "cheapest-walk"));
    Summary.Row naive = rows.get(0);
    Summary.Row cheapest = rows.get(2);
    assertEquals("cheapest-walk", cheapest.strategy());
    assertEquals(naive.solved(), cheapest.solved(), "the same problems are solved");
    assertEquals(0, cheapest.wrong());
    assertEquals(cheapest.solved(), cheapest.best(), "every answer reads the cheapest producers");
    assertTrue(naive.best() < naive.solved() / 10,
        "the first producer tracked is rarely the cheapest");
  }
}
