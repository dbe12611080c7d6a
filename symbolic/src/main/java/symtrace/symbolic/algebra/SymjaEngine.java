package symtrace.symbolic.algebra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.exception.TimeoutException;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import symtrace.symbolic.expr.Sym;

/**
 * One Symja {@link EvalEngine} and the per-engine state that belongs with it: the {@code
 * F.Dummy} symbol standing for each {@link Sym} and the {@link SymjaBridge} that uses them.
 *
 * <p><b>Thread rule.</b> A Symja engine is not thread-safe (sharing one between two threads gives
 * wrong results), and Symja finds "the" engine through a thread-local. So a {@code SymjaEngine}
 * is confined to one thread: the first thread that uses it becomes its owner, and any later call
 * from another thread throws {@link IllegalStateException}. Use one {@code SymjaEngine} per
 * owner (per shape environment) and per thread. Every call installs this engine with {@link
 * EvalEngine#set} on entry and restores the thread's previous engine on exit, so Symja code run
 * by others on the same thread is unaffected.
 *
 * <p><b>Lifecycle.</b> The {@code EvalEngine} is created lazily on the first call, in quiet mode
 * (no evaluation messages on stdout); Symja itself is loaded and configured at that moment (its
 * polynomial library is told not to start threads, which would keep the JVM alive). {@link
 * #close()} drops the engine and the symbol cache; a closed engine refuses further calls.
 *
 * <p><b>Time limits.</b> {@link #evaluate(IExpr, Duration)} stops the evaluation when the time
 * is up, through the engine's stop flag and an interrupt of the owner thread. That interrupt is
 * cleared before the call returns, and an interrupt the caller had pending is kept for after the
 * call. A long step inside Symja that polls neither (parts of the Gröbner basis code) finishes
 * before the stop takes effect, so the limit is a bound on evaluation steps, not a hard deadline.
 */
public final class SymjaEngine implements AutoCloseable {
  private static final ThreadLocal<SymjaEngine> CURRENT = new ThreadLocal<>();

  private final AtomicReference<Thread> owner = new AtomicReference<>();
  private final SymjaBridge bridge = new SymjaBridge(this);
  private final Map<Sym, ISymbol> dummies = new HashMap<>();
  private final Map<ISymbol, Sym> symsByDummy = new IdentityHashMap<>();
  private final Set<String> dummyNames = new HashSet<>();
  private volatile boolean closed;
  private EvalEngine engine;
  private int depth;
  private int evaluations;

  /** Creates an engine; nothing of Symja is loaded until the first call. */
  public SymjaEngine() {}

  /** Returns the converter between {@code Expr} and Symja's {@code IExpr} for this engine. */
  public SymjaBridge bridge() {
    return bridge;
  }

