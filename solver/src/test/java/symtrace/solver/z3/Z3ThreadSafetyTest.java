package symtrace.solver.z3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
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
import symtrace.symbolic.parse.ExprParser;
import symtrace.symbolic.value.SymInt;

/** Independent shape environments, each with its own decider and prover, in parallel threads. */
class Z3ThreadSafetyTest {
  private static final Provenance TEST = Provenance.of("test");

  /** A trace whose answers depend on the solver: products with known values, then bounds. */
  private static List<String> trace(int seed) {
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true));
    List<String> out = new ArrayList<>();
    try (Z3Decider decider = Z3Decider.install(env);
        Z3Prover prover = Z3Prover.create()) {
      SymInt a = env.createSymInt(2 + seed % 5, Source.constant("a"), DimDynamic.DYNAMIC);
      SymInt b = env.createSymInt(3 + seed % 7, Source.constant("b"), DimDynamic.DYNAMIC);
      long product = a.hint() * b.hint();
      a.mul(b).eq(product).guardBool(TEST);
      for (int k = 0; k < 150; k++) {
        out.add(a.le(k % 40).guardBool(TEST) + "/" + b.gt(k % 25).guardBool(TEST));
        out.add(prover.prove(List.of(ExprParser.parse("s0*s1 == " + (12 + k % 30))),
            ExprParser.parse("s0 <= " + (k % 17))).toString());
      }
      out.add("guards=" + env.guards().size() + " decided=" + decider.solverAnswers());
    }
    return out;
  }

  @Test
  void twoEnvironmentsInTwoThreads() throws Exception {
    List<String> expected0 = trace(0);
    List<String> expected1 = trace(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        CountDownLatch start = new CountDownLatch(1);
        Future<List<String>> f0 = pool.submit(() -> {
          start.await();
          return trace(0);
        });
        Future<List<String>> f1 = pool.submit(() -> {
          start.await();
          return trace(1);
        });
        start.countDown();
        assertEquals(expected0, f0.get(60, TimeUnit.SECONDS));
        assertEquals(expected1, f1.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneProverSharedByThreadsIsSerialized() throws Exception {
    try (Z3Prover prover = Z3Prover.create()) {
      List<String> expected = new ArrayList<>();
      for (int k = 0; k < 100; k++) {
        expected.add(prover.prove(List.of(ExprParser.parse("s0*s1 == " + (12 + k))), ExprParser.parse("s0 <= 7")).toString());
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          futures.add(pool.submit(() -> {
            List<String> out = new ArrayList<>();
            for (int k = 0; k < 100; k++) {
              out.add(prover.prove(List.of(ExprParser.parse("s0*s1 == " + (12 + k))), ExprParser.parse("s0 <= 7")).toString());
            }
            return out;
          }));
        }
        for (Future<List<String>> f : futures) {
          assertEquals(expected, f.get(60, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
