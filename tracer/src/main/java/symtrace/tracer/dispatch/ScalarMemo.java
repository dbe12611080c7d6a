package symtrace.tracer.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import symtrace.symbolic.env.ShapeEnv;
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

  /**
   * The computation's name, the modes and their states, the facts' version, whether guards are
   * recorded, then each input: a number as itself, a symbolic value as its type, its expression
   * (interned: compared by identity) and the first input holding the same node. The hash is
   * computed once.
   */
  private static final class Key {
    private final Object[] parts;
    private final int hash;

    Key(Object[] parts) {
      this.parts = parts;
      this.hash = Arrays.hashCode(parts);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && Arrays.equals(k.parts, parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private record Entry(Object result, List<ScalarEffects.Replay> replays) {}

  @SuppressWarnings("unchecked")
  <T> T run(String computation, List<Object> inputs, Function<List<Object>, T> body,
      Predicate<? super T> replayable, List<DispatchMode> modes, ShapeEnv env) {
    if (running || env == null || env.isClosed()) {
      return body.apply(inputs);
    }
    int fixed = 3 + 2 * modes.size();
    Object[] parts = new Object[fixed + 3 * inputs.size()];
    parts[0] = computation;
    parts[1] = env.version();
    parts[2] = env.recordsGuards();
    List<ScalarEffects> effects = new ArrayList<>(modes.size());
    for (int i = 0; i < modes.size(); i++) {
      ScalarEffects e = modes.get(i).scalarEffects();
      if (e == null) {
        return body.apply(inputs);
      }
      effects.add(e);
      parts[3 + 2 * i] = modes.get(i);
      parts[4 + 2 * i] = e.stateKey(inputs);
    }
    if (!addInputs(inputs, parts, fixed)) {
      return body.apply(inputs);
    }
    Key key = new Key(parts);
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

  /**
   * Writes the inputs into the key from {@code at}, three parts each; false when one is neither
   * a number nor a symbolic number.
   */
  private static boolean addInputs(List<Object> inputs, Object[] parts, int at) {
    for (int i = 0; i < inputs.size(); i++) {
      Object v = inputs.get(i);
      SymNode n = node(v);
      int p = at + 3 * i;
      if (n != null) {
        parts[p] = v.getClass();
        parts[p + 1] = n.expr();
        parts[p + 2] = firstHolder(inputs, n, i);
      } else if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
        parts[p] = v;
      } else {
        return false;
      }
    }
    return true;
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