  /**
   * Runs {@code body} with this engine installed as the thread's Symja engine and returns its
   * result. Calls may nest (the body may call back into this engine).
   *
   * @throws IllegalStateException when called from a thread other than the owner, or after
   *     {@link #close()}
   */
  public <T> T withEngine(Function<EvalEngine, T> body) {
    checkUsable();
    if (depth > 0) {
      depth++;
      try {
        return body.apply(engine);
      } finally {
        depth--;
      }
    }
    SymjaRuntime.initialize();
    if (engine == null) {
      engine = newEvalEngine();
    }
    EvalEngine previous = EvalEngine.get();
    SymjaEngine previousCurrent = CURRENT.get();
    // Symja treats an interrupted thread as a timeout; keep the caller's interrupt for later.
    boolean interrupted = Thread.interrupted();
    // setReset also clears what an earlier aborted evaluation may have left behind (the stop
    // flag, the recursion counter, the evaluation stack).
    EvalEngine.setReset(engine);
    CURRENT.set(this);
    depth = 1;
    try {
      return body.apply(engine);
    } finally {
      depth = 0;
      if (previousCurrent == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previousCurrent);
      }
      EvalEngine.set(previous);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Evaluates {@code expr} in this engine, giving up after {@code timeout}.
   *
   * @throws SymjaTimeoutException when the time ran out (the partial result is discarded)
   * @throws IllegalStateException on a call from a non-owner thread or after {@link #close()}
   */
  public IExpr evaluate(IExpr expr, Duration timeout) {
    return withEngine(eng -> {
      SymjaRuntime.Alarm alarm = SymjaRuntime.arm(eng, Thread.currentThread(), timeout);
      IExpr result = null;
      RuntimeException failure = null;
      boolean fired;
      evaluations++;
      try {
        result = eng.evaluate(expr);
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        evaluations--;
        fired = alarm.disarm();
        if (fired) {
          Thread.interrupted();
          eng.setStopRequested(false);
        }
      }
      if ((fired || failure != null) && evaluations == 0) {
        // An aborted evaluation can leave the recursion counter and the evaluation stack
        // unbalanced; with no outer evaluation running, reset them before the next one.
        EvalEngine.setReset(eng);
      }
      // Once stopped, Symja may return a half-evaluated form or fail with whatever the stop
      // interrupted (a JAS PreemptingException): all of it means "out of time".
      if (fired || failure instanceof TimeoutException) {
        throw new SymjaTimeoutException("Symja evaluation exceeded " + timeout);
      }
      if (failure != null) {
        throw failure;
      }
      return result;
    });
  }

  /** Returns true after {@link #close()}. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Drops the Symja engine and the symbol cache. Idempotent. Must be called from the owner
   * thread (any thread if the engine was never used), and not from inside a call.
   */
  @Override
  public void close() {
    Thread o = owner.get();
    if (o != null && o != Thread.currentThread()) {
      throw new IllegalStateException(
          "SymjaEngine is owned by thread " + o.getName() + " and cannot be closed from "
              + Thread.currentThread().getName());
    }
    if (depth > 0) {
      throw new IllegalStateException("SymjaEngine cannot be closed from inside one of its calls");
    }
    closed = true;
    engine = null;
    dummies.clear();
    symsByDummy.clear();
    dummyNames.clear();
  }

  /** The engine whose call is running on this thread, or null (for Symja-side callbacks). */
  static SymjaEngine current() {
    return CURRENT.get();
  }

  /** Returns the dummy symbol for {@code s}, creating it on first use. Inside a call only. */
  ISymbol dummyFor(Sym s) {
    ISymbol d = dummies.get(s);
    if (d == null) {
      d = F.Dummy(uniqueName(s.name()));
      dummies.put(s, d);
      symsByDummy.put(d, s);
    }
    return d;
  }

  /** Returns the symbol a dummy stands for, or null when the dummy is not one of ours. */
  Sym symFor(ISymbol dummy) {
    return symsByDummy.get(dummy);
  }

  /**
   * Two symbols may share a name (same name, different assumptions), and Symja orders and prints
   * dummies by name, treating equal names as equal in sorting. So every dummy of an engine gets
   * its own name; case is ignored because Symja may lower-case symbol names.
   */
  private String uniqueName(String name) {
    String candidate = name;
    for (int i = 1; !dummyNames.add(candidate.toLowerCase(Locale.ROOT)); i++) {
      candidate = name + "$" + i;
    }
    return candidate;
  }

  private void checkUsable() {
    Thread t = Thread.currentThread();
    Thread o = owner.get();
    if (o == null && owner.compareAndSet(null, t)) {
      o = t;
    } else {
      o = owner.get();
    }
    if (o != t) {
      throw new IllegalStateException(
          "SymjaEngine is confined to thread " + o.getName() + " but was called from "
              + t.getName() + "; use one SymjaEngine per thread");
    }
    if (closed) {
      throw new IllegalStateException("SymjaEngine is closed");
    }
  }

  private static EvalEngine newEvalEngine() {
    EvalEngine e = new EvalEngine(true);
    e.setQuietMode(true);
    // Quiet mode silences evaluation messages; the streams catch anything printed regardless.
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    e.setOutPrintStream(sink);
    e.setErrorPrintStream(sink);
    return e;
  }
}
