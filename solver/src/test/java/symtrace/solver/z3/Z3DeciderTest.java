package symtrace.solver.z3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.GuardProducer;
import symtrace.symbolic.env.GuardSet;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.PyTorchDecider;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.ShapeEnvSettings;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymInt;

/** {@link Z3Decider} in a real {@link ShapeEnv}, next to the default (PyTorch's) decider. */
class Z3DeciderTest {
  private static final Provenance TEST = Provenance.of("test");

  private static ShapeEnv newEnv() {
    return new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true));
  }

  private static SymInt size(ShapeEnv env, long hint) {
    return env.createSymInt(hint, Source.constant("x" + env.symbolsWithSources().size()), DimDynamic.DYNAMIC);
  }

  /** Traces the same comparisons in {@code env}: a*b == 12, then a <= 6, a == 5, a > b. */
  private static List<Boolean> trace(ShapeEnv env) {
    SymInt a = size(env, 3);
    SymInt b = size(env, 4);
    List<Boolean> out = new ArrayList<>();
    out.add(a.mul(b).eq(12).guardBool(TEST));
    out.add(a.le(6).guardBool(TEST));
    out.add(a.eq(5).guardBool(TEST));
    out.add(b.le(6).guardBool(TEST)); // b = 12/a with a >= 2
    out.add(a.lt(b).guardBool(TEST)); // genuinely open: 3 < 4 here, but 4 > 3 would also fit
    return out;
  }

  @Test
  void defaultDeciderIsPyTorchs() {
    assertInstanceOf(PyTorchDecider.class, new ShapeEnv().decider());
  }

  @Test
  void decidesWhatPyTorchLeavesOpenSoFewerGuards() {
    ShapeEnv pytorch = newEnv();
    List<Boolean> expected = trace(pytorch);
    ShapeEnv env = newEnv();
    try (Z3Decider decider = Z3Decider.install(env)) {
      assertSame(decider, env.decider());
      List<Boolean> answers = trace(env);
      assertEquals(expected, answers); // the same values as the hints give
      assertEquals(List.of(true, true, false, true, true), answers);
      List<String> pyGuards = guards(pytorch);
      List<String> z3Guards = guards(env);
      assertEquals(List.of("Eq(s0*s1, 12)", "s0 <= 6", "Ne(s0, 5)", "s1 <= 6", "s0 < s1"), pyGuards);
      assertEquals(List.of("Eq(s0*s1, 12)", "s0 < s1"), z3Guards);
      assertEquals(3, decider.solverAnswers());
    }
  }

  @Test
  void keepsPyTorchsAnswersWithoutAskingZ3() {
    ShapeEnv env = newEnv();
    try (Z3Decider decider = Z3Decider.install(env)) {
      SymInt a = size(env, 5);
      assertTrue(a.ge(2).guardBool(TEST)); // the range decides it
      assertTrue(a.add(1).gt(a).guardBool(TEST)); // construction decides it
      assertEquals(0, decider.solverQuestions());
      assertEquals(0, env.guards().size());
    }
  }

  @Test
  void closedDeciderAnswersAsPyTorch() {
    ShapeEnv env = newEnv();
    Z3Decider decider = Z3Decider.install(env);
    SymInt a = size(env, 3);
    SymInt b = size(env, 4);
    a.mul(b).eq(12).guardBool(TEST);
    long asked = decider.solverQuestions();
    decider.close();
    assertTrue(a.le(6).guardBool(TEST));
    assertEquals(2, env.guards().size());
    assertEquals(asked, decider.solverQuestions());
  }

  @Test
  void produceGuardsKeepsTheGuardsTheDeciderCouldProveFromThemselves() {
    ShapeEnv env = newEnv();
    try (Z3Decider decider = Z3Decider.install(env)) {
      SymInt a = size(env, 3);
      SymInt b = size(env, 4);
      assertTrue(a.mul(b).eq(12).guardBool(TEST));
      assertTrue(a.lt(b).guardBool(TEST));
      assertTrue(a.le(6).guardBool(TEST)); // Z3 decides it from the first guard: not recorded
      GuardSet produced = new GuardProducer(env).produce(
          List.of(GuardProducer.integer(a), GuardProducer.integer(b)), List.of(Source.local("a"), Source.local("b")),
          false, false);
      assertEquals(List.of("(L['a']*L['b']) == 12", "L['a'] < L['b']", "2 <= L['a']", "3 <= L['b']"),
          produced.python());
      Map<String, Object> wrong = Map.of("L['a']", 2L, "L['b']", 3L);
      assertEquals(1, produced.failing(src -> wrong.get(src.name())).size(), "2*3 != 12 is rejected");
      Map<String, Object> hints = Map.of("L['a']", 3L, "L['b']", 4L);
      assertTrue(produced.failing(src -> hints.get(src.name())).isEmpty());
    }
  }

  @Test
  void servesOneEnvironment() {
    ShapeEnv env = newEnv();
    try (Z3Decider decider = Z3Decider.install(env)) {
      ShapeEnv other = newEnv();
      Sym s = (Sym) size(other, 3).expr();
      assertThrows(IllegalStateException.class, () -> decider.decide(other, Exprs.le(s, IntLit.of(6)), false));
    }
  }

  @Test
  void randomTracesAgreeWithTheHints() {
    // Every static answer must be the value at the hints: the facts hold there.
    Random rnd = new Random(7);
    int decided = 0;
    for (int trial = 0; trial < 20; trial++) {
      ShapeEnv env = newEnv();
      try (Z3Decider decider = Z3Decider.install(env)) {
        List<SymInt> xs = new ArrayList<>();
        Map<Sym, Object> hints = new HashMap<>();
        for (int i = 0; i < 3; i++) {
          SymInt x = size(env, 2 + rnd.nextInt(9));
          xs.add(x);
          if (x.expr() instanceof Sym s) {
            hints.put(s, x.hint());
          }
        }
        for (int q = 0; q < 12; q++) {
          SymInt a = xs.get(rnd.nextInt(3));
          SymInt b = xs.get(rnd.nextInt(3));
          SymInt lhs = rnd.nextBoolean() ? a.mul(b) : a.add(b.mul(rnd.nextInt(3)));
          Expr cond = rnd.nextBoolean() ? lhs.le(rnd.nextInt(60)).expr() : lhs.gt(b.mul(2)).expr();
          Expr known = env.maybeEvaluateStatic(cond);
          Object atHints = Evaluator.evaluate(env.replace(cond), hints);
          if (known != null) {
            assertEquals(BoolLit.of((Boolean) atHints), known, cond.toString());
          }
          // Record a guard on the answer, as a trace would, so the facts grow.
          env.evaluateExpr(cond, TEST);
        }
        decided += (int) decider.solverAnswers();
      }
    }
    assertTrue(decided > 10, "the solver decided only " + decided);
  }

  private static List<String> guards(ShapeEnv env) {
    List<String> out = new ArrayList<>();
    env.guards().forEach(g -> out.add(g.toString()));
    return out;
  }
}
