package symtrace.tracer.run.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import symtrace.symbolic.env.LocalSource;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.symbolic.expr.Sym;
import symtrace.tracer.tensor.data.InputSpec;

/**
 * Other example inputs to trace with, so that the rejected input passes the new trace's
 * guards, best first: the example with the checked input's sizes where the failing lines look;
 * the same with a duck-sized size moved to a value no other size has (so it gets a symbol of its
 * own); the checked input itself. Each is only a candidate until traced ({@link CheckFixes}).
 */
final class ExampleInputs {
  /** An example input to try and how it was made. */
  record Candidate(String spec, String how, boolean isInput) {}

  private ExampleInputs() {}

  static List<Candidate> of(CheckContext c, List<CheckContext.FailingLine> failing) {
    Map<String, InputSpec> example = InputSpec.parseAssignments(c.example().spec());
    Map<String, InputSpec> input = InputSpec.parseAssignments(c.input().spec());
    Map<String, Set<Integer>> dims = new LinkedHashMap<>();
    Set<String> whole = new LinkedHashSet<>();
    for (CheckContext.FailingLine line : failing) {
      if (line.guard() == null) {
        whole.add(line.pinName());
        continue;
      }
      ProducedGuard g = line.guard();
      if (g.source() != null) {
        involve(g.source(), dims, whole);
      }
      if (g.kind() != ProducedGuard.Kind.RANGE && g.expr() != null) {
        for (Sym s : g.expr().freeSymbols()) {
          Source src = c.guards().guardSet().binders().get(s);
          if (src != null) {
            involve(src, dims, whole);
          }
        }
      }
    }
    List<Candidate> out = new ArrayList<>();
    Map<String, InputSpec> blend = blend(example, input, dims, whole);
    Map<String, InputSpec> separate = separate(blend, example, dims);
    if (separate != null) {
      add(out, separate, "the checked input's values where the failing guards read, the"
          + " example's elsewhere, except sizes that would then equal one of those and share"
          + " its symbol", false, c);
    }
    add(out, blend, "the checked input's values where the failing guards read, the example's"
        + " elsewhere", false, c);
    CheckContext.FailingLine first = failing.isEmpty() ? null : failing.get(0);
    if (first != null && first.guard() != null
        && first.guard().kind() == ProducedGuard.Kind.INPUT
        && first.guard().expr() instanceof Sym
        && first.guard().source() instanceof TensorPropertySource p && p.isSize()) {
      Map<String, InputSpec> apart = apart(blend, p);
      if (apart != null) {
        add(out, apart, "as that, with " + p.name() + " a size no other input size has, so"
            + " duck sizing gives it a symbol of its own", false, c);
      }
    }
    add(out, input, "the checked input itself", true, c);
    return out;
  }

  private static void add(List<Candidate> out, Map<String, InputSpec> specs, String how,
      boolean isInput, CheckContext c) {
    String spec = InputSpec.toHeader(specs);
    if (spec.equals(c.example().spec())) {
      return;
    }
    if (spec.equals(c.input().spec())) {
      how = "the checked input itself";
      isInput = true;
    }
    for (Candidate k : out) {
      if (k.spec().equals(spec)) {
        return;
      }
    }
    out.add(new Candidate(spec, how, isInput));
  }

  private static void involve(Source src, Map<String, Set<Integer>> dims, Set<String> whole) {
    if (src instanceof LocalSource l) {
      whole.add(l.local());
    } else if (src instanceof TensorPropertySource p && p.isSize()
        && p.base() instanceof LocalSource base) {
      dims.computeIfAbsent(base.local(), k -> new TreeSet<>()).add(p.index());
    }
  }

