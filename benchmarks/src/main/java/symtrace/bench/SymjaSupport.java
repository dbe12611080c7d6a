package symtrace.bench;

import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;

/**
 * Starts Symja the way the project must (see the Symja notes, section 6): configuration first,
 * then one quiet engine per benchmark thread.
 *
 * <p>Every benchmark state calls {@link #newEngine()} in its trial set-up before it touches
 * {@code F} or {@code S}, so the flag below is set before their static initialisers copy it.
 */
final class SymjaSupport {
  private SymjaSupport() {}

  /**
   * Returns a new quiet engine, installed as the current thread's engine. {@code F.evalExpand}
   * and the arithmetic helpers use the thread's engine, so the states re-install it with {@link
   * EvalEngine#set} at every iteration in case JMH runs an iteration on another thread.
   */
  static EvalEngine newEngine() {
    // Without this, JAS starts a non-daemon thread pool and the forked JVM lingers for 60 s.
    Config.JAS_NO_THREADS = true;
    EvalEngine engine = new EvalEngine();
    // Evaluation messages go to the engine's print streams, not to logging; keep the run quiet.
    engine.setQuietMode(true);
    EvalEngine.set(engine);
    return engine;
  }

  /**
   * Maps a call counter to a new integer constant: above symtrace's small-integer cache (up to
   * 1024) and Symja's, and not repeating within 2^30 calls, so neither an interner nor a result
   * cache can answer a call from an earlier one.
   */
  static int freshConstant(int counter) {
    return 2048 + (counter & 0x3FFF_FFFF);
  }
}
