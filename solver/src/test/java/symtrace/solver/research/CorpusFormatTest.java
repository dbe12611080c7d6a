package symtrace.solver.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.parse.ExprParser;

/** The corpus file format: what is written reads back the same; errors name file:line:col. */
class CorpusFormatTest {
  @Test
  void theDefaultCorpusReadsBackAsWritten() {
    List<Problem> all = Corpus.standard(CorpusGenerator.DEFAULT_SEED);
    List<Problem> back = CorpusFormat.read("x.problems", CorpusFormat.write(all, "round trip"));
    assertEquals(all.size(), back.size());
    for (int i = 0; i < all.size(); i++) {
      Problem a = all.get(i);
      Problem b = back.get(i);
      assertEquals(a.id(), b.id());
      assertEquals(a.category(), b.category());
      assertEquals(a.kind(), b.kind());
      assertEquals(a.target(), b.target(), a.id());
      assertEquals(a.tracked(), b.tracked(), a.id());
      assertEquals(a.facts(), b.facts(), a.id());
      assertEquals(a.truth(), b.truth(), a.id());
    }
  }

  @Test
  void aProblemReadsIntoItsParts() {
    Problem p = CorpusFormat.read("f.problems", String.join("\n",
        "# a comment",
        "problem p1",
        "category regrouped",
        "note flattened",
        "target s1*s2*s3",
        "tracked A intermediate 0 = s1*s2",
        "tracked B input-size 1 = s3",
        "fact s1 <= 64",
        "expect solvable 15 = A*B")).get(0);
    assertEquals("p1", p.id());
    assertEquals(Category.REGROUPED, p.category());
    assertEquals("hand", p.kind());
    assertEquals(List.of(new Tracked("A", ExprParser.parse("s1*s2"),
        Tracked.Producer.INTERMEDIATE, 0),
        new Tracked("B", ExprParser.parse("s3"), Tracked.Producer.INPUT_SIZE, 1)), p.tracked());
    assertEquals(List.of(ExprParser.parse("s1 <= 64")), p.facts());
    assertEquals(GroundTruth.solvable(ExprParser.parse("A*B"), 15), p.truth());
    assertEquals("f.problems:2", p.origin());
  }

  @Test
  void errorsNameTheFileLineAndColumn() {
    assertEquals("f.problems:3:11: unknown producer 'input'; expected input-size, intermediate,"
        + " other-graph or stashed",
            error("problem p\ncategory regrouped\ntracked A input 0 = s0"));
    assertEquals("f.problems:3:11: expected an expression but found the end of the expression",
        error("problem p\ncategory regrouped\ntarget s0*\nexpect impossible x"));
    assertEquals("f.problems:3:22: the position 'x' is not a number",
        error("problem p\ncategory regrouped\ntracked A input-size x = s0"));
    assertEquals("f.problems:1:1: problem p has no 'expect' line",
        error("problem p\ncategory regrouped\ntarget s0\n"));
    assertEquals("f.problems:2:10: unknown category 'regroup'; expected one of regrouped,"
        + " graph-break, provenance, ambiguous, impossible, real-trace",
        error("problem p\ncategory regroup"));
    assertEquals("f.problems:3:9: 's0' cannot name a tracked value: use an identifier other than"
        + " s<N> and u<N>", error("problem p\ncategory regrouped\ntracked s0 input-size 0 = s0"));
    assertEquals("f.problems:4:1: the solution reads s1, which is not a tracked name",
        error("problem p\ncategory regrouped\ntarget s0\nexpect solvable 1 = s1\n"));
  }

  private static String error(String text) {
    return assertThrows(SymtraceException.class, () -> CorpusFormat.read("f.problems",
        text)).getMessage();
  }
}