  /** The example, with the input's value at each involved size (its whole spec for others). */
  private static Map<String, InputSpec> blend(Map<String, InputSpec> example,
      Map<String, InputSpec> input, Map<String, Set<Integer>> dims, Set<String> whole) {
    Map<String, InputSpec> out = new LinkedHashMap<>(example);
    whole.forEach(name -> out.put(name, input.get(name)));
    dims.forEach((name, ds) -> {
      if (example.get(name) instanceof InputSpec.TensorInput e
          && input.get(name) instanceof InputSpec.TensorInput i
          && e.dtype() == i.dtype() && e.shape().size() == i.shape().size()) {
        List<Long> shape = new ArrayList<>(e.shape());
        ds.forEach(d -> shape.set(d, i.shape().get(d)));
        out.put(name, new InputSpec.TensorInput(e.dtype(), shape, e.low(), e.high()));
      } else {
        out.put(name, input.get(name));
      }
    });
    return out;
  }

  /**
   * The blend without equalities the example did not have: a size kept from the example that
   * now equals one taken from the checked input (and did not before) would share its symbol by
   * duck sizing, so it moves to the smallest value of at least 2 no other size has. Null when
   * there is no such size.
   */
  private static Map<String, InputSpec> separate(Map<String, InputSpec> blend,
      Map<String, InputSpec> example, Map<String, Set<Integer>> dims) {
    Map<String, InputSpec> out = new LinkedHashMap<>(blend);
    boolean moved = false;
    for (Map.Entry<String, InputSpec> e : blend.entrySet()) {
      if (!(e.getValue() instanceof InputSpec.TensorInput t)
          || !(example.get(e.getKey()) instanceof InputSpec.TensorInput ex)
          || ex.shape().size() != t.shape().size()) {
        continue;
      }
      List<Long> shape = new ArrayList<>(t.shape());
      for (int d = 0; d < shape.size(); d++) {
        if (dims.getOrDefault(e.getKey(), Set.of()).contains(d)) {
          continue;
        }
        long v = shape.get(d);
        boolean collides = false;
        for (Map.Entry<String, Set<Integer>> in : dims.entrySet()) {
          if (blend.get(in.getKey()) instanceof InputSpec.TensorInput bt
              && example.get(in.getKey()) instanceof InputSpec.TensorInput et
              && bt.shape().size() == et.shape().size()) {
            for (int k : in.getValue()) {
              collides |= bt.shape().get(k) == v && et.shape().get(k) != v;
            }
          }
        }
        if (collides && v >= 2) {
          shape.set(d, fresh(out));
          out.put(e.getKey(), new InputSpec.TensorInput(t.dtype(), shape, t.low(), t.high()));
          moved = true;
        }
      }
    }
    return moved ? out : null;
  }

  /** The smallest size of at least 2 that no tensor in {@code specs} has. */
  private static long fresh(Map<String, InputSpec> specs) {
    Set<Long> used = new TreeSet<>();
    specs.values().forEach(s -> {
      if (s instanceof InputSpec.TensorInput t) {
        used.addAll(t.shape());
      }
    });
    long v = 2;
    while (used.contains(v)) {
      v++;
    }
    return v;
  }

  /**
   * {@code specs} with the size {@code p} moved to the smallest value of at least 2 that no
   * other size has; null when it has such a value already.
   */
  private static Map<String, InputSpec> apart(Map<String, InputSpec> specs,
      TensorPropertySource p) {
    String name = ((LocalSource) p.base()).local();
    Set<Long> others = new TreeSet<>();
    specs.forEach((n, spec) -> {
      if (spec instanceof InputSpec.TensorInput t) {
        for (int d = 0; d < t.shape().size(); d++) {
          if (!(n.equals(name) && d == p.index())) {
            others.add(t.shape().get(d));
          }
        }
      }
    });
    if (!(specs.get(name) instanceof InputSpec.TensorInput t) || p.index() >= t.shape().size()) {
      return null;
    }
    long current = t.shape().get(p.index());
    if (current >= 2 && !others.contains(current)) {
      return null;
    }
    long v = 2;
    while (others.contains(v)) {
      v++;
    }
    List<Long> shape = new ArrayList<>(t.shape());
    shape.set(p.index(), v);
    Map<String, InputSpec> out = new LinkedHashMap<>(specs);
    out.put(name, new InputSpec.TensorInput(t.dtype(), shape, t.low(), t.high()));
    return out;
  }
}
