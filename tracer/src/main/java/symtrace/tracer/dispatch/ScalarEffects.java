package symtrace.tracer.dispatch;

import java.util.List;

/**
 * What a mode does with the scalar calls (SymInt arithmetic, comparisons) of one computation,
 * told apart from the computation's result so that {@link Dispatcher#memoized} can have the
 * effects again without computing again. A tracer's effects are the names its recorded calls
 * take and the lazy size nodes they force; a mode that only computes has none.
 */
public interface ScalarEffects {
  /** The effects of a mode whose scalar calls only compute. */
  ScalarEffects NONE = new ScalarEffects() {
    @Override
    public Object stateKey(List<Object> inputs) {
      return List.of();
    }

    @Override
    public Recording record(List<Object> inputs) {
      return () -> in -> { };
    }
  };

  /**
   * The part of this mode's state that can change what the calls of a computation over {@code
   * inputs} do (a tracer: which inputs it tracks already). A memoized computation is replayed
   * only where this key is the same.
   */
  Object stateKey(List<Object> inputs);

  /** Starts recording what the scalar calls that follow do, in a computation over {@code inputs}. */
  Recording record(List<Object> inputs);

  /** A recording in progress. */
  @FunctionalInterface
  interface Recording {
    /**
     * Stops recording: the effects, or null when the calls did something a replay could not
     * redo (a tensor operation, a value from outside the inputs, an input newly tracked).
     */
    Replay finish();
  }

  /** Recorded effects. */
  @FunctionalInterface
  interface Replay {
    /** Has the effects again, as the computation would have them over {@code inputs}. */
    void apply(List<Object> inputs);
  }
}
