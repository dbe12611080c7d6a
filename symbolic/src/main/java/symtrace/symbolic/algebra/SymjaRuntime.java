package symtrace.symbolic.algebra;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;

/**
 * JVM-wide Symja set-up and the watchdog that enforces time limits.
 *
 * <p>{@link #initialize()} runs once, on the first use of any {@link SymjaEngine}, so that merely
 * loading symtrace never loads Symja. It sets {@link Config#JAS_NO_THREADS} before Symja's
 * {@code F} class initialises: {@code F}'s static initialiser copies the flag into JAS, and
 * without it JAS starts a non-daemon thread pool the first time it factors, which keeps the JVM
 * alive for a minute after {@code main} returns.
 *
 * <p>Time limits stop an evaluation the way Symja's own {@code TimeConstrained} does: the
 * engine's stop flag ({@link EvalEngine#stopRequest()}), which the evaluation loop polls at every
 * step, plus an interrupt of the evaluating thread, which the evaluation loop and JAS's
 * polynomial arithmetic both poll (a long factorization is otherwise one uninterruptible step).
 * {@code TimeConstrained} itself is not used because it evaluates on a copy of the engine in a
 * fresh thread, which breaks the one-thread-per-engine rule.
 */
final class SymjaRuntime {
  private static volatile boolean initialized;
  private static ScheduledThreadPoolExecutor watchdog;

  private SymjaRuntime() {}

  /** Sets Symja's global flags and initialises its symbol tables; idempotent and thread-safe. */
  static void initialize() {
    if (!initialized) {
      initializeOnce();
    }
  }

  private static synchronized void initializeOnce() {
    if (initialized) {
      return;
    }
    Config.JAS_NO_THREADS = true;
    F.initSymbols();
    // Someone else may have initialised F before us, with the flag still false: JAS reads its
    // own copy when it first factors, so setting that copy as well is always effective.
    edu.jas.kern.ComputerThreads.NO_THREADS = true;
    initialized = true;
  }

  /**
   * Arms an alarm that stops {@code engine}'s evaluation on {@code thread} after {@code timeout}.
   * A zero or negative timeout stops it before it starts.
   */
  static Alarm arm(EvalEngine engine, Thread thread, Duration timeout) {
    Alarm alarm = new Alarm(engine, thread);
    long nanos = timeout.isNegative() ? 0 : saturatedNanos(timeout);
    if (nanos == 0) {
      alarm.run();
    } else {
      alarm.future = scheduler().schedule(alarm, nanos, TimeUnit.NANOSECONDS);
    }
    return alarm;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  private static synchronized ScheduledThreadPoolExecutor scheduler() {
    if (watchdog == null) {
      // One daemon thread for all engines: it only flips flags, and a daemon never keeps the
      // JVM alive.
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "symtrace-symja-watchdog");
        t.setDaemon(true);
        return t;
      });
      s.setRemoveOnCancelPolicy(true);
      watchdog = s;
    }
    return watchdog;
  }

  /** A pending stop request for one evaluation; {@link #disarm()} must follow every arm. */
  static final class Alarm implements Runnable {
    private final EvalEngine engine;
    private final Thread thread;
    private ScheduledFuture<?> future;
    private boolean armed = true;
    private boolean fired;

    private Alarm(EvalEngine engine, Thread thread) {
      this.engine = engine;
      this.thread = thread;
    }

    @Override
    public synchronized void run() {
      if (armed) {
        fired = true;
        engine.stopRequest();
        thread.interrupt();
      }
    }

    /**
     * Cancels the alarm and returns whether it fired. Once this returns the watchdog can no
     * longer touch the engine or the thread, so the caller may safely clear the stop flag and the
     * interrupt.
     */
    synchronized boolean disarm() {
      armed = false;
      if (future != null) {
        future.cancel(false);
      }
      return fired;
    }
  }
}
