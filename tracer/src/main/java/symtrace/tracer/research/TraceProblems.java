package symtrace.tracer.research;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import symtrace.solver.decompose.Decompositions;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.decompose.Tracked.Producer;
import symtrace.solver.research.AnswerCheck;
import symtrace.solver.research.BenchRun;
import symtrace.solver.research.Category;
import symtrace.solver.research.GroundTruth;
import symtrace.solver.research.Problem;
import symtrace.solver.research.ReferenceSolution;
import symtrace.solver.research.Witness;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.env.Guard;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.ValueRange;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.fx.Node;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * Problems from real traces: each program is traced symbolically at its {@code # trace:}
 * inputs, and the graph is cut as a graph break would cut it, just before each node that reads
 * a SymInt. The graph after the cut receives what crossed: the tensors still used later, whose
 * sizes become its inputs' sizes (in mode {@code sizes}, and in mode {@code values} also the
 * SymInts still used later, as values from another graph). The symbol bindings of the first
 * graph ({@code sym_size} of its inputs) are hidden; every SymInt used after the cut must be
 * rebuilt from what crossed.
 *
 * <p>The ground truth is honest: a target whose symbols each crossed by itself (some tracked
 * value is exactly that symbol) is solvable, by the walk over those values; a target with a
 * symbol in no tracked value, or that a {@link Witness} shows undetermined, is impossible; any
 * other target has no known ground truth and is not kept ({@link Result#undetermined()} counts
 * them). The facts are the trace's guards and the symbols' ranges that share a symbol with the
 * problem.
 */
public final class TraceProblems {
  /** The problems, and how many cuts produced targets that were left out. */
  public record Result(List<Problem> problems, int programs, int untraceable, int undetermined) {}

  private TraceProblems() {}

  /** The problems of every program that traces; a program that does not trace is counted. */
  public static Result of(List<Path> programs) {
    return of(programs, BenchRun.Progress.NONE);
  }

  /** As {@link #of(List)}, telling {@code progress} before each program. */
  public static Result of(List<Path> programs, BenchRun.Progress progress) {
    List<Problem> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int untraceable = 0;
    int[] undetermined = {0};
    try (AnswerCheck checker = new AnswerCheck()) {
      for (int i = 0; i < programs.size(); i++) {
        progress.update("tracing programs", i, programs.size());
        Path program = programs.get(i);
        Traced traced = trace(program);
        if (traced == null) {
          untraceable++; // no trace header, or data-dependent: PyTorch fails on it too
          continue;
        }
        String name = program.getFileName().toString().replaceFirst("\\.py$", "");
        try (ShapeEnv env = traced.trace().shapeEnv()) {
          extract(name, traced.spec(), traced.trace(), env, out, seen, undetermined, checker);
        }
      }
    }
    return new Result(out, programs.size(), untraceable, undetermined[0]);
  }

  /** A symbolic trace and the inputs it was traced at. */
  private record Traced(Trace trace, String spec) {}

  /** The program traced at its {@code # trace:} inputs, or null when it cannot be. */
  private static Traced trace(Path program) {
    try {
      ProgramRunner runner = ProgramRunner.load(program);
      if (runner.traceHeader() == null) {
        return null;
      }
      ProgramRunner.Inputs inputs = runner.inputs(runner.traceHeader());
      return new Traced(runner.trace(inputs, TracingMode.SYMBOLIC), inputs.spec());
    } catch (SymtraceException e) {
      return null;
    }
  }

  private static void extract(String program, String spec, Trace trace, ShapeEnv env,
      List<Problem> out, Set<String> seen, int[] undetermined, AnswerCheck checker) {
    List<Node> nodes = trace.module().graph().nodes();
    Map<Node, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i), i);
    }
    int[] lastUse = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      for (Node user : nodes.get(i).users()) {
        lastUse[i] = Math.max(lastUse[i], index.getOrDefault(user, 0));
      }
    }
    for (int cut = 0; cut < nodes.size(); cut++) {
      if (!readsSymInt(nodes.get(cut))) {
        continue;
      }
      List<Expr> targets = targets(nodes, cut);
      for (String mode : List.of("sizes", "values")) {
        List<Tracked> tracked = crossing(nodes, lastUse, cut, mode.equals("values"));
        int k = 0;
        for (Expr target : targets) {
          List<Expr> facts = facts(env, symbols(target, tracked));
          if (!seen.add(key(target, tracked, facts))) {
            continue;
          }
          String cutNode = nodes.get(cut).name();
          String id = "real-trace/" + program + "/" + cutNode + "/" + mode + "-" + (++k);
          Problem p = problem(id, mode, program, spec, cutNode, target, tracked, facts, checker);
          if (p == null) {
            undetermined[0]++;
          } else {
            out.add(p);
          }
        }
      }
    }
  }

  private static Set<Sym> symbols(Expr target, List<Tracked> tracked) {
    Set<Sym> out = new LinkedHashSet<>(target.freeSymbols());
    for (Tracked t : tracked) {
      out.addAll(t.expr().freeSymbols());
    }
    return out;
  }

  /** Whether a node reads a SymInt argument (directly or in a list). */
  private static boolean readsSymInt(Node n) {
    for (Node in : n.inputs()) {
      if (in.val() instanceof SymInt s && !s.isConstant()) {
        return true;
      }
    }
    return false;
  }

  /**
   * What crossed the cut: for each node before it that a node after it uses, the sizes of a
   * tensor (as the next graph's inputs' sizes) and, in mode {@code values}, a SymInt (as a
   * value from another graph). One tracked value per (expression, producer), the first.
   */
  private static List<Tracked> crossing(List<Node> nodes, int[] lastUse, int cut, boolean values) {
    List<Tracked> out = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    int position = 0;
    for (int i = 0; i < cut; i++) {
      if (lastUse[i] < cut) {
        continue;
      }
      Node n = nodes.get(i);
      if (n.val() instanceof TensorValue t) {
        List<SymInt> sizes = t.symSizes();
        for (int d = 0; d < sizes.size(); d++) {
          Expr e = sizes.get(d).expr();
          if (!e.isConstant() && kept.add(e + "@input")) {
            out.add(new Tracked(n.name() + "_size" + d, e, Producer.INPUT_SIZE, position));
          }
        }
        position++;
      } else if (values && n.val() instanceof SymInt s && !s.isConstant()) {
        if (kept.add(s.expr() + "@value")) {
          out.add(new Tracked(n.name(), s.expr(), Producer.OTHER_GRAPH, position));
        }
        position++;
      }
    }
    return out;
  }

  /** The distinct SymInt expressions read by the nodes from the cut on. */
  private static List<Expr> targets(List<Node> nodes, int cut) {
    Set<Expr> out = new LinkedHashSet<>();
    for (Node n : nodes.subList(cut, nodes.size())) {
      for (Node in : n.inputs()) {
        if (in.val() instanceof SymInt s && !s.isConstant()) {
          out.add(s.expr());
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The problem with its ground truth, or null when none is known. */
  private static Problem problem(String id, String mode, String program, String spec,
      String cutNode, Expr target, List<Tracked> tracked, List<Expr> facts, AnswerCheck checker) {
    Set<Sym> symbols = new LinkedHashSet<>(target.freeSymbols());
    for (Tracked t : tracked) {
      symbols.addAll(t.expr().freeSymbols());
    }
    for (Sym s : symbols) {
      if (!s.isIntegerSymbol()) {
        return null;
      }
    }
    List<Tracked> relevant = new ArrayList<>(tracked);
    String note = "cut before " + cutNode + " (" + mode + " crossed)";
    String origin = program + ".py traced at " + spec;
    Map<Sym, Tracked> bySymbol = new LinkedHashMap<>();
    for (Tracked t : relevant) {
      if (t.expr() instanceof Sym s) {
        Tracked before = bySymbol.get(s);
        if (before == null || Decompositions.readCost(t) < Decompositions.readCost(before)) {
          bySymbol.put(s, t);
        }
      }
    }
    Problem probe = new Problem(id, Category.REAL_TRACE, mode, note, target, relevant, facts,
        GroundTruth.impossible("probe"), origin);
    List<Sym> missing = Decompositions.missingSymbols(target, relevant);
    if (!missing.isEmpty()) {
      String reason = missing.get(0) + " crossed in no value";
      return Witness.find(probe).isPresent()
          ? withTruth(probe, GroundTruth.impossible(reason)) : null;
    }
    if (bySymbol.keySet().containsAll(target.freeSymbols())) {
      Map<Sym, Expr> names = new LinkedHashMap<>();
      bySymbol.forEach((s, t) -> names.put(s, Sym.integer(t.name())));
      Expr solution = target.subs(names);
      int cost = Decompositions.cost(solution, relevant);
      return withTruth(probe, GroundTruth.solvable(solution, cost));
    }
    Optional<Expr> reference = ReferenceSolution.find(probe, checker);
    if (reference.isPresent()) {
      Expr solution = reference.get();
      int cost = Decompositions.cost(solution, relevant);
      return withTruth(probe, GroundTruth.solvable(solution, cost));
    }
    if (Witness.find(probe).isPresent()) {
      return withTruth(probe,
          GroundTruth.impossible("the values that crossed do not determine it"));
    }
    return null;
  }

  private static Problem withTruth(Problem p, GroundTruth truth) {
    return new Problem(p.id(), p.category(), p.kind(), p.note(), p.target(), p.tracked(), p.facts(),
        truth, p.origin());
  }

  /** The guards and finite range bounds that mention one of {@code symbols}. */
  private static List<Expr> facts(ShapeEnv env, Set<Sym> symbols) {
    List<Expr> out = new ArrayList<>();
    for (Guard g : env.guards()) {
      if (!Collections.disjoint(g.expr().freeSymbols(), symbols) && !out.contains(g.expr())) {
        out.add(g.expr());
      }
    }
    for (Sym s : symbols) {
      ValueRange r = env.range(s);
      if (r == null) {
        continue;
      }
      if (!(r.lower() instanceof Infinity)) {
        out.add(Exprs.ge(s, r.lower()));
      }
      if (!(r.upper() instanceof Infinity)) {
        out.add(Exprs.le(s, r.upper()));
      }
    }
    out.removeIf(f -> f == symtrace.symbolic.expr.BoolLit.TRUE);
    return out;
  }

  /** What makes two real-trace problems the same: target, tracked expressions, facts. */
  private static String key(Expr target, List<Tracked> tracked, List<Expr> facts) {
    List<String> values = new ArrayList<>();
    for (Tracked t : tracked) {
      values.add(t.expr() + "@" + t.producer());
    }
    Collections.sort(values);
    return target + "|" + values + "|" + facts;
  }
}
