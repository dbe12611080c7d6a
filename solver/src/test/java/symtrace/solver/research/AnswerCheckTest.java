package symtrace.solver.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;

/** The independent check: correct answers pass, wrong ones are caught whichever way they fail. */
class AnswerCheckTest {
  private static AnswerCheck checker;

  @BeforeAll
  static void start() {
    checker = new AnswerCheck();
  }

  @AfterAll
  static void stop() {
    checker.close();
  }

  private static Problem problem(String target, List<String> facts, String... tracked) {
    List<Tracked> t = new java.util.ArrayList<>();
    for (String def : tracked) {
      String[] parts = def.split("=", 2);
      t.add(Tracked.of(parts[0], ExprParser.parse(parts[1])));
    }
    return new Problem("p" + System.identityHashCode(t), Category.REGROUPED, "hand", "",
        ExprParser.parse(target), t, facts.stream().map(ExprParser::parse).toList(),
        GroundTruth.impossible("unknown"), "test");
  }

  private static AnswerCheck.Verdict verdict(Problem p, String term) {
    return checker.check(p, ExprParser.parse(term)).verdict();
  }

  @Test
  void aPolynomialIdentityIsCorrect() {
    assertEquals(AnswerCheck.Verdict.CORRECT, verdict(problem("s1*s2*s3", List.of(), "A=s1*s2",
        "B=s3"), "A*B"));
  }

  @Test
  void aFloorDivisionIdentityIsCorrect() {
    assertEquals(AnswerCheck.Verdict.CORRECT,
        verdict(problem("s0", List.of(), "A=s0 // 4", "B=s0 % 4"), "4*A + B"));
  }

  @Test
  void aTermRightOnlyUnderAFactNeedsTheFact() {
    assertEquals(AnswerCheck.Verdict.CORRECT, verdict(problem("s0", List.of("Eq(Mod(s0, 2), 0)"),
        "A=s0 // 2"), "2*A"));
    assertEquals(AnswerCheck.Verdict.WRONG, verdict(problem("s0", List.of(), "A=s0 // 2"), "2*A"));
  }

  @Test
  void aWrongTermIsWrong() {
    AnswerCheck.Result r = checker.check(problem("s1*s2*s3", List.of(), "A=s1*s2", "B=s3"),
        ExprParser.parse("A + B"));
    assertEquals(AnswerCheck.Verdict.WRONG, r.verdict());
    assertTrue(r.reason().contains("where the target is"), r.reason());
  }

  @Test
  void aTermWrongOnlyForLargeValuesIsWrong() {
    // Max(A, 50) equals s0 whenever s0 >= 50: the small samples agree, large ones and Z3 do not.
    assertEquals(AnswerCheck.Verdict.WRONG, verdict(problem("s0", List.of(), "A=s0"),
        "Max(A, 50)"));
    // Max(A, 2) differs from s0 only below 2, outside the sizes' range: it is correct.
    assertEquals(AnswerCheck.Verdict.CORRECT, verdict(problem("s0", List.of(), "A=s0"),
        "Max(A, 2)"));
  }

  @Test
  void aTermThatReadsASymbolIsWrong() {
    Expr raw = ExprParser.parse("s1*s2*s3");
    AnswerCheck.Result r = checker.check(problem("s1*s2*s3", List.of(), "A=s1*s2"), raw);
    assertEquals(AnswerCheck.Verdict.WRONG, r.verdict());
    assertTrue(r.reason().startsWith("reads s"), r.reason());
  }

  @Test
  void aTermThatRaisesIsWrong() {
    assertEquals(AnswerCheck.Verdict.WRONG, verdict(problem("s0", List.of(), "A=s0",
        "B=s0 - s0"), "A + A // B"));
  }
}
