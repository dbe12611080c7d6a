package symtrace.tracer.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.symbolic.value.SymNode;

/**
 * The memoized scalar computations of one dispatcher ({@link symtrace.tracer.ops.Ops#memoized}):
 * a layout question that composites ask of every tensor (is it contiguous?) runs its SymInt
 * arithmetic once per distinct layout, and later askers get the answer and a replay of what the
 * run did to the modes (a tracer's node names and forced size nodes), so a trace comes out as
 * if every run had happened.
 *
 * <p>A run is kept only when replaying it is exactly running it again: the inputs' expressions,
 * the shape environment's facts ({@link ShapeEnv#version()}) and whether it records guards, the
 * modes on the stack and their own state for these inputs are the key; the run must have left
 * the environment's facts as they were (it added no guard, so a rerun would decide every
 * question the same way without adding one either); every mode must be able to record what the
 * run did to it; and the result must hold nothing a mode tracks.
 */
final class ScalarMemo {
  /** Entries kept at most; a trace asks about a few layouts, a runaway one starts over. */
  private static final int LIMIT = 4096;

  private final Map<Key, Entry> entries = new HashMap<>();
  private boolean running;

  private record Key(String computation, List<Object> inputs, List<DispatchMode> modes,
      List<Object> modeStates, long version, boolean recordsGuards) {}

  private record Entry(Object result, List<ScalarEffects.Replay> replays) {}

  /** A symbolic input: its type, its expression and the first input holding the same node. */
  private record SymbolicInput(Class<?> type, Expr expr, int firstHolder) {}

  @SuppressWarnings("unchecked")
  <T> T run(String computation, List<Object> inputs, Function<List<Object>, T> body,
      Predicate<? super T> replayable, List<DispatchMode> modes, ShapeEnv env) {
    if (running || env == null || env.isClosed()) {
      return body.apply(inputs);
    }
    List<ScalarEffects> effects = new ArrayList<>(modes.size());
    List<Object> states = new ArrayList<>(modes.size());
    for (DispatchMode m : modes) {
      ScalarEffects e = m.scalarEffects();
      if (e == null) {
        return body.apply(inputs);
      }
      effects.add(e);
      states.add(e.stateKey(inputs));
    }
    List<Object> inputKey = inputKey(inputs);
    if (inputKey == null) {
      return body.apply(inputs);
    }
    Key key = new Key(computation, inputKey, List.copyOf(modes), states, env.version(),
        env.recordsGuards());
    Entry hit = entries.get(key);
    if (hit != null) {
      for (ScalarEffects.Replay r : hit.replays) {
        r.apply(inputs);
      }
      return (T) hit.result;
    }
    long version = env.version();
    List<ScalarEffects.Recording> recordings = new ArrayList<>(effects.size());
    List<ScalarEffects.Replay> replays = new ArrayList<>(effects.size());
    T result;
    running = true;
    try {
      for (ScalarEffects e : effects) {
        recordings.add(e.record(inputs));
      }
      result = body.apply(inputs);
    } finally {
      running = false;
      for (ScalarEffects.Recording r : recordings) {
        replays.add(r.finish());
      }
    }
    if (env.version() == version && !replays.contains(null) && replayable.test(result)) {
      if (entries.size() >= LIMIT) {
        entries.clear();
      }
      entries.put(key, new Entry(result, List.copyOf(replays)));
    }
    return result;
  }

  /** The inputs as the key holds them, or null when one is not a number or a symbolic number. */
  private static List<Object> inputKey(List<Object> inputs) {
    List<Object> key = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Object v = inputs.get(i);
      SymNode n = node(v);
      if (n != null) {
        key.add(new SymbolicInput(v.getClass(), n.expr(), firstHolder(inputs, n, i)));
      } else if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
        key.add(v);
      } else {
        return null;
      }
    }
    return key;
  }

  private static int firstHolder(List<Object> inputs, SymNode n, int upTo) {
    for (int j = 0; j < upTo; j++) {
      if (node(inputs.get(j)) == n) {
        return j;
      }
    }
    return upTo;
  }

  /** The node of a symbolic value whose value is not known, or null. */
  static SymNode node(Object v) {
    if (v instanceof SymInt i && !i.isConstant()) {
      return i.node();
    }
    if (v instanceof SymFloat f && !f.isConstant()) {
      return f.node();
    }
    if (v instanceof SymBool b && !b.isConstant()) {
      return b.node();
    }
    return null;
  }
}
