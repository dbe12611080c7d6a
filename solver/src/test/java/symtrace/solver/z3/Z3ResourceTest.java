package symtrace.solver.z3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;

/**
 * Provers release their native memory when closed: 2,000 create/use/close cycles leave the Java
 * heap and the process's resident memory within bounds (an unclosed context costs about 16 MB, so
 * a leak would show as gigabytes).
 */
class Z3ResourceTest {
  private static final int CYCLES = 2_000;
  private static final long RSS_GROWTH_LIMIT_KB = 200 * 1024;
  private static final long HEAP_GROWTH_LIMIT = 48L * 1024 * 1024;

  @Test
  void creatingUsingAndClosingProversDoesNotLeak() throws Exception {
    List<Expr> facts = List.of(ExprParser.parse("s0*s1 == 12"));
    Expr goal = ExprParser.parse("s0 <= 6");
    cycles(100, facts, goal); // warm-up: native library, allocator arenas, JIT
    long rss0 = rssKb();
    long heap0 = usedHeap();
    long t0 = System.nanoTime();
    cycles(CYCLES, facts, goal);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long rss1 = rssKb();
    long heap1 = usedHeap();
    System.out.printf("%d prover cycles: %.1f s (%.2f ms each), RSS %d -> %d MB, heap %d -> %d MB%n",
        CYCLES, seconds, seconds * 1e3 / CYCLES, rss0 / 1024, rss1 / 1024, heap0 >> 20, heap1 >> 20);
    assertTrue(rss1 - rss0 < RSS_GROWTH_LIMIT_KB, "RSS grew by " + (rss1 - rss0) / 1024 + " MB");
    assertTrue(heap1 - heap0 < HEAP_GROWTH_LIMIT, "heap grew by " + ((heap1 - heap0) >> 20) + " MB");
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  private static void cycles(int n, List<Expr> facts, Expr goal) {
    for (int i = 0; i < n; i++) {
      try (Z3Prover p = Z3Prover.create()) {
        assertTrue(p.prove(facts, goal).isProved());
      }
    }
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(20);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** VmRSS from /proc/self/status, in kB. */
  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
