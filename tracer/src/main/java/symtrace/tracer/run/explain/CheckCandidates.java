package symtrace.tracer.run.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import symtrace.solver.Prover;
import symtrace.symbolic.env.DataDependentError;
import symtrace.symbolic.env.Guard;
import symtrace.symbolic.env.RuntimeAssert;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.ValueRange;
import symtrace.symbolic.value.SymBool;
import symtrace.tracer.lang.Program;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * The {@code torch._check}s that could let a trace past one data-dependent guard, weakest first,
 * each already proved by Z3 to decide the guard under what the trace knows: a range fact a size
 * always satisfies ({@code n >= 0}), then the guard itself and its negation. Each comes as an
 * edit of the program: the check inserted before the statement, in the program's names; or, for
 * an {@code if} whose condition has no stable name, the condition bound to a variable first.
 */
final class CheckCandidates {
  private static final Pattern IDENTIFIER_CHARS = Pattern.compile("[A-Za-z0-9_]");

  /**
   * A check to add: its condition, whether it is a range fact, which outcome of the guard it
   * forces, the edit (lines of the program it runs on), and whether the example's data
   * satisfies it (null when unknown), with the values that say so.
   */
  record Candidate(Expr check, boolean range, boolean outcome, ProgramPatch.Edit edit,
      String call, Boolean holdsForData, String data) {}

  private CheckCandidates() {}

  /**
   * The candidates for the data-dependent error {@code e} of a traced run (observed by {@code
   * traced}), the same program run eagerly on the example's data ({@code eager}, may be null).
   */
  static List<Candidate> of(ProgramRunner runner, Observation traced, Observation eager,
      DataDependentError e, Prover prover) {
    Expr c = e.condition();
    ShapeEnv env = traced.env();
    SourceLocation where = e.provenance() == null ? null : e.provenance().location();
    if (env == null || where == null) {
      return List.of();
    }
    Program program = runner.program();
    ProgramTerms terms = new ProgramTerms(program, traced, runner.parameters());
    List<Expr> facts = facts(env);
    List<Expr[]> checks = new ArrayList<>(); // {check, kind: null range, else outcome check}
    for (Sym u : sorted(c)) {
      if (env.isUnbacked(u)) {
        Expr size = Exprs.ge(u, Exprs.ZERO);
        if (!prover.prove(facts, size).isProved()) {
          checks.add(new Expr[] {size, null});
        }
      }
    }
    checks.add(new Expr[] {c, c});
    checks.add(new Expr[] {Exprs.not(c), c});
    List<Expr> kept = new ArrayList<>();
    List<Candidate> out = new ArrayList<>();
    BranchFinder.Found branch = BranchFinder.at(program, where);
    String line = program.sourceLine(where.line());
    boolean elif = line.strip().startsWith("elif");
    for (Expr[] k : checks) {
      Expr check = k[0];
      Boolean outcome = decides(prover, facts, check, c);
      if (outcome == null || equivalentToKept(prover, facts, check, kept)) {
        continue;
      }
      kept.add(check);
      boolean range = k[1] == null;
      String text = terms.print(check);
      if (text != null && !elif) {
        String call = "torch._check(" + text + ")";
        Data data = data(check, terms, env, eager);
        out.add(new Candidate(check, range, outcome, new ProgramPatch.Edit(where.line(),
            List.of(call), null), call, data.holds, data.note));
      }
      if (!range && branch != null && branch.first()) {
        Candidate hoisted = hoisted(program, traced, eager, branch, check.equals(c), check,
            outcome, where.line());
        if (hoisted != null) {
          out.add(hoisted);
        }
      }
    }
    return out;
  }

  /**
   * The {@code if} condition bound to a fresh variable first, so the check and the branch read
   * one value: {@code cond = x.nonzero().size(0) > 3}, {@code torch._check(cond)}, {@code if
   * cond:} ({@code (...).item()} for a tensor condition, as {@code if} would take it).
   */
  private static Candidate hoisted(Program program, Observation traced, Observation eager,
      BranchFinder.Found branch, boolean same, Expr check, boolean outcome, int lineNumber) {
    SourceText.Found test = SourceText.of(program, branch.branch().test());
    List<Object> values = traced.valuesOf(branch.branch().test());
    if (test == null || values.isEmpty()) {
      return null;
    }
    Object v = values.get(values.size() - 1);
    String value;
    if (v instanceof SymBool) {
      value = test.text();
    } else if (v instanceof TensorValue) {
      value = "(" + test.text() + ").item()";
    } else {
      return null;
    }
    String name = freshName(program.source(), "cond");
    // Python's `not` would ask bool() of the SymBool, a guard again; sym_not keeps it symbolic
    String call = "torch._check(" + (same ? name : "torch.sym_not(" + name + ")") + ")";
    String line = program.sourceLine(lineNumber);
    String replaced = line.substring(0, test.start()) + name + line.substring(test.end());
    Boolean taken = null;
    List<Object> data = eager == null ? List.of() : eager.valuesOf(branch.branch().test());
    if (data.size() == values.size()) {
      Object d = data.get(data.size() - 1);
      if (d instanceof Boolean b) {
        taken = b;
      } else if (d instanceof Tensor t && t.numel() == 1 && t.dtype().isBool()) {
        taken = t.itemBool();
      }
    }
    Boolean holds = taken == null ? null : taken == same;
    return new Candidate(check, false, outcome, new ProgramPatch.Edit(lineNumber,
        List.of(name + " = " + value, call), replaced), call, holds,
        taken == null ? null : test.text() + " is " + (taken ? "True" : "False"));
  }

