package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import symtrace.symbolic.expr.Sym;

/**
 * The result of {@code produce_guards}: the guard lines in order, and for each symbol the input
 * source that binds it (its first source), so the set can be checked on concrete inputs.
 */
public record GuardSet(List<ProducedGuard> guards, Map<Sym, Source> binders) {
  /** The Python text of every line. */
  public List<String> python() {
    List<String> out = new ArrayList<>();
    for (ProducedGuard g : guards) {
      out.add(g.python());
    }
    return out;
  }

  /** Binds every symbol from its source's concrete value. */
  public Map<Sym, Object> bind(Function<Source, Object> values) {
    Map<Sym, Object> bindings = new HashMap<>();
    for (Map.Entry<Sym, Source> e : binders.entrySet()) {
      bindings.put(e.getKey(), values.apply(e.getValue()));
    }
    return bindings;
  }

  /** The lines that concrete inputs fail (an error while checking counts as failing). */
  public List<ProducedGuard> failing(Function<Source, Object> values) {
    Map<Sym, Object> bindings = bind(values);
    List<ProducedGuard> failed = new ArrayList<>();
    for (ProducedGuard g : guards) {
      try {
        if (!g.holds(bindings, values)) {
          failed.add(g);
        }
      } catch (RuntimeException e) {
        failed.add(g);
      }
    }
    return failed;
  }
}
