package symtrace.solver.z3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.ShapeEnvSettings;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;
import symtrace.symbolic.value.SymInt;

/** The Z3 decider and provers attached to a shape environment close with it. */
class ShapeEnvLifecycleTest {
  private static final Provenance TEST = Provenance.of("test");

  private static ShapeEnv newEnv() {
    return new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true));
  }

  @Test
  void closingTheEnvironmentClosesItsDeciderAndProver() {
    ShapeEnv env = newEnv();
    Z3Decider decider = Z3Decider.install(env);
    Z3Prover prover = Z3Prover.attach(env);
    SymInt a = env.createSymInt(3, Source.constant("a"), DimDynamic.DYNAMIC);
    SymInt b = env.createSymInt(4, Source.constant("b"), DimDynamic.DYNAMIC);
    assertTrue(a.mul(b).eq(12).guardBool(TEST));
    assertTrue(a.le(6).guardBool(TEST)); // decided by Z3: its context exists now
    Z3Prover deciderProver = decider.startedProver();
    assertNotNull(deciderProver);
    assertTrue(prover.prove(List.of(ExprParser.parse("s0*s1 == 12")), ExprParser.parse("s0 <= 6")).isProved());

    env.close();

    assertTrue(decider.isClosed());
    assertTrue(deciderProver.isClosed());
    assertNull(decider.startedProver());
    assertTrue(prover.isClosed());
    IllegalStateException query = assertThrows(IllegalStateException.class,
        () -> prover.prove(List.of(), ExprParser.parse("s0 <= 6")));
    assertEquals("the prover is closed", query.getMessage());
    IllegalStateException guard = assertThrows(IllegalStateException.class, () -> a.le(5).guardBool(TEST));
    assertEquals("the shape environment is closed", guard.getMessage());
    assertEquals(1, env.guards().size(), "the record stays readable: " + env.guards());
  }

  @Test
  void nothingCanBeAttachedToAClosedEnvironment() {
    ShapeEnv env = newEnv();
    env.close();
    assertThrows(IllegalStateException.class, () -> Z3Decider.install(env));
    assertThrows(IllegalStateException.class, () -> Z3Prover.attach(env));
  }

  @Test
  void aDeciderClosedFirstIsClosedAgainHarmlessly() {
    ShapeEnv env = newEnv();
    try (Z3Decider decider = Z3Decider.install(env)) {
      SymInt a = env.createSymInt(3, Source.constant("a"), DimDynamic.DYNAMIC);
      assertTrue(a.gt(2).guardBool(TEST));
    }
    env.close(); // closes the decider a second time: idempotent
    assertTrue(env.isClosed());
  }

  /** One environment's trace, closed only through the environment; returns what it decided. */
  private static List<String> trace(int seed, ConcurrentLinkedQueue<Z3Prover> provers) {
    ShapeEnv env = newEnv();
    Z3Decider decider = Z3Decider.install(env);
    Z3Prover prover = Z3Prover.attach(env);
    List<String> out = new ArrayList<>();
    try {
      SymInt a = env.createSymInt(2 + seed % 5, Source.constant("a"), DimDynamic.DYNAMIC);
      SymInt b = env.createSymInt(3 + seed % 7, Source.constant("b"), DimDynamic.DYNAMIC);
      a.mul(b).eq(a.hint() * b.hint()).guardBool(TEST);
      for (int k = 0; k < 12; k++) {
        out.add(a.le(k + seed % 3).guardBool(TEST) + "/" + b.gt(k).guardBool(TEST));
        Expr fact = ExprParser.parse("s0*s1 == " + (12 + (seed + k) % 30));
        out.add(prover.prove(List.of(fact), ExprParser.parse("s0 <= " + k)).toString());
      }
      out.add("guards=" + env.guards().size() + " decided=" + decider.solverAnswers());
      provers.add(prover);
      provers.add(decider.startedProver());
    } finally {
      env.close();
    }
    return out;
  }

  @Test
  void independentEnvironmentsInParallelThreads() throws Exception {
    int threads = 4;
    int perThread = 6;
    ConcurrentLinkedQueue<Z3Prover> provers = new ConcurrentLinkedQueue<>();
    List<List<String>> expected = new ArrayList<>();
    for (int seed = 0; seed < threads * perThread; seed++) {
      expected.add(trace(seed, provers));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<List<String>>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        futures.add(pool.submit(() -> {
          start.await();
          List<List<String>> out = new ArrayList<>();
          for (int seed = first; seed < first + perThread; seed++) {
            out.add(trace(seed, provers));
          }
          return out;
        }));
      }
      start.countDown();
      for (int t = 0; t < threads; t++) {
        assertEquals(expected.subList(t * perThread, (t + 1) * perThread), futures.get(t).get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2 * 2 * threads * perThread, provers.size());
    for (Z3Prover p : provers) {
      assertTrue(p.isClosed(), "every prover closed with its environment");
    }
  }
}
