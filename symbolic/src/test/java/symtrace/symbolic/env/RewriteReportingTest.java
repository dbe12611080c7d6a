package symtrace.symbolic.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymInt;

/**
 * The shape environment reports each rewrite to its {@link RewriteValidator}, with the rule, the
 * premise of derived facts and the facts the rule relied on; a validator's error reaches the
 * caller. (The Z3 validator that proves them is in the solver module.)
 */
class RewriteReportingTest {
  private static final Provenance TEST = Provenance.of("test");

  /** A validator that records what it is shown and accepts everything. */
  private static final class Recorder implements RewriteValidator {
    final List<Rewrite> seen = new ArrayList<>();

    @Override
    public void validate(ShapeEnv env, Rewrite rewrite) {
      seen.add(rewrite);
    }

    Set<String> rules() {
      Set<String> out = new LinkedHashSet<>();
      seen.forEach(r -> out.add(r.rule()));
      return out;
    }

    Rewrite first(String rule) {
      return seen.stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow(() -> new AssertionError(
          "no " + rule + " among " + rules()));
    }
  }

  private static ShapeEnv newEnv() {
    return new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true));
  }

  @Test
  void everyKindOfRewriteIsReported() {
    ShapeEnv env = newEnv();
    Recorder recorder = new Recorder();
    env.setRewriteValidator(recorder);
    SymInt a = ShapeEnvTesting.createSymint(env, 6, false);
    SymInt b = ShapeEnvTesting.createSymint(env, 3, false);
    SymInt c = ShapeEnvTesting.createSymint(env, 8, false);
    SymInt d = ShapeEnvTesting.createSymint(env, 5, false);
    Expr replacedByGuard = a.eq(b.mul(2)).expr();
    assertTrue(a.eq(b.mul(2)).guardBool(TEST)); // s0 == 2*s1: s0 is replaced
    assertTrue(c.mod(4).eq(0).guardBool(TEST)); // 4 divides s2
    assertTrue(a.gt(3).guardBool(TEST)); // 2*s1 > 3 for s1 >= 2: static
    env.simplify(c.floorDiv(4).expr()); // FloorDiv(s2, 4) => CleanDiv(s2, 4)
    env.simplify(Exprs.max(Exprs.ONE, b.sub(1).expr())); // Max(1, s1 - 1) => s1 - 1 (the range of s1)
    env.simplify(d.trueDiv(SymInt.of(2)).trunc().expr()); // TruncToInt(IntTrueDiv(s3, 2)) => FloorDiv(s3, 2)

    assertTrue(recorder.rules().containsAll(List.of("replacement:solve", "range_refinement", "divisibility",
        "implications", "replacements", "canonicalize", "static_evaluation:PyTorchDecider", "floordiv_to_cleandiv",
        "max_of_known_bound", "trunc_of_int_true_div")), recorder.rules().toString());

    Rewrite replacement = recorder.first("replacement:solve");
    assertEquals("Eq(s0, 2*s1)", replacement.before().toString());
    assertSame(BoolLit.TRUE, replacement.after());
    assertSame(replacedByGuard, replacement.premise(), "a derived fact names the guard it follows from");
    assertEquals(Rewrite.Basis.ALL, replacement.basis());

    Rewrite range = recorder.first("range_refinement");
    assertEquals("s0 >= 4", range.before().toString());
    assertSame(replacedByGuard, range.premise());

    assertEquals("Eq(Mod(s2, 4), 0)", recorder.first("divisibility").before().toString());
    Rewrite clean = recorder.first("floordiv_to_cleandiv");
    assertEquals(Fn.FLOOR_DIV, ((Apply) clean.before()).fn());
    assertEquals(Exprs.cleanDiv(c.expr(), IntLit.of(4)), clean.after());
    Rewrite trunc = recorder.first("trunc_of_int_true_div");
    assertEquals(Exprs.apply(Fn.TRUNC_TO_INT, Exprs.apply(Fn.INT_TRUE_DIV, d.expr(), IntLit.of(2))), trunc.before());
    assertEquals(Exprs.floorDiv(d.expr(), IntLit.of(2)), trunc.after());
    Rewrite max = recorder.first("max_of_known_bound");
    assertEquals("Max(1, s1 - 1) => s1 - 1", max.before() + " => " + max.after());
    Rewrite stat = recorder.first("static_evaluation:PyTorchDecider");
    assertSame(BoolLit.TRUE, stat.after());
    assertEquals(Rewrite.Basis.ALL, stat.basis());
    Rewrite implication = recorder.first("implications");
    assertEquals(Rewrite.Basis.NONE, implication.basis());
    for (Rewrite r : recorder.seen) {
      assertTrue(r.before() != r.after(), "only changes are reported: " + r);
    }
  }

  @Test
  void produceGuardsAsksFromRangesAndReplacementsOnly() {
    ShapeEnv env = newEnv();
    Recorder recorder = new Recorder();
    env.setRewriteValidator(recorder);
    SymInt a = ShapeEnvTesting.createSymint(env, 6, false);
    assertTrue(a.gt(4).guardBool(TEST));
    recorder.seen.clear();
    new GuardProducer(env).produce(List.of(GuardProducer.integer(a)), List.of(Source.local("a")), false, false);
    Rewrite fromRanges = recorder.first("static_evaluation_from_ranges:PyTorchDecider");
    assertEquals(Rewrite.Basis.RANGES_AND_REPLACEMENTS, fromRanges.basis());
    assertSame(BoolLit.TRUE, fromRanges.after());
  }

  @Test
  void aValidatorsErrorReachesTheCaller() {
    ShapeEnv env = newEnv();
    env.setRewriteValidator((e, r) -> {
      if (r.rule().startsWith("replacement:")) {
        throw new TranslationValidationError(r, Map.of((Sym) r.before().freeSymbols().iterator().next(), 7L));
      }
    });
    SymInt a = ShapeEnvTesting.createSymint(env, 6, false);
    SymInt b = ShapeEnvTesting.createSymint(env, 3, false);
    TranslationValidationError e = assertThrows(TranslationValidationError.class,
        () -> a.eq(b.mul(2)).guardBool(TEST));
    assertEquals("replacement:solve", e.rewrite().rule());
    assertTrue(e.getMessage().startsWith("translation validation: the rule replacement:solve rewrote Eq(s0, 2*s1)"
        + " to True assuming Eq(s0, 2*s1), but they differ at "), e.getMessage());
  }

  @Test
  void validationIsOffByDefault() {
    assertNull(new ShapeEnv().rewriteValidator());
  }

  @Test
  void validationWithoutAValidatorOnTheClassPathFailsAtConstruction() {
    // The symbolic module alone provides no RewriteValidator.Factory (the solver module does).
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new ShapeEnv(ShapeEnvSettings.defaults().withTranslationValidation(true)));
    assertTrue(e.getMessage().startsWith("translation validation is on, but no"), e.getMessage());
  }
}
