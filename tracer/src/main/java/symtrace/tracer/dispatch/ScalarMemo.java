package symtrace.tracer.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.symbolic.value.SymNode;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.ops.ValuesKey;

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
 * run did to it; and the result must hold nothing a mode could track besides the inputs
 * (constants, inputs, lists of them), kept with each input as its index, so that a replay gives
 * the asker's own inputs back.
 */
final class ScalarMemo {
  /** Entries kept at most; a trace asks about a few layouts, a runaway one starts over. */
  private static final int LIMIT = 4096;

  /**
   * Kept runs by key. A key's parts: the computation's name, the facts' version, whether guards
   * are recorded, each mode and its state, then three parts per input: a number as itself, a
   * symbolic value as its type, its expression and the first input holding the same node.
   */
  private final Map<ValuesKey, Entry> entries = new HashMap<>();
  private boolean running;

  private record Entry(Object result, List<ScalarEffects.Replay> replays) {}

  /** In a kept result: the input of this index. */
  private record InputRef(int index) {}

  /** A result that cannot be kept. */
  private static final Object NOT_KEPT = new Object();

  @SuppressWarnings("unchecked")
  <T> T run(String computation, List<Object> inputs, Function<List<Object>, T> body,
      List<DispatchMode> modes, ShapeEnv env) {
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
    ValuesKey key = new ValuesKey(parts);
    Entry hit = entries.get(key);
    if (hit != null) {
      for (ScalarEffects.Replay r : hit.replays) {
        r.apply(inputs);
      }
      return (T) instantiate(hit.result, inputs);
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
    // A run that added facts is keyed by the version before it, which no later ask can have
    // (versions only grow), so it is not kept at all.
    if (env.version() == version && !replays.contains(null)) {
      Object kept = template(result, inputs);
      if (kept != NOT_KEPT) {
        if (entries.size() >= LIMIT) {
          entries.clear();
        }
        entries.put(key, new Entry(kept, List.copyOf(replays)));
      }
    }
    return result;
  }

  /** The result with each input as its index, or {@link #NOT_KEPT}. */
  private static Object template(Object result, List<Object> inputs) {
    if (result instanceof List<?> items) {
      List<Object> out = new ArrayList<>(items.size());
      for (Object item : items) {
        Object t = template(item, inputs);
        if (t == NOT_KEPT || t instanceof List<?>) {
          return NOT_KEPT;
        }
        out.add(t);
      }
      return out;
    }
    SymNode n = PyScalars.unknownNode(result);
    if (n == null) {
      return result instanceof Number || result instanceof Boolean || result instanceof SymInt
          || result instanceof SymBool || result instanceof SymFloat ? result : NOT_KEPT;
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i) == result) {
        return new InputRef(i);
      }
    }
    return NOT_KEPT;
  }

  /** A kept result over the asker's inputs: an unmodifiable list for a list. */
  private static Object instantiate(Object kept, List<Object> inputs) {
    if (kept instanceof InputRef r) {
      return inputs.get(r.index());
    }
    if (kept instanceof List<?> items) {
      Object[] out = new Object[items.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = instantiate(items.get(i), inputs);
      }
      return List.of(out);
    }
    return kept;
  }

  /**
   * Writes the inputs into the key from {@code at}, three parts each; false when one is neither
   * a number nor a symbolic number.
   */
  private static boolean addInputs(List<Object> inputs, Object[] parts, int at) {
    for (int i = 0; i < inputs.size(); i++) {
      Object v = inputs.get(i);
      SymNode n = PyScalars.unknownNode(v);
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
      if (PyScalars.unknownNode(inputs.get(j)) == n) {
        return j;
      }
    }
    return upTo;
  }
}
