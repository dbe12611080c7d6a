package symtrace.tracer.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import symtrace.symbolic.value.SymNode;
import symtrace.tracer.dispatch.ScalarEffects;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.PyScalars;

/**
 * What the scalar calls of one memoized computation did to a trace, in order: each input that
 * became a node argument (forcing its lazy size node, or rebuilding it from tracked values) and
 * each call's name taken. The calls' own results stay inside the computation (nothing outside
 * holds them), so a replay takes the same names and forces the same inputs, and the graph
 * comes out as if the computation had run again.
 *
 * <p>The log refuses (its {@link #finish} gives null) when the computation did anything else to
 * the trace: a tensor operation, a node made at once, an argument that is neither an input nor
 * one of its own results, or a result that is an input (the call would now track it).
 */
final class ScalarCallLog implements ScalarEffects.Recording {
  /** How the trace redoes the two kinds of effect. */
  interface Trace {
    /** A value becomes a node argument, as a deferred call's argument does. */
    void argument(Object value);

    /**
     * True when the node is named in the trace already: its becoming an argument again changes
     * nothing.
     */
    boolean isNamed(SymNode node);

    /** Takes, each time it runs, the name a call of {@code op} takes now. */
    Runnable nameTaker(OpOverload op, String nameHint);

    /** The log is complete; the trace stops logging. */
    void stopped(ScalarCallLog log);
  }

  private final Trace trace;
  private final List<Object> inputs;
  private final Set<SymNode> results = new HashSet<>();
  /** Inputs that were arguments already: tracked and named from then on, so no effect again. */
  private final Set<Integer> argumentsSeen = new HashSet<>();
  /**
   * An {@code Integer}: the input of that index became an argument while not named yet; a
   * {@code Runnable}: a call's name was taken (it takes the next one).
   */
  private final List<Object> events = new ArrayList<>();
  private boolean refused;

  ScalarCallLog(Trace trace, List<Object> inputs) {
    this.trace = trace;
    this.inputs = List.copyOf(inputs);
  }

  /** A deferred call's argument, about to become its node's argument. */
  void argument(SymNode node) {
    if (node == null || results.contains(node)) {
      return;
    }
    int input = inputOf(node);
    if (input < 0) {
      refused = true;
    } else if (argumentsSeen.add(input) && !trace.isNamed(node)) {
      // a named input stays named: with the inputs' states in the memo's key, a replay would
      // find it named at this point too
      events.add(input);
    }
  }

  /**
   * A deferred call took its name (from {@code nameHint}); {@code result} is its result's node
   * (null: a constant).
   */
  void called(OpOverload op, String nameHint, SymNode result) {
    events.add(trace.nameTaker(op, nameHint));
    if (result != null) {
      if (inputOf(result) >= 0) {
        refused = true;
      }
      results.add(result);
    }
  }

  /** Something a replay cannot redo happened. */
  void refuse() {
    refused = true;
  }

  @Override
  public ScalarEffects.Replay finish() {
    trace.stopped(this);
    if (refused) {
      return null;
    }
    Object[] recorded = events.toArray();
    return in -> replay(recorded, in);
  }

  private void replay(Object[] recorded, List<Object> in) {
    for (Object e : recorded) {
      if (e instanceof Integer input) {
        trace.argument(in.get(input));
      } else {
        ((Runnable) e).run();
      }
    }
  }

  private int inputOf(SymNode node) {
    for (int i = 0; i < inputs.size(); i++) {
      if (PyScalars.unknownNode(inputs.get(i)) == node) {
        return i;
      }
    }
    return -1;
  }
}
