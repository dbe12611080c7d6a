package symtrace.tracer.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.solver.ProverSettings;
import symtrace.solver.guards.GuardMinimizer;
import symtrace.solver.guards.Minimization;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.env.Guard;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.RuntimeAssert;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.symbolic.env.Specialization;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.print.PythonPrinter;
import symtrace.symbolic.range.ValueRange;
import symtrace.tracer.trace.Trace;

/**
 * The guard report of one symbolic trace ({@code symtrace guards}): every symbol with its
 * source, hint and range; every specialization with its reason; every guard and runtime assert
 * in sympy form and as Python over the inputs, with the program location and the operation that
 * caused it, and whether the other guards (and the ranges) imply it, proved by Z3.
 */
public final class GuardReport {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String program;
  private final String traceSpec;
  private final ShapeEnv env;
  private final TraceGuards produced;
  private final List<Guard> guards;
  private final Map<Guard, String> python = new IdentityHashMap<>();
  private final Minimization minimization;
  private final List<String> inputNames;
  private final List<String[]> zeroOne = new ArrayList<>();

  private GuardReport(String program, String traceSpec, Trace trace, boolean prove) {
    this.program = program;
    this.traceSpec = traceSpec;
    this.env = trace.shapeEnv();
    this.inputNames = trace.inputNames();
    if (env != null) {
      for (int i = 0; i < trace.tracedInputs().size(); i++) {
        if (trace.tracedInputs().get(i) instanceof symtrace.tracer.tensor.TensorValue t) {
          for (int d = 0; d < t.dim(); d++) {
            if (t.symSize(d).isConstant() && t.symSize(d).constantValue() <= 1) {
              zeroOne.add(new String[] {"L['" + inputNames.get(i) + "'].size()[" + d + "]",
                  String.valueOf(t.symSize(d).constantValue())});
            }
          }
        }
      }
    }
    this.produced = TraceGuards.of(trace);
    this.guards = env == null ? List.of() : env.guards();
    for (Guard g : guards) {
      python.put(g, PythonPrinter.print(g.expr(), this::sourceOf));
    }
    this.minimization = prove && guards.size() > 1 ? minimize() : null;
  }

  /**
   * The report of a trace.
   *
   * @param prove whether to ask Z3 which guards the others imply (loads Z3)
   */
  public static GuardReport of(String program, String traceSpec, Trace trace, boolean prove) {
    return new GuardReport(program, traceSpec, trace, prove);
  }

  /**
   * Which guards the others imply. The base facts are what holds before any guard: a backed
   * size is at least 2, an unbacked symbol lies in its range. Ranges that guards refined are not
   * facts here, or a guard would be implied by its own consequence.
   */
  private Minimization minimize() {
    List<Expr> base = baseFacts();
    List<Expr> exprs = new ArrayList<>();
    for (Guard g : guards) {
      exprs.add(g.expr());
    }
    try (Z3Prover prover = Z3Prover.create(ProverSettings.defaults())) {
      return new GuardMinimizer(prover).minimize(base, exprs);
    }
  }

  /** What holds before any guard: backed sizes at least 2, unbacked symbols in their ranges. */
  public List<Expr> baseFacts() {
    List<Expr> base = new ArrayList<>();
    for (Sym s : symbols()) {
      ValueRange r = env.range(s);
      if (r == null) {
        continue;
      }
      if (!env.isUnbacked(s)) {
        List<Source> sources = env.sources(s);
        if (sources != null && !sources.isEmpty()
            && sources.get(0) instanceof TensorPropertySource p && p.isSize()) {
          base.add(Exprs.le(Exprs.integer(2), s));
        }
        continue;
      }
      if (r.lower().isNumber()) {
        base.add(Exprs.le(r.lower(), s));
      }
      if (r.upper().isNumber()) {
        base.add(Exprs.le(s, r.upper()));
      }
    }
    return base;
  }

  /** The recorded guards' expressions, in order. */
  public List<Expr> guardExprs() {
    List<Expr> out = new ArrayList<>();
    guards.forEach(g -> out.add(g.expr()));
    return out;
  }

  /** The irredundant set's expressions (all guards when the report was made without proofs). */
  public List<Expr> minimizedExprs() {
    return minimization == null ? guardExprs() : minimization.kept();
  }

