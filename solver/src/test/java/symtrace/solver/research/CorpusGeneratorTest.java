package symtrace.solver.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.expr.Sym;

/** The generator: deterministic from its seed, large enough, every category represented. */
class CorpusGeneratorTest {
  @Test
  void theSameSeedGivesTheSameProblems() {
    String a = CorpusFormat.write(CorpusGenerator.generate(1), "seed 1");
    String b = CorpusFormat.write(CorpusGenerator.generate(1), "seed 1");
    assertEquals(a, b);
    assertNotEquals(a, CorpusFormat.write(CorpusGenerator.generate(2), "seed 1"),
        "another seed gives other problems");
  }

  @Test
  void theDefaultCorpusHasAtLeast500ProblemsInEveryCategory() {
    List<Problem> all = Corpus.standard(CorpusGenerator.DEFAULT_SEED);
    assertTrue(all.size() >= 500, "" + all.size());
    Map<Category, Integer> count = new EnumMap<>(Category.class);
    for (Problem p : all) {
      count.merge(p.category(), 1, Integer::sum);
    }
    for (Category c : List.of(Category.REGROUPED, Category.GRAPH_BREAK, Category.PROVENANCE,
        Category.AMBIGUOUS, Category.IMPOSSIBLE)) {
      assertTrue(count.getOrDefault(c, 0) >= 80, c + ": " + count.get(c));
    }
    Set<String> ids = new HashSet<>();
    for (Problem p : all) {
      assertTrue(ids.add(p.id()), "unique id " + p.id());
    }
  }

  @Test
  void generatedProblemsAreDistinct() {
    Set<String> keys = new HashSet<>();
    for (Problem p : CorpusGenerator.generate(1)) {
      assertTrue(keys.add(CorpusGenerator.key(p)), "repeated: " + p.id());
    }
  }

  @Test
  void impossibleProblemsLackASymbolOrHideIt() {
    for (Problem p : CorpusGenerator.generate(1)) {
      if (p.category() != Category.IMPOSSIBLE) {
        continue;
      }
      assertTrue(!p.truth().solvable(), p.id());
      if (p.kind().equals("absent")) {
        Set<Sym> provided = new HashSet<>();
        for (Tracked t : p.tracked()) {
          provided.addAll(t.expr().freeSymbols());
        }
        assertTrue(!provided.containsAll(p.target().freeSymbols()), p.id()
            + " needs a symbol no value has");
      }
    }
  }

  @Test
  void provenanceProblemsTrackTheCostlyProducerFirst() {
    for (Problem p : CorpusGenerator.generate(1)) {
      if (p.kind().equals("two-producers")) {
        Tracked first = p.tracked().get(0);
        assertNotEquals(Tracked.Producer.INPUT_SIZE, first.producer(), p.id());
        assertTrue(p.tracked().stream().anyMatch(t -> t.producer() == Tracked.Producer.INPUT_SIZE
            && t.expr() == first.expr()), p.id() + ": a graph input holds it too");
      }
    }
  }
}
