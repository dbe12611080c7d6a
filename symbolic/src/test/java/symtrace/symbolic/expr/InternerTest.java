package symtrace.symbolic.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One live object per expression, across threads, and nothing kept alive by the table. */
class InternerTest {
  private static Expr build(int i) {
    Sym a = Sym.size("s" + (i % 13));
    Sym b = Sym.size("s" + (i % 7));
    return Exprs.add(Exprs.mul(a, b), IntLit.of(1_000_000L + i));
  }

  @Test
  void equalConstructionsAreTheSameObject() {
    for (int i = 0; i < 5_000; i++) {
      assertSame(build(i), build(i));
    }
  }

  @Test
  void threadsBuildingTheSameExpressionsGetTheSameObjects() throws Exception {
    int n = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Expr[]>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        tasks.add(() -> {
          Expr[] out = new Expr[n];
          for (int k = 0; k < n; k++) {
            int i = (k * 7 + offset * 13) % n; // each thread in its own order
            out[i] = build(i);
          }
          return out;
        });
      }
      List<Expr[]> results = new ArrayList<>();
      for (Future<Expr[]> f : pool.invokeAll(tasks)) {
        results.add(f.get());
      }
      for (int i = 0; i < n; i++) {
        for (Expr[] r : results) {
          assertSame(results.get(0)[i], r[i], "expression " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExpressionNothingReferencesCanBeCollected() throws InterruptedException {
    WeakReference<Expr> ref = new WeakReference<>(build(987_654));
    String printed = ref.get().toString();
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(ref.get(), "the interner must not keep an unreferenced expression alive");
    Expr again = build(987_654);
    assertNotNull(again);
    assertEquals(printed, again.toString());
    assertSame(again, build(987_654));
  }
}
