package symtrace.solver.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/**
 * The three failure modes named in PyTorch's {@code _build_proxy_for_sym_expr} docstring, and
 * the answers of both strategies.
 */
class DecomposerTest {
  private static SolverDecomposer solver;
  private static Z3Prover prover;
  private static SolverDecomposer withZ3;

  @BeforeAll
  static void start() {
    solver = new SolverDecomposer();
    prover = Z3Prover.create();
    withZ3 = new SolverDecomposer(Verifier.expansion().orElse(Verifier.prover(prover)));
  }

  @AfterAll
  static void stop() {
    solver.close();
    withZ3.close();
    prover.close();
  }

  private static Tracked t(String name, String expr) {
    return Tracked.of(name, ExprParser.parse(expr));
  }

  private static Expr e(String text) {
    return ExprParser.parse(text);
  }

  @Test
  void simplificationRegroupedTheProduct() {
    List<Tracked> have = List.of(t("A", "s1*s2"), t("B", "s3"));
    Decomposition naive = new NaiveDecomposer().decompose(e("s1*s2*s3"), have, List.of());
    assertFalse(naive.isFound(), "the syntactic walk sees s1, s2, s3 separately");
    Decomposition d = solver.decompose(e("s1*s2*s3"), have, List.of());
    assertTrue(d.isFound());
    assertEquals("A*B", d.term().toString());
    assertEquals("expansion", d.verifiedBy());
  }

  @Test
  void aTrackedSumFactorsTheTarget() {
    List<Tracked> have = List.of(t("A", "s0 + 1"), t("B", "s1"));
    assertFalse(new NaiveDecomposer().decompose(e("s0*s1 + s1"), have, List.of()).isFound());
    assertEquals("A*B", solver.decompose(e("s0*s1 + s1"), have, List.of()).term().toString());
  }

  @Test
  void aNeededSymbolIsAbsent() {
    List<Tracked> have = List.of(t("A", "s0"), t("B", "s1"));
    Decomposition d = solver.decompose(e("s0*s2"), have, List.of());
    assertFalse(d.isFound());
    assertEquals(List.of(Sym.size("s2")), d.missing());
    assertEquals("not found (no tracked value provides s2)", d.toString());
  }

  @Test
  void theCheaperProducerWins() {
    List<Tracked> have = List.of(
        new Tracked("late", e("s0*s1"), Tracked.Producer.STASHED, 9),
        new Tracked("x_size", e("s0*s1"), Tracked.Producer.INPUT_SIZE, 0));
    assertEquals("x_size", solver.decompose(e("s0*s1"), have, List.of()).term().toString());
  }

  @Test
  void naiveFindsWhatIsSyntacticallyThere() {
    List<Tracked> have = List.of(t("A", "s0"), t("B", "s1"));
    Decomposition d = new NaiveDecomposer().decompose(e("2*s0*s1 + 3"), have, List.of());
    assertTrue(d.isFound());
    assertEquals("2*A*B + 3", d.term().toString());
  }

  @Test
  void functionApplicationsAreAtoms() {
    List<Tracked> have = List.of(t("A", "s0//2"), t("B", "s1"));
    assertEquals("A*B", solver.decompose(e("(s0//2)*s1"), have, List.of()).term().toString());
    List<Tracked> sum = List.of(t("A", "s0//2 + 1"), t("B", "s1"));
    assertEquals("A*B", solver.decompose(e("(s0//2)*s1 + s1"), sum, List.of()).term().toString());
  }

  @Test
  void searchFindsAffineForms() {
    List<Tracked> have = List.of(t("A", "s0*s1"));
    assertEquals("2*A + 1", solver.decompose(e("2*s0*s1 + 1"), have, List.of()).term().toString());
  }

  @Test
  void theDivisionAlgorithmRebuildsTheDividend() {
    List<Tracked> have = List.of(t("A", "s0 // 2"), t("B", "s0 % 2"));
    Decomposition d = withZ3.decompose(e("s0"), have, List.of());
    assertEquals("2*A + B", d.term().toString());
    assertEquals("z3", d.verifiedBy(),
        "FloorDiv's semantics are needed: expansion cannot verify it");
    assertFalse(solver.decompose(e("s0"), have, List.of()).isFound(),
        "the expansion verifier rejects it");
  }

  @Test
  void theDivisionAlgorithmWithALargerDivisorInsideATerm() {
    List<Tracked> have = List.of(t("A", "s0 // 4"), t("B", "s0 % 4"), t("C", "s1"));
    // C*(4*A + B), one multiplication fewer than 4*A*C + B*C.
    assertEquals("C*(4*A + B)", withZ3.decompose(e("s0*s1"), have, List.of()).term().toString());
    assertEquals("4*A + B + 1", withZ3.decompose(e("s0 + 1"), have, List.of()).term().toString());
  }

  @Test
  void aSymbolicDivisorIsATrackedValue() {
    List<Tracked> have = List.of(t("Q", "s0 // s1"), t("R", "s0 % s1"), t("D", "s1"));
    Decomposition d = withZ3.decompose(e("s0"), have, List.of());
    assertEquals("D*Q + R", d.term().toString());
    assertEquals("z3", d.verifiedBy());
  }

  @Test
  void sumsOfTwoTrackedValuesFoundByTheirValues() {
    // (s0 + 1) // 2 == s0 // 2 + s0 % 2: no polynomial relation between the atoms shows it, the
    // values at the sample points suggest it, Z3 proves it.
    List<Tracked> have = List.of(t("A", "s0 // 2"), t("B", "s0 % 2"));
    Decomposition d = withZ3.decompose(e("(s0 + 1) // 2"), have, List.of());
    assertEquals("A + B", d.term().toString());
    assertEquals("z3", d.verifiedBy());
    List<Tracked> pair = List.of(t("A", "s0*s1"), t("B", "s2"));
    assertEquals("2*A - B + 1", withZ3.decompose(e("2*s0*s1 - s2 + 1"), pair,
        List.of()).term().toString());
  }

  @Test
  void aCandidateOnlyTheFactsMakeTrueNeedsThem() {
    // s0 // 2 * 2 == s0 only for even s0: with the fact it is found and proved, without it not.
    List<Tracked> have = List.of(t("A", "s0 // 2"));
    List<Expr> even = List.of(e("Eq(Mod(s0, 2), 0)"));
    Decomposition d = withZ3.decompose(e("s0"), have, even);
    assertEquals("2*A", d.term().toString());
    assertFalse(withZ3.decompose(e("s0"), have, List.of()).isFound());
  }
}