  private record Data(Boolean holds, String note) {}

  /** Whether the example's data satisfies a check, from the eager run's values. */
  private static Data data(Expr check, ProgramTerms terms, ShapeEnv env, Observation eager) {
    Map<Sym, Object> values = new HashMap<>();
    List<String> shown = new ArrayList<>();
    for (Sym s : sorted(check)) {
      Object v = env.isUnbacked(s) ? terms.dataValue(s, eager) : env.hint(s);
      if (v == null) {
        return new Data(null, null);
      }
      values.put(s, v);
      if (env.isUnbacked(s)) {
        shown.add(terms.text(s) + " = " + v);
      }
    }
    try {
      Object r = Evaluator.evaluate(check, values);
      return new Data(Boolean.TRUE.equals(r), String.join(", ", shown));
    } catch (RuntimeException e) {
      return new Data(null, null);
    }
  }

  /** What the trace knows when it stops: ranges, guards and runtime asserts. */
  static List<Expr> facts(ShapeEnv env) {
    List<Expr> facts = new ArrayList<>();
    List<Sym> symbols = new ArrayList<>(env.symbolsWithSources());
    symbols.addAll(env.unbackedSymbols());
    for (Sym s : symbols) {
      ValueRange r = env.range(s);
      if (r != null && r.lower().isNumber() && !isInfinite(r.lower())) {
        facts.add(Exprs.le(r.lower(), s));
      }
      if (r != null && r.upper().isNumber() && !isInfinite(r.upper())) {
        facts.add(Exprs.le(s, r.upper()));
      }
    }
    for (Guard g : env.guards()) {
      facts.add(g.expr());
    }
    for (List<RuntimeAssert> as : env.deferredRuntimeAsserts().values()) {
      as.forEach(a -> facts.add(a.expr()));
    }
    env.backedRuntimeAsserts().forEach(a -> facts.add(a.expr()));
    return facts;
  }

  private static boolean isInfinite(Expr e) {
    return e.kind() == Expr.Kind.INFINITY;
  }

  /** TRUE or FALSE when the facts and the check decide {@code c}; null when they do not. */
  static Boolean decides(Prover prover, List<Expr> facts, Expr check, Expr c) {
    List<Expr> with = new ArrayList<>(facts);
    with.add(check);
    if (prover.prove(with, c).isProved()) {
      return true;
    }
    if (prover.prove(with, Exprs.not(c)).isProved()) {
      return false;
    }
    return null;
  }

  private static boolean equivalentToKept(Prover prover, List<Expr> facts, Expr check,
      List<Expr> kept) {
    for (Expr k : kept) {
      List<Expr> a = new ArrayList<>(facts);
      a.add(check);
      List<Expr> b = new ArrayList<>(facts);
      b.add(k);
      if (prover.prove(a, k).isProved() && prover.prove(b, check).isProved()) {
        return true;
      }
    }
    return false;
  }

  private static List<Sym> sorted(Expr e) {
    List<Sym> out = new ArrayList<>(e.freeSymbols());
    out.sort(java.util.Comparator.comparing(Sym::name));
    return out;
  }

  /** {@code base}, or {@code base_1}, ... whichever the program text does not use. */
  static String freshName(String source, String base) {
    for (int i = 0; ; i++) {
      String name = i == 0 ? base : base + "_" + i;
      if (!usesWord(source, name)) {
        return name;
      }
    }
  }

  private static boolean usesWord(String source, String word) {
    int from = 0;
    while (true) {
      int i = source.indexOf(word, from);
      if (i < 0) {
        return false;
      }
      boolean before = i > 0 && IDENTIFIER_CHARS.matcher(
          String.valueOf(source.charAt(i - 1))).matches();
      int end = i + word.length();
      boolean after = end < source.length() && IDENTIFIER_CHARS.matcher(
          String.valueOf(source.charAt(end))).matches();
      if (!before && !after) {
        return true;
      }
      from = i + 1;
    }
  }
}
