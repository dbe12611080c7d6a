package symtrace.symbolic.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/** The thread rule, the engine scoping and the lifecycle of {@link SymjaEngine}. */
class SymjaEngineTest {
  private static Expr parse(String text) {
    return SymjaBridgeTest.parse(text);
  }

  @Test
  void restoresTheThreadsPreviousEngine() {
    try (SymjaEngine engine = new SymjaEngine()) {
      engine.bridge().toSymja(Exprs.ONE);
      EvalEngine before = EvalEngine.get();
      EvalEngine inside = engine.withEngine(e -> {
        assertSame(e, EvalEngine.get());
        return e;
      });
      assertTrue(before != inside, "the SymjaEngine must have its own EvalEngine");
      assertSame(before, EvalEngine.get());
      assertTrue(inside.isQuietMode());
      // Nested calls see the same engine and unwind to the caller's.
      engine.withEngine(e -> engine.withEngine(inner -> {
        assertSame(e, inner);
        return null;
      }));
      assertSame(before, EvalEngine.get());
    }
  }

  @Test
  void refusesCallsFromAnotherThread() throws Exception {
    try (SymjaEngine engine = new SymjaEngine()) {
      engine.bridge().toSymja(parse("s0 + 1"));
      ExecutorService other = Executors.newSingleThreadExecutor();
      try {
        Future<?> misuse = other.submit(() -> engine.bridge().toSymja(parse("s0")));
        ExecutionException e = assertThrows(ExecutionException.class, misuse::get);
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        Future<?> closing = other.submit(engine::close);
        e = assertThrows(ExecutionException.class, closing::get);
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
      } finally {
        other.shutdownNow();
      }
      // The owner still works.
      Expr e = parse("s0 + 1");
      assertSame(e, engine.bridge().fromSymja(engine.bridge().toSymja(e)));
    }
  }

  @Test
  void theFirstThreadToUseAnEngineOwnsIt() throws Exception {
    SymjaEngine engine = new SymjaEngine();
    Expr e = parse("FloorDiv(s0, 2)");
    Expr back = CompletableFuture.supplyAsync(() -> {
      Expr r = engine.bridge().fromSymja(engine.bridge().toSymja(e));
      engine.close();
      return r;
    }).get(60, TimeUnit.SECONDS);
    assertSame(e, back);
    assertTrue(engine.isClosed());
  }

  @Test
  void aClosedEngineRefusesCalls() {
    SymjaEngine engine = new SymjaEngine();
    engine.bridge().toSymja(Exprs.ONE);
    engine.close();
    engine.close(); // idempotent
    assertThrows(IllegalStateException.class, () -> engine.bridge().toSymja(Exprs.ONE));
    SymjaAlgebra algebra = new SymjaAlgebra(engine);
    assertThrows(IllegalStateException.class, () -> algebra.simplify(parse("(s0 + 1)*s1 - s1")));
  }

  @Test
  void evaluateThrowsOnTimeoutAndKeepsThePendingInterrupt() {
    try (SymjaEngine engine = new SymjaEngine()) {
      IExpr cube = F.Expand(F.Power(F.Plus(F.C1, engine.bridge().symbol(Sym.size("s0"))), F.C3));
      // A pending interrupt neither aborts the call nor gets lost.
      Thread.currentThread().interrupt();
      IExpr value = engine.evaluate(cube, Duration.ofSeconds(10));
      assertTrue(Thread.interrupted(), "the caller's interrupt must survive the call");
      assertSame(Exprs.expand(parse("(s0 + 1)**3")), engine.bridge().fromSymja(value));
      assertThrows(SymjaTimeoutException.class, () -> engine.evaluate(cube, Duration.ZERO));
      assertTrue(!Thread.currentThread().isInterrupted(), "the stop interrupt leaked");
      // The engine is clean after the aborted evaluation.
      assertEquals("3", engine.evaluate(F.Plus(F.C1, F.C2), Duration.ofSeconds(10)).toString());
    }
  }

  /** Two engines on two threads at once: each gets exactly its own answers. */
  @Test
  void twoEnginesOnTwoThreadsDoNotInterfere() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        int w = worker;
        results.add(pool.submit(() -> {
          List<String> wrong = new ArrayList<>();
          try (SymjaEngine engine = new SymjaEngine()) {
            SymjaAlgebra algebra = new SymjaAlgebra(engine);
            start.await();
            for (int i = 0; i < 25; i++) {
              int k = 100 * w + i + 1; // a new constant every call: no cache can answer
              Expr product = parse("(s0 + " + k + ")*(s1 + " + (k + 1) + ")");
              Expr factored = algebra.factor(Exprs.expand(product));
              if (factored != product) {
                wrong.add("factor " + k + ": " + factored);
              }
              Expr square = parse("(s0 + " + k + ")*(s0 - " + k + ") - s0**2");
              Expr simplified = algebra.simplify(square);
              if (simplified != Exprs.integer(-(long) k * k)) {
                wrong.add("simplify " + k + ": " + simplified);
              }
              String quotient = "FloorDiv(s0*s1 + " + k + "*s0, s1 + " + k + ")";
              Expr floor = algebra.simplify(parse(quotient));
              if (floor != parse("s0")) {
                wrong.add("floor " + k + ": " + floor);
              }
            }
          }
          return wrong;
        }));
      }
      start.countDown();
      for (Future<List<String>> r : results) {
        assertEquals(List.of(), r.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