  private List<Sym> symbols() {
    if (env == null) {
      return List.of();
    }
    Set<Sym> all = new LinkedHashSet<>(env.symbolsWithSources());
    all.addAll(env.unbackedSymbols());
    return new ArrayList<>(all);
  }

  /** The Python name of a symbol: its first source, as the user's input names it. */
  private String sourceOf(Sym s) {
    List<Source> sources = env.sources(s);
    return sources == null || sources.isEmpty() ? s.name() : display(sources.get(0));
  }

  /**
   * A symbol's source as the user wrote the input: make_fx names inputs {@code input<i>} (so
   * symbols get PyTorch's numbers); the report says {@code L['x']}.
   */
  private String display(Source source) {
    return InputSources.display(source.name(), inputNames);
  }

  /**
   * Everything that constrains one input source ({@code L['x'].size()[0]}): the symbol that
   * stands for it and the other sources sharing it, its range with the guard that set each
   * bound, a replacement with its reason, and every guard that mentions the symbol. Null when
   * no symbol has that source (a size the trace kept static, or a typo).
   */
  public String why(String source) {
    Sym sym = null;
    for (Sym s : symbols()) {
      List<Source> sources = env.sources(s);
      if (sources != null && sources.stream().anyMatch(x -> display(x).equals(source))) {
        sym = s;
        break;
      }
    }
    if (sym == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(source).append(" is ").append(sym.name());
    List<Source> sources = env.sources(sym);
    if (sources.size() > 1) {
      b.append(", shared with");
      for (Source x : sources) {
        if (!display(x).equals(source)) {
          b.append(' ').append(display(x));
        }
      }
      b.append(" (duck sizing: equal at trace time)");
    }
    b.append("\n  hint ").append(env.hint(sym));
    ValueRange r = env.range(sym);
    if (r != null) {
      Provenance[] why = env.rangeProvenance(sym);
      b.append("\n  range ").append(r.toIntervalString());
      if (why != null) {
        b.append("\n    lower bound: ").append(boundCause(why[0],
            "the default for a size (at least 2)"));
        b.append("\n    upper bound: ").append(boundCause(why[1], "none"));
      }
    }
    Expr replaced = env.replacements().get(sym);
    if (replaced != null) {
      Provenance p = env.replacementProvenance(sym);
      b.append("\n  replaced by ").append(replaced).append(" (")
          .append(p == null ? "unknown" : p.reason()).append(')');
    }
    boolean any = false;
    for (Guard g : guards) {
      if (g.expr().freeSymbols().contains(sym)) {
        if (!any) {
          b.append("\n  guards on it:");
          any = true;
        }
        b.append("\n    ").append(python.get(g));
        SourceLocation l = g.provenance() == null ? null : g.provenance().location();
        if (l != null) {
          b.append("  (").append(l).append(')');
        }
      }
    }
    if (!any) {
      b.append("\n  no guard mentions it");
    }
    return b.toString();
  }

  private static String boundCause(Provenance p, String otherwise) {
    if (p == null || p.reason().equals("default")) {
      return otherwise;
    }
    SourceLocation l = p.location();
    return p.reason() + (l == null ? "" : " at " + l + (l.code() == null ? ""
        : " (" + l.code().strip() + ")"));
  }

  /** Every guard as an SMT-LIB2 script (Z3's exact translation), each named by a comment. */
  public String smt2() {
    List<Expr> exprs = new ArrayList<>();
    java.util.Map<Expr, String> names = new java.util.HashMap<>();
    for (Guard g : guards) {
      exprs.add(g.expr());
      names.putIfAbsent(g.expr(), python.get(g));
    }
    return symtrace.solver.z3.Smt2Export.of(exprs, e -> names.getOrDefault(e, e.toString()));
  }

  /**
   * The irredundant equivalent set (Z3): every guard the others do not imply, in Python form,
   * in the order they were recorded; empty when the report was made without proofs.
   */
  public List<String> minimized() {
    List<String> out = new ArrayList<>();
    if (minimization == null) {
      for (Guard g : guards) {
        out.add(python.get(g));
      }
      return out;
    }
    java.util.Set<Expr> kept = new java.util.HashSet<>(minimization.kept());
    java.util.Set<Expr> seen = new java.util.HashSet<>();
    for (Guard g : guards) {
      if (kept.contains(g.expr()) && seen.add(g.expr())) {
        out.add(python.get(g));
      }
    }
    return out;
  }

  /** The guards as {@code produce_guards} gives them (PyTorch's text and order). */
  public List<String> produceGuards() {
    return produced.produced();
  }

  // ---------------------------------------------------------------------------------------
  // JSON

  public ObjectNode toJson() {
    ObjectNode root = JSON.objectNode();
    root.put("program", program);
    root.put("trace", traceSpec);
    ArrayNode symbols = root.putArray("symbols");
    for (Sym s : symbols()) {
      ObjectNode o = symbols.addObject();
      o.put("name", s.name());
      List<Source> sources = env.sources(s);
      if (sources != null && !sources.isEmpty()) {
        o.put("source", display(sources.get(0)));
      } else {
        o.putNull("source");
      }
      Object hint = env.hint(s);
      if (hint instanceof Long l) {
        o.put("hint", l);
      } else if (hint instanceof Double d) {
        o.put("hint", d);
      } else {
        o.putNull("hint");
      }
      ValueRange r = env.range(s);
      o.put("range", r == null ? "[-int_oo, int_oo]" : r.toIntervalString());
      o.put("kind", env.isUnbacked(s) ? "unbacked" : "backed");
    }
    ArrayNode specs = root.putArray("specializations");
    if (env != null) {
      for (Specialization sp : env.specializations()) {
        ObjectNode o = specs.addObject();
        o.put("symbol", sp.symbol() == null ? null : sp.symbol().name());
        ArrayNode src = o.putArray("sources");
        if (sp.sources() != null) {
          sp.sources().forEach(x -> src.add(display(x)));
        }
        o.put("value", String.valueOf(sp.value()));
        o.put("reason", sp.reason());
      }
    }
    for (String[] z : zeroOne) {
      ObjectNode o = specs.addObject();
      o.putNull("symbol");
      o.putArray("sources").add(z[0]);
      o.put("value", z[1]);
      o.put("reason", "zero_one");
    }
    for (Sym s : symbols()) {
      List<Source> sources = env.sources(s);
      for (int i = 1; sources != null && i < sources.size(); i++) {
        ObjectNode o = specs.addObject();
        o.put("symbol", s.name());
        o.putArray("sources").add(display(sources.get(i)));
        o.put("value", s.name());
        o.put("reason", "duck");
      }
    }
    ArrayNode gs = root.putArray("guards");
    for (Guard g : guards) {
      ObjectNode o = gs.addObject();
      o.put("expr", g.expr().toString());
      String py = python.get(g);
      if (py != null) {
        o.put("python", py);
      } else {
        o.putNull("python");
      }
      o.put("kind", "guard");
      putLocation(o, g.provenance());
      o.put("reason", g.provenance() == null ? "unknown" : g.provenance().reason());
      List<Expr> implied = impliedBy(g.expr());
      o.put("redundant", implied != null);
      ArrayNode by = o.putArray("implied_by");
      if (implied != null) {
        implied.forEach(e -> by.add(e.toString()));
      }
    }
    ArrayNode asserts = root.putArray("runtime_asserts");
    for (RuntimeAssert a : runtimeAsserts()) {
      ObjectNode o = asserts.addObject();
      o.put("expr", a.expr().toString());
      o.put("kind", "runtime_assert");
      o.put("message", a.message());
      putLocation(o, a.provenance());
      o.put("reason", a.provenance() == null ? "unknown" : a.provenance().reason());
    }
    ArrayNode min = root.putArray("minimized");
    minimized().forEach(min::add);
    ArrayNode pg = root.putArray("produce_guards");
    produced.produced().forEach(pg::add);
    ArrayNode sg = root.putArray("show_guards");
    produced.shown().forEach(sg::add);
    return root;
  }

  private List<RuntimeAssert> runtimeAsserts() {
    List<RuntimeAssert> out = new ArrayList<>();
    if (env != null) {
      env.deferredRuntimeAsserts().values().forEach(out::addAll);
      out.addAll(env.backedRuntimeAsserts());
    }
    return out;
  }

  /**
   * The guards the irredundant set leaves out, each as {@code python  (implied by ...)}: the
   * guards of that set that imply it, or the ranges; empty without proofs.
   */
  public List<String> dropped() {
    List<String> out = new ArrayList<>();
    java.util.Set<Expr> seen = new java.util.HashSet<>();
    for (Guard g : guards) {
      List<Expr> implied = impliedBy(g.expr());
      if (implied != null && seen.add(g.expr())) {
        String py = python.get(g);
        out.add((py != null ? py : g.expr().toString()) + "  (implied by "
            + (implied.isEmpty() ? "the ranges" : implied.toString()) + ")");
      }
    }
    return out;
  }

  private List<Expr> impliedBy(Expr guard) {
    if (minimization == null) {
      return null;
    }
    return minimization.impliedBy().get(guard);
  }

  private static void putLocation(ObjectNode o, Provenance p) {
    SourceLocation l = p == null ? null : p.location();
    if (l == null) {
      o.putNull("location");
      return;
    }
    ObjectNode loc = o.putObject("location");
    loc.put("file", l.file());
    loc.put("line", l.line());
    loc.put("col", l.column());
    loc.put("code", l.code() == null ? null : l.code().strip());
  }

  // ---------------------------------------------------------------------------------------
  // Text

  /** The report for a reader: one section per kind, a guard per entry with its cause. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(program).append(" traced at ").append(traceSpec).append("\n\nsymbols\n");
    List<Sym> syms = symbols();
    if (syms.isEmpty()) {
      b.append("  (none)\n");
    }
    for (Sym s : syms) {
      List<Source> sources = env.sources(s);
      ValueRange r = env.range(s);
      b.append("  ").append(s.name()).append("  ")
          .append(sources == null || sources.isEmpty() ? "(no source)" : display(sources.get(0)))
          .append("  hint ").append(env.hint(s))
          .append("  range ").append(r == null ? "?" : r.toIntervalString())
          .append(env.isUnbacked(s) ? "  unbacked" : "").append('\n');
    }
    b.append("\nspecializations\n");
    int specializations = 0;
    if (env != null) {
      for (Specialization sp : env.specializations()) {
        b.append("  ").append(sp.symbol() == null ? "?" : sp.symbol().name()).append(" = ")
            .append(sp.value()).append("  (").append(sp.reason()).append(")\n");
        specializations++;
      }
    }
    for (String[] z : zeroOne) {
      b.append("  ").append(z[0]).append(" = ").append(z[1])
          .append(" (0/1 specialization: sizes 0 and 1 are never symbols)\n");
      specializations++;
    }
    for (Sym s : syms) {
      List<Source> sources = env.sources(s);
      for (int i = 1; sources != null && i < sources.size(); i++) {
        b.append("  ").append(display(sources.get(i))).append(" is ").append(s.name())
            .append(", the size of ").append(display(sources.get(0)))
            .append(" (duck sizing: equal sizes share a symbol)\n");
        specializations++;
      }
    }
    if (specializations == 0) {
      b.append("  (none)\n");
    }
    b.append("\nguards\n");
    if (guards.isEmpty()) {
      b.append("  (none)\n");
    }
    int i = 1;
    for (Guard g : guards) {
      String py = python.get(g);
      b.append("  ").append(i++).append(". ").append(py != null ? py : g.expr().toString());
      if (py != null) {
        b.append("    [").append(g.expr()).append(']');
      }
      b.append('\n');
      appendCause(b, g.provenance());
      List<Expr> implied = impliedBy(g.expr());
      if (implied != null) {
        b.append("     redundant: implied by ").append(implied.isEmpty() ? "the ranges"
            : implied.toString()).append('\n');
      }
    }
    b.append("\nruntime asserts\n");
    List<RuntimeAssert> asserts = runtimeAsserts();
    if (asserts.isEmpty()) {
      b.append("  (none)\n");
    }
    for (RuntimeAssert a : asserts) {
      b.append("  ").append(a.expr()).append('\n');
      appendCause(b, a.provenance());
    }
    b.append("\nproduce_guards\n");
    for (String line : produced.produced()) {
      b.append("  ").append(line).append('\n');
    }
    return b.toString();
  }

  private static void appendCause(StringBuilder b, Provenance p) {
    if (p == null) {
      return;
    }
    SourceLocation l = p.location();
    b.append("     ");
    if (l != null) {
      b.append(l).append("  ").append(l.code() == null ? "" : l.code().strip()).append("  ");
    }
    b.append("(").append(p.reason()).append(")\n");
  }
}
