package symtrace.solver.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import symtrace.solver.decompose.SolverDecomposer.Stage;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;

/** The stages of the solver strategy, each on the case it exists for, and alone. */
class SolverStagesTest {
  private static Z3Prover prover;
  private static Verifier verifier;
  private static SolverDecomposer solver;

  @BeforeAll
  static void start() {
    prover = Z3Prover.create();
    verifier = Verifier.expansion().orElse(Verifier.prover(prover));
    solver = new SolverDecomposer(verifier);
  }

  @AfterAll
  static void stop() {
    solver.close();
    prover.close();
  }

  private static Tracked t(String name, String expr) {
    return Tracked.of(name, ExprParser.parse(expr));
  }

  private static Expr e(String text) {
    return ExprParser.parse(text);
  }

  private static String term(SolverDecomposer d, String target, List<Expr> facts,
      Tracked... tracked) {
    Decomposition r = d.decompose(e(target), List.of(tracked), facts);
    return r.isFound() ? r.term().toString() : null;
  }

  /** A variant with only the exact match, the walk and one stage. */
  private static SolverDecomposer only(Stage stage) {
    return new SolverDecomposer(verifier, EnumSet.of(stage), "only-" + stage);
  }

  @Test
  void monomialsAreMultipliedAndDivided() {
    try (SolverDecomposer m = only(Stage.MONOMIAL)) {
      assertEquals("A*B", term(m, "s1*s2*s3", List.of(), t("A", "s1*s2"), t("B", "s3")));
      assertEquals("(A//B)", term(m, "s0", List.of(), t("A", "s0*s1"), t("B", "s1")));
      assertEquals("32*A", term(m, "256*s2", List.of(), t("A", "8*s2")));
      assertEquals("(A//2)", term(m, "s0", List.of(), t("A", "2*s0")));
      assertEquals(null, term(m, "s0*s1 + s1", List.of(), t("A", "s0 + 1"), t("B", "s1")));
    }
  }

  @Test
  void linearCombinationsOfProducts() {
    try (SolverDecomposer l = only(Stage.LINEAR)) {
      assertEquals("2*A", term(l, "2*s0 + 2", List.of(), t("A", "s0 + 1")));
      assertEquals("A*(B - 1)", term(l, "s0*s1*s2", List.of(), t("A", "s0*s1"), t("B", "s2 + 1")));
      assertEquals("A*B", term(l, "s0*s1 + s1", List.of(), t("A", "s0 + 1"), t("B", "s1")));
    }
  }

  @Test
  void theLinearStageUsesTheDivisionAlgorithmAndGuards() {
    try (SolverDecomposer l = only(Stage.LINEAR)) {
      assertEquals("C*(4*A + B)", term(l, "s0*s1", List.of(), t("A", "s0 // 4"), t("B",
          "s0 % 4"), t("C", "s1")));
      assertEquals("D*Q + R", term(l, "s0", List.of(), t("Q", "s0 // s1"), t("R", "s0 % s1"),
          t("D", "s1")));
      assertEquals("4*A", term(l, "s0", List.of(e("Eq(Mod(s0, 4), 0)")), t("A", "s0 // 4")));
      assertEquals(null, term(l, "s0", List.of(), t("A", "s0 // 4")),
          "without the guard s0 is lost");
    }
  }

  @Test
  void functionApplicationsAreRebuiltFromTheirArguments() {
    try (SolverDecomposer a = new SolverDecomposer(verifier, EnumSet.of(Stage.MONOMIAL,
        Stage.ARGUMENTS), "args")) {
      assertEquals("((A*B)//4)", term(a, "(s0*s1*s2)//4", List.of(), t("A", "s0*s1"), t("B",
          "s2")));
      assertEquals("Max(C, A*B)", term(a, "Max(s0*s1*s2, s3)", List.of(), t("A", "s0*s1"), t("B",
          "s2"), t("C", "s3")));
    }
  }

  @Test
  void aCollisionRefutesAtOnce() {
    assertTrue(Refutation.refuted(e("s0"), List.of(t("A", "s0*s1")), List.of()));
    assertTrue(Refutation.refuted(e("s0 + s1"), List.of(t("A", "s0*s1")), List.of()));
    assertFalse(Refutation.refuted(e("s0*s1*s2"), List.of(t("A", "s0*s1"), t("B", "s2")),
        List.of()));
    assertEquals(null, term(solver, "s0", List.of(), t("A", "s0*s1")));
  }

  @Test
  void theWalkReadsTheCheapestProducer() {
    Tracked stashed = new Tracked("stashed", e("s0"), Tracked.Producer.STASHED, 4);
    Tracked input = new Tracked("size", e("s0"), Tracked.Producer.INPUT_SIZE, 0);
    assertEquals("stashed + 1", new NaiveDecomposer().decompose(e("s0 + 1"), List.of(stashed,
        input), List.of())
        .term().toString(), "PyTorch's walk takes the first tracked");
    assertEquals("size + 1", term(solver, "s0 + 1", List.of(), stashed, input));
  }

  @Test
  void theCommonFactorIsTakenOut() {
    assertEquals("C*(4*A + B)", CommonFactor.of(e("4*A*C + B*C")).toString());
    assertEquals("A*(B - 2)", CommonFactor.of(e("A*B - 2*A")).toString());
    assertEquals("A*B + 1", CommonFactor.of(e("A*B + 1")).toString());
  }

  @Test
  void theSolverStagesTogether() {
    assertEquals("A*B", term(solver, "s1*s2*s3", List.of(), t("A", "s1*s2"), t("B", "s3")));
    assertEquals("(A//B)", term(solver, "s75", List.of(), t("A", "s7*s75*s96"), t("B", "s7*s96")));
    assertEquals("A + B", term(solver, "(s0 + 1)//2", List.of(), t("A", "s0 // 2"), t("B",
        "s0 % 2")));
    assertEquals("((2*A)//3)", term(solver, "(2*s75 + 2*s96 - 2)//3", List.of(), t("A",
        "s75 + s96 - 1")));
  }
}
