package symtrace.solver.z3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.ShapeEnvSettings;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.StaticDecider;
import symtrace.symbolic.env.TranslationValidationError;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymInt;

/** Translation validation with Z3: correct rewrites pass, wrong ones are reported with a counterexample. */
class TranslationValidationTest {
  private static final Provenance TEST = Provenance.of("test");

  private static ShapeEnv validatedEnv() {
    return new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true).withTranslationValidation(true));
  }

  private static SymInt size(ShapeEnv env, long hint) {
    return env.createSymInt(hint, Source.constant("x" + env.symbolsWithSources().size()), DimDynamic.DYNAMIC);
  }

  @Test
  void theSettingInstallsTheZ3Validator() {
    try (ShapeEnv env = validatedEnv()) {
      assertInstanceOf(Z3RewriteValidator.class, env.rewriteValidator());
    }
  }

  @Test
  void everyRuleOfAScenarioIsProved() {
    try (ShapeEnv env = validatedEnv()) {
      Z3RewriteValidator v = (Z3RewriteValidator) env.rewriteValidator();
      SymInt a = size(env, 6);
      SymInt b = size(env, 3);
      SymInt c = size(env, 8);
      SymInt d = size(env, 5);
      assertTrue(a.eq(b.mul(2)).guardBool(TEST));
      assertTrue(c.mod(4).eq(0).guardBool(TEST));
      assertTrue(a.gt(3).guardBool(TEST));
      assertTrue(a.mul(c).le(1000).guardBool(TEST));
      assertTrue(c.floorDiv(4).mul(4).eq(c).guardBool(TEST));
      assertTrue(b.add(1).mul(d.add(2)).gt(20).guardBool(TEST)); // expanded
      assertTrue(d.mul(2).add(1).gt(5).guardBool(TEST)); // solved for s3: s3 > 2
      env.simplify(Exprs.max(Exprs.ONE, b.sub(1).expr()));
      Map<String, Long> rules = v.checkedByRule();
      for (String rule : List.of("replacement:solve", "range_refinement", "divisibility", "implications",
          "replacements", "canonicalize", "static_evaluation:PyTorchDecider", "floordiv_to_cleandiv",
          "max_of_known_bound", "expand", "try_solve")) {
        assertTrue(rules.containsKey(rule), rule + " not checked; checked: " + rules);
      }
      assertTrue(v.proved() >= 20, "proved " + v.proved());
      assertEquals(0, v.unknown(), v.unknownReasons().toString());
    }
  }

  /** A decider that claims every condition true: its static answers are rewrites to check. */
  private static final class OptimisticDecider implements StaticDecider {
    @Override
    public Expr decide(ShapeEnv env, Expr expr, boolean sizeOblivious) {
      return expr.isBoolean() ? BoolLit.TRUE : null;
    }
  }

  @Test
  void aWrongStaticAnswerIsReportedWithRuleExpressionAndCounterexample() {
    try (ShapeEnv env = validatedEnv()) {
      SymInt a = size(env, 6);
      SymInt b = size(env, 3);
      env.setDecider(new OptimisticDecider());
      TranslationValidationError e = assertThrows(TranslationValidationError.class, () -> b.lt(a).guardBool(TEST));
      assertEquals("static_evaluation:OptimisticDecider", e.rewrite().rule());
      assertEquals("s1 < s0", e.rewrite().before().toString());
      assertEquals(Map.of(Sym.size("s0"), 2L, Sym.size("s1"), 2L), e.counterexample());
      assertEquals("translation validation: the rule static_evaluation:OptimisticDecider rewrote s1 < s0 to True,"
          + " but they differ at s0=2, s1=2 (false vs true)", e.getMessage());
    }
  }

  @Test
  void whatZ3CannotDecideIsAcceptedAndCounted() {
    // TruncToInt(IntTrueDiv(a, b)) => FloorDiv(a, b) (PyTorch's rule; its own comment says it
    // ignores non-positive a and b) is wrong for a negative numerator, but proving it needs Z3's
    // floats, where it gives up: the rewrite is accepted as unknown, with the reason.
    try (ShapeEnv env = validatedEnv()) {
      Z3RewriteValidator v = (Z3RewriteValidator) env.rewriteValidator();
      SymInt u = env.createUnbackedSymInt();
      Expr e = Exprs.apply(Fn.TRUNC_TO_INT, Exprs.apply(Fn.INT_TRUE_DIV, u.expr(), IntLit.of(2)));
      assertEquals(Exprs.floorDiv(u.expr(), IntLit.of(2)), env.simplify(e));
      assertEquals(1, v.unknown());
      assertEquals(List.of("trunc_of_int_true_div: TruncToInt(IntTrueDiv(u0, 2)) => (u0//2): the solver's budget ran"
          + " out (rlimit 200000 per check)"), v.unknownReasons());
    }
  }

  @Test
  void closingTheEnvironmentReleasesTheThreadsProver() {
    ShapeEnv first = validatedEnv();
    ShapeEnv second = validatedEnv();
    size(first, 4).gt(size(first, 3)).guardBool(TEST);
    SymInt x = size(second, 6);
    SymInt y = size(second, 3);
    assertTrue(x.eq(y.mul(2)).guardBool(TEST)); // s0 is replaced by 2*s1
    Z3RewriteValidator v1 = (Z3RewriteValidator) first.rewriteValidator();
    Z3RewriteValidator v2 = (Z3RewriteValidator) second.rewriteValidator();
    Z3Prover shared = v1.sharedProver();
    assertTrue(shared != null && shared == v2.sharedProver(), "validators of one thread share a prover");
    first.close();
    assertTrue(!shared.isClosed(), "the second environment still uses it");
    second.close();
    assertTrue(shared.isClosed(), "the last close frees the context");
    assertEquals(Exprs.mul(IntLit.of(2), y.expr()), second.replace(x.expr()), "reads need no validator");
    assertThrows(IllegalStateException.class, () -> v1.validate(first, null));
  }
}
