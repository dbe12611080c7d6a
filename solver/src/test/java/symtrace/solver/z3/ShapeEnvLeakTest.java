package symtrace.solver.z3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.solver.Verdict;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.ShapeEnvSettings;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;
import symtrace.symbolic.value.SymInt;

/**
 * Shape environments with Z3 attached release everything when closed: 1,000 environments (the
 * suite's run; {@code -Dsymtrace.leak.environments=10000} is the full run of {@code
 * docs/performance.md}, about 100 s), each with a Z3 decider and an attached prover, a few guards
 * and Z3 queries, then closed through the environment alone.
 *
 * <p>Measured at 10 checkpoints after a warm-up of {@value #WARM_UP} environments: the Java heap
 * after GC, the process's resident memory (VmRSS) and Z3's own count of allocated bytes ({@code
 * Z3_get_estimated_alloc_size}, read before the GC so that a context left to the cleaner still
 * counts). A leaked Z3 context costs about 16 MB of RSS and 4 MB in Z3's count, so leaking one
 * environment in a hundred would show as gigabytes; the tolerances below are a few contexts'
 * worth.
 */
class ShapeEnvLeakTest {
  private static final int ENVIRONMENTS = Integer.getInteger("symtrace.leak.environments", 1_000);
  private static final int WARM_UP = 200;
  private static final int CHECKPOINTS = 10;
  /**
   * RSS at the last checkpoint may exceed the first checkpoint's by this much (a leak grows with
   * every environment; one leaked context per hundred environments would add 1.4 GB here).
   */
  private static final long RSS_TREND_KB = 64 * 1024;
  /**
   * No checkpoint may exceed the warm-up's RSS by more than this: transient peaks of the allocator
   * arenas and the JIT's code cache (about 100 MB were seen once in 10,000 environments).
   */
  private static final long RSS_PEAK_KB = 256 * 1024;
  /** The live heap may grow by this much: interned expressions of a few hundred distinct sizes. */
  private static final long HEAP_TOLERANCE = 32L * 1024 * 1024;
  /**
   * Z3's allocations between environments must stay where they were before the first, within
   * this (one open context counts about 4 MB).
   */
  private static final long Z3_TOLERANCE = 4L * 1024 * 1024;
  private static final Provenance TEST = Provenance.of("test");

  /** One environment's life: returns the number of guards it recorded. */
  private static int useAndClose(int i) {
    try (ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true))) {
      Z3Decider decider = Z3Decider.install(env);
      Z3Prover prover = Z3Prover.attach(env);
      long ha = 2 + i % 7;
      long hb = 3 + i % 5;
      SymInt a = env.createSymInt(ha, Source.constant("a"), DimDynamic.DYNAMIC);
      SymInt b = env.createSymInt(hb, Source.constant("b"), DimDynamic.DYNAMIC);
      a.mul(b).eq(ha * hb).guardBool(TEST); // a guard
      a.le(ha * hb / 2).guardBool(TEST); // decided by Z3 from it
      a.lt(b).guardBool(TEST); // open: a guard
      List<Expr> facts = List.of(ExprParser.parse("s0*s1 == " + (12 + i % 97)));
      Verdict v = prover.prove(facts, ExprParser.parse("s0 <= " + (6 + i % 13)));
      assertTrue(!v.isUnknown(), v.toString());
      assertTrue(decider.solverQuestions() > 0);
      return env.guards().size();
    }
  }

  @Test
  void closedEnvironmentsLeaveMemoryFlat() throws Exception {
    long z3Start = Native.getEstimatedAllocSize(); // what contexts of earlier tests still hold
    for (int i = 0; i < WARM_UP; i++) {
      useAndClose(i);
    }
    long z30 = Native.getEstimatedAllocSize();
    long heap0 = usedHeapAfterGc();
    long rss0 = rssKb();
    List<String> rows = new ArrayList<>();
    long maxRss = rss0;
    long maxHeap = heap0;
    long maxZ3 = z30;
    long firstRss = 0;
    long lastRss = 0;
    long t0 = System.nanoTime();
    int perCheckpoint = ENVIRONMENTS / CHECKPOINTS;
    int guards = 0;
    for (int c = 1; c <= CHECKPOINTS; c++) {
      for (int i = 0; i < perCheckpoint; i++) {
        guards += useAndClose(WARM_UP + (c - 1) * perCheckpoint + i);
      }
      // Z3's count before any GC, so that a context left to the cleaner is still counted; RSS
      // after it, so that it does not count the Java heap's garbage.
      long z3 = Native.getEstimatedAllocSize();
      long heap = usedHeapAfterGc();
      long rss = rssKb();
      maxRss = Math.max(maxRss, rss);
      maxHeap = Math.max(maxHeap, heap);
      maxZ3 = Math.max(maxZ3, z3);
      if (c == 1) {
        firstRss = rss;
      }
      lastRss = rss;
      rows.add(String.format("%6d envs: %5.1f s  RSS %4d MB  heap %4d MB (committed %4d MB)  Z3 %6d kB",
          c * perCheckpoint, (System.nanoTime() - t0) / 1e9, rss / 1024, heap >> 20,
          Runtime.getRuntime().totalMemory() >> 20, z3 >> 10));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("ShapeEnvLeakTest: %d environments (%d guards) in %.1f s, %.2f ms each; after warm-up:"
        + " RSS %d MB, heap %d MB, Z3 %d kB (%d kB before it)%n%s%n", CHECKPOINTS * perCheckpoint, guards, seconds,
        seconds * 1e3 / (CHECKPOINTS * perCheckpoint), rss0 / 1024, heap0 >> 20, z30 >> 10, z3Start >> 10,
        String.join("\n", rows));
    assertTrue(guards >= CHECKPOINTS * perCheckpoint, "each environment recorded a guard at least");
    assertTrue(lastRss - firstRss < RSS_TREND_KB, "RSS grew by " + (lastRss - firstRss) / 1024
        + " MB from the first checkpoint to the last");
    assertTrue(maxRss - rss0 < RSS_PEAK_KB, "RSS peaked " + (maxRss - rss0) / 1024 + " MB above the warm-up's");
    assertTrue(maxHeap - heap0 < HEAP_TOLERANCE, "heap grew by " + ((maxHeap - heap0) >> 20) + " MB");
    assertTrue(z30 - z3Start < Z3_TOLERANCE, "the warm-up left " + ((z30 - z3Start) >> 10) + " kB in Z3");
    assertTrue(maxZ3 - z30 < Z3_TOLERANCE, "Z3's allocations grew by " + ((maxZ3 - z30) >> 10) + " kB");
  }

  private static long usedHeapAfterGc() throws InterruptedException {
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
