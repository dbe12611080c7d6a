package symtrace.tracer.run.explain;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.ValueRange;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.tensor.Tensor;

/**
 * Where in the program a failing guard line comes from, and why it exists. Every line gets a
 * location: a recorded guard the statement that asked for it; a range bound the guard that set
 * it; a size specialized to a constant the guard that pinned it; a duck-sized equality the first
 * operation where the shared size mattered; what holds of the example input itself (0/1
 * specialization, layout, a bool's value) the entry function's {@code def} line, where the inputs
 * become symbols.
 *
 * @param guard the line, as {@code produce_guards} prints it
 * @param kind {@code guard}, {@code range}, {@code duck sizing}, {@code 0/1 specialization},
 *     {@code specialization}, {@code layout} or {@code bool input}
 * @param location where it comes from; never null
 * @param there what happened at the location
 * @param why the explanation, with the trace-time and the checked values
 */
public record FailureOrigin(String guard, String kind, SourceLocation location, String there,
    String why) {

  /** The explanation for a reader: the line, the location with its code, then why. */
  public String text() {
    return guard + ":\n  " + location + code(location) + ": " + there + "\n  " + why;
  }

  static String code(SourceLocation l) {
    return l.code() == null || l.code().isBlank() ? "" : " (" + l.code().strip() + ")";
  }

  static FailureOrigin of(CheckContext c, CheckContext.FailingLine line) {
    SourceLocation entry = c.runner().entryLocation();
    String inputs = "where the inputs' sizes become symbols";
    if (line.guard() == null) {
      return new FailureOrigin(line.python(), "bool input", entry, "the bool input "
          + line.pinName() + " is read here",
          "the trace took " + line.pinName() + " as the value it had, "
          + (line.pinValue() ? "True" : "False") + " (a bool decides control flow without a"
          + " symbol); another value needs another trace.");
    }
    ProducedGuard g = line.guard();
    String changed = rankChanged(c, g);
    if (changed != null) {
      int i = c.input().names().indexOf(changed);
      return new FailureOrigin(g.python(), "rank", entry, "where the inputs are bound",
          "L['" + changed + "'] has " + ((Tensor) c.input().values().get(i)).dim()
          + " dimension(s) in the checked input and " + ((Tensor) c.example().values().get(i))
          .dim() + " in the example: a trace holds for the example's number of dimensions"
          + " only.");
    }
    ShapeEnv env = c.trace().shapeEnv();
    switch (g.kind()) {
      case GUARD -> {
        Provenance p = g.origin() == null ? null : g.origin().provenance();
        SourceLocation at = p == null || p.location() == null ? entry : p.location();
        return new FailureOrigin(g.python(), "guard", at,
            "recorded by " + (p == null ? "the trace" : p.reason()),
            "it is false for " + values(c, g.expr()) + ".");
      }
      case RANGE -> {
        Sym sym = g.expr() instanceof Sym s ? s : null;
        Object v = c.read().apply(g.source());
        boolean low = g.lower() != null
            && PyMath.compare(Evaluator.evaluate(g.lower(), Map.of()), v) > 0;
        Provenance bound = sym == null ? null : env.rangeProvenance(sym)[low ? 0 : 1];
        ValueRange r = sym == null ? null : env.range(sym);
        String is = g.source().name() + " is " + v + ", outside the range "
            + (r == null ? "" : r.toIntervalString() + " ") + "the trace allows";
        if (bound == null || bound.reason().equals("default") || bound.reason().equals("unknown")) {
          return new FailureOrigin(g.python(), "0/1 specialization", entry, inputs,
              is + ": sizes 0 and 1 are never symbols (PyTorch specializes them), so a"
              + " size's symbol starts at 2.");
        }
        SourceLocation at = bound.location() == null ? entry : bound.location();
        return new FailureOrigin(g.python(), "range", at, "the " + (low ? "lower" : "upper")
            + " bound was set by " + bound.reason(), is + ".");
      }
      case INPUT -> {
        return input(c, g, entry, inputs);
      }
      default -> {
        return new FailureOrigin(g.python(), "float input", entry, inputs,
            "the value must not be NaN.");
      }
    }
  }

  private static FailureOrigin input(CheckContext c, ProducedGuard g, SourceLocation entry,
      String inputs) {
    Source source = g.source();
    Object yours = c.read().apply(source);
    Object example = TraceGuards.valueOf(source, c.example().names(), c.example().values());
    ShapeEnv env = c.trace().shapeEnv();
    boolean size = source instanceof TensorPropertySource p ? p.isSize()
        : !(source instanceof TensorPropertySource);
    if (!size) {
      return new FailureOrigin(g.python(), "layout", entry, inputs, "the trace assumed the"
          + " example input's layout: " + source.name() + " was " + example + ", yours is "
          + yours + ".");
    }
    List<String> names = c.trace().inputNames();
    if (g.expr() instanceof Sym shared) {
      Source first = c.guards().guardSet().binders().get(shared);
      String firstName = first == null ? shared.name() : first.name();
      Object firstYours = first == null ? "?" : c.read().apply(first);
      String why = "duck sizing: both were " + example + " at trace time, so " + source.name()
          + " shares the symbol " + shared.name() + " of " + firstName + "; yours are "
          + yours + " and " + firstYours + ". An example input where they differ keeps them"
          + " apart.";
      int a = names.indexOf(InputSources.parameter(first));
      int b = names.indexOf(InputSources.parameter(source));
      SharedSizeUse.Use use = a < 0 || b < 0 ? null : SharedSizeUse.find(c.trace(), shared, a, b);
      if (use == null) {
        return new FailureOrigin(g.python(), "duck sizing", entry, inputs, why);
      }
      return new FailureOrigin(g.python(), "duck sizing", use.location(), use.operation()
          + (use.together() ? ", the first operation on both sizes"
              : ", the first operation on the shared size"), why);
    }
    Sym created = InputSources.createdSymbol(env, source, names);
    Provenance p = created == null ? null : env.replacementProvenance(created);
    if (created != null && p != null) {
      SourceLocation at = p.location() == null ? entry : p.location();
      return new FailureOrigin(g.python(), "specialization", at, "specialized by "
          + p.reason(), source.name() + " was " + example + " at trace time, and the guard"
          + " recorded here replaced its symbol " + created.name() + " by "
          + env.replacements().get(created) + "; yours is " + yours + ".");
    }
    if (g.expr() instanceof Num) {
      return new FailureOrigin(g.python(), "0/1 specialization", entry, inputs, source.name()
          + " was " + example + " at trace time, and sizes 0 and 1 are never symbols (PyTorch"
          + " specializes them), so the trace holds for " + example + " only; yours is "
          + yours + ".");
    }
    return new FailureOrigin(g.python(), "specialization", entry, inputs, source.name()
        + " was " + example + " at trace time; yours is " + yours + ".");
  }

  /** The input of changed rank a line reads, or null. */
  private static String rankChanged(CheckContext c, ProducedGuard g) {
    java.util.Set<String> changed = c.rankChanged();
    if (changed.isEmpty()) {
      return null;
    }
    if (g.source() != null && changed.contains(InputSources.parameter(g.source()))) {
      return InputSources.parameter(g.source());
    }
    if (g.kind() != ProducedGuard.Kind.RANGE && g.expr() != null) {
      for (Sym s : g.expr().freeSymbols()) {
        Source src = c.guards().guardSet().binders().get(s);
        if (src != null && changed.contains(InputSources.parameter(src))) {
          return InputSources.parameter(src);
        }
      }
    }
    return null;
  }

  /** The checked input's values of a guard's symbols: {@code L['x'].size()[0] = 3}. */
  private static String values(CheckContext c, Expr expr) {
    StringJoiner j = new StringJoiner(", ");
    c.guards().guardSet().binders().forEach((s, src) -> {
      if (expr.freeSymbols().contains(s)) {
        j.add(src.name() + " = " + c.read().apply(src));
      }
    });
    return j.length() == 0 ? "the input" : j.toString();
  }
}
