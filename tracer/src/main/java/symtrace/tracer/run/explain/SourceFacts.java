package symtrace.tracer.run.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.solver.Prover;
import symtrace.solver.Verdict;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;
import symtrace.tracer.run.TraceGuards;

/**
 * Guard lines as facts over one variable per input property, so that the guards of two traces
 * (whose symbols differ) can be compared by Z3: the lines of one trace imply each line of the
 * other exactly when every input the first accepts, the second accepts too.
 */
final class SourceFacts {
  /** The variables of one comparison: one integer (or real) per source name. */
  static final class Variables {
    private final Map<String, Sym> bySource = new LinkedHashMap<>();
    private final Map<Sym, String> names = new HashMap<>();

    Sym of(String source, boolean real) {
      return bySource.computeIfAbsent(source, k -> {
        String name = "v" + bySource.size();
        Sym s = real ? Sym.real(name) : Sym.integer(name);
        names.put(s, k);
        return s;
      });
    }

    /** A counterexample in sources: {@code L['x'].size()[0] = 1, ...}. */
    String describe(Map<Sym, Long> assignment) {
      List<String> parts = new ArrayList<>();
      assignment.forEach((s, v) -> parts.add(names.getOrDefault(s, s.name()) + " = " + v));
      return String.join(", ", parts);
    }
  }

  /** Whether one set of facts implies another: yes, no with an input, or unknown. */
  record Implication(Verdict.Outcome outcome, String counterexample, String failedLine) {}

  private final List<Expr> facts = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  /** What the input lines say each non-first source equals, over the first sources. */
  private final Map<Sym, Expr> defined = new HashMap<>();

  private SourceFacts() {}

  /** The guard lines (and bool pins) of a trace over {@code vars}. */
  static SourceFacts of(TraceGuards guards, Variables vars) {
    SourceFacts f = new SourceFacts();
    Map<Sym, Expr> binding = new HashMap<>();
    guards.guardSet().binders().forEach((s, src) ->
        binding.put(s, vars.of(src.name(), s.isRealSymbol())));
    for (ProducedGuard g : guards.guardSet().guards()) {
      if (g.kind() == ProducedGuard.Kind.INPUT) {
        f.defined.put(vars.of(g.source().name(), false), g.expr().subs(binding));
      }
      Expr fact = switch (g.kind()) {
        case INPUT -> Exprs.eq(vars.of(g.source().name(), false), g.expr().subs(binding));
        case GUARD -> g.expr().subs(binding);
        case RANGE -> range(g, vars);
        default -> null; // not NaN: the prover's reals have none
      };
      if (fact != null) {
        f.facts.add(fact);
        f.lines.add(g.python());
      }
    }
    guards.pins().forEach((name, value) -> {
      f.facts.add(Exprs.eq(vars.of(Source.local(name).name(), false),
          value ? Exprs.ONE : Exprs.ZERO));
      f.lines.add("L['" + name + "'] == " + (value ? "True" : "False"));
    });
    return f;
  }

  private static Expr range(ProducedGuard g, Variables vars) {
    Sym v = vars.of(g.source().name(), g.expr() instanceof Sym s && s.isRealSymbol());
    List<Expr> bounds = new ArrayList<>();
    if (g.lower() != null) {
      bounds.add(Exprs.le(g.lower(), v));
    }
    if (g.upper() != null) {
      bounds.add(Exprs.le(v, g.upper()));
    }
    return bounds.size() == 1 ? bounds.get(0) : Exprs.and(bounds);
  }

  /**
   * Whether these facts imply every line of {@code other} (Z3). The sources these input lines
   * define (strides, shared sizes) are replaced by their definitions first, so the question is
   * over the first sources alone: the same, and easier for the solver than products of
   * unknowns.
   */
  Implication implies(SourceFacts other, Prover prover, Variables vars) {
    List<Expr> base = new ArrayList<>();
    for (Expr f : facts) {
      Expr x = f.subs(defined);
      if (!x.equals(BoolLit.TRUE)) {
        base.add(x);
      }
    }
    for (int i = 0; i < other.facts.size(); i++) {
      Verdict v = prover.prove(base, other.facts.get(i).subs(defined));
      if (v.isRefuted()) {
        return new Implication(Verdict.Outcome.REFUTED, vars.describe(v.counterexample()),
            other.lines.get(i));
      }
      if (v.isUnknown()) {
        return new Implication(Verdict.Outcome.UNKNOWN, null, other.lines.get(i));
      }
    }
    return new Implication(Verdict.Outcome.PROVED, null, null);
  }
}
