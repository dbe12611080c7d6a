package symtrace.tracer.run.explain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import symtrace.solver.Prover;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.env.DataDependentError;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.lang.Program;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.TracingMode;

/**
 * The {@code torch._check}s that let a trace stopped by a data-dependent guard finish. Each
 * candidate ({@link CheckCandidates}: proved by Z3 to decide the guard) is inserted into the
 * program, which is traced again at the same example input; when tracing then stops at another
 * data-dependent guard, a check for that one is added too (the one the example's data
 * satisfies, up to {@value #MAX_CHECKS} checks), so a fix is the whole set that lets tracing
 * finish. Only fixes whose trace finished are reported.
 */
public final class DataDependentFixes {
  private static final int MAX_CHECKS = 4;

  /** A verified fix: its first check, the edits (in the original program's lines), the data. */
  public record Fix(CheckCandidates.Candidate first, List<ProgramPatch.Edit> edits) {}

  private final Program program;
  private final DataDependentError error;
  private final String subject;
  private final List<Fix> fixes;
  private final List<String> tried;

  private DataDependentFixes(Program program, DataDependentError error, String subject,
      List<Fix> fixes, List<String> tried) {
    this.program = program;
    this.error = error;
    this.subject = subject;
    this.fixes = fixes;
    this.tried = tried;
  }

  /**
   * The verified fixes for {@code error}, raised by tracing {@code runner}'s program at the
   * inputs {@code traceSpec}.
   */
  public static DataDependentFixes suggest(ProgramRunner runner, String traceSpec,
      DataDependentError error) {
    Observation traced = new Observation();
    DataDependentError e = error;
    try {
      runner.trace(runner.inputs(traceSpec), TracingMode.SYMBOLIC, traced);
    } catch (DataDependentError again) {
      e = again;
    }
    Observation eager = eager(runner, traceSpec);
    List<Fix> fixes = new ArrayList<>();
    List<String> tried = new ArrayList<>();
    String subject = null;
    try (Prover prover = Z3Prover.create()) {
      ProgramTerms terms = new ProgramTerms(runner.program(), traced, runner.parameters());
      subject = subject(e, terms, runner.program(), traced);
      Set<String> seen = new HashSet<>();
      seen.add(key(e, -1));
      List<symtrace.symbolic.expr.Expr> fixed = new ArrayList<>();
      for (CheckCandidates.Candidate c : CheckCandidates.of(runner, traced, eager, e, prover)) {
        if (fixed.contains(c.check())) {
          continue; // the same check in another form verified already
        }
        ProgramPatch patch = ProgramPatch.of(runner.program().source()).with(c.edit());
        Outcome o = verify(runner, traceSpec, patch, seen, 1, prover);
        if (o.patch() != null) {
          fixes.add(new Fix(c, o.patch().edits()));
          fixed.add(c.check());
        } else {
          tried.add(c.call() + ": " + o.failure());
        }
      }
    }
    return new DataDependentFixes(runner.program(), e, subject, fixes, tried);
  }

  public List<Fix> fixes() {
    return fixes;
  }

  /**
   * The fixes as data, for {@code run --format json}: per fix the check, whether every size or
   * the example's data satisfies it, and the program edits, each a line with the lines to put
   * before it (and the line's replacement, when the condition had to be bound to a name first).
   */
  public ArrayNode toJson() {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Fix f : fixes) {
      ObjectNode o = out.addObject();
      CheckCandidates.Candidate c = f.first();
      o.put("check", c.call());
      o.put("every_size_satisfies", c.range());
      if (c.holdsForData() == null) {
        o.putNull("example_data_satisfies");
      } else {
        o.put("example_data_satisfies", c.holdsForData());
      }
      ArrayNode edits = o.putArray("edits");
      for (ProgramPatch.Edit edit : f.edits()) {
        ObjectNode e = edits.addObject();
        e.put("line", edit.line());
        ArrayNode before = e.putArray("insert_before");
        edit.before().forEach(before::add);
        if (edit.replacement() == null) {
          e.putNull("replace_with");
        } else {
          e.put("replace_with", edit.replacement());
        }
      }
    }
    return out;
  }

  /**
   * The fix as text to follow the error: each verified set of checks, where it goes and whether
   * the example's data satisfies it; or, when none verified, that plainly, with what was tried.
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    String cond = error.condition().toString();
    if (subject != null) {
      b.append("\n").append(subject);
    }
    if (fixes.isEmpty()) {
      b.append("\nno torch._check verified to let tracing finish");
      if (!tried.isEmpty()) {
        b.append(" (tried ").append(String.join("; ", tried)).append(')');
      } else {
        b.append(": ").append(unwritable());
      }
      return b.append('.').toString();
    }
    b.append("\nto let tracing finish, add ").append(fixes.size() == 1 ? "this check"
        : "one of these checks").append(" (verified: Z3 proves it decides ").append(cond)
        .append(", and tracing again with it, and any further check listed, finishes):");
    int i = 1;
    for (Fix f : fixes) {
      b.append("\n  ").append(i++).append(". ");
      CheckCandidates.Candidate c = f.first();
      ProgramPatch.Edit first = f.edits().stream().filter(x -> x.line() == c.edit().line())
          .findFirst().orElse(c.edit());
      b.append(describe(first));
      if (c.range()) {
        b.append("\n     every size satisfies it");
      } else if (c.holdsForData() != null) {
        b.append("\n     the example input's data ").append(c.holdsForData() ? "satisfies it"
            : "does not satisfy it").append(c.data() == null || c.data().isEmpty() ? ""
            : " (" + c.data() + ")");
      }
      for (ProgramPatch.Edit edit : f.edits()) {
        if (edit != first) {
          b.append("\n     and then ").append(describe(edit)).append(", where tracing stops"
              + " next");
        }
      }
    }
    return b.toString();
  }

  /** Why no check could be written at all. */
  private String unwritable() {
    SourceLocation at = error.provenance() == null ? null : error.provenance().location();
    if (at == null) {
      return "the error names no program line to put a check before";
    }
    if (program.sourceLine(at.line()).strip().startsWith("elif")) {
      return "it is asked by an elif condition (" + at + "), before which no statement can go";
    }
    return "no program expression evaluated to " + error.condition().freeSymbols().stream()
        .map(symtrace.symbolic.expr.Sym::name).sorted().toList() + " before " + at
        + ", so no check can name it";
  }

  /** {@code torch._check(n > 3) before f.py:7 (if n > 3:)}, or the lines that replace one. */
  private String describe(ProgramPatch.Edit edit) {
    String line = program.sourceLine(edit.line());
    String at = program.file() + ":" + edit.line();
    if (edit.replacement() == null) {
      return String.join("; ", edit.before()) + " before " + at + " (" + line.strip() + ")";
    }
    StringBuilder b = new StringBuilder("at ").append(at).append(", instead of `")
        .append(line.strip()).append("`:");
    for (String s : ProgramPatch.shown(edit, line)) {
      b.append("\n       ").append(s.strip().isEmpty() ? s : s.substring(
          ProgramPatch.indentation(line).length()));
    }
    return b.toString();
  }

  /**
   * {@code u0 is n (f.py:6:5)}: the guard's unbacked symbols in the program's words; for an
   * {@code if} on a tensor, the tensor whose truth it reads.
   */
  private static String subject(DataDependentError e, ProgramTerms terms, Program program,
      Observation traced) {
    List<String> parts = new ArrayList<>();
    for (symtrace.symbolic.expr.Sym s : e.condition().freeSymbols()) {
      ProgramTerms.Term t = terms.term(s);
      if (t != null) {
        parts.add(s.name() + " is " + t.text() + " (" + t.node().span() + ")");
      }
    }
    parts.sort(String::compareTo);
    if (parts.isEmpty() && e.provenance() != null) {
      BranchFinder.Found b = BranchFinder.at(program, e.provenance().location());
      List<Object> values = b == null ? List.of() : traced.valuesOf(b.branch().test());
      SourceText.Found text = b == null ? null : SourceText.of(program, b.branch().test());
      if (text != null && !values.isEmpty()
          && values.get(values.size() - 1) instanceof symtrace.tracer.tensor.TensorValue) {
        return "the condition is the truth of the tensor " + text.text() + " ("
            + b.branch().test().span() + "), read from its data";
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /** A verification: the patch whose trace finished (null if none), or why not. */
  private record Outcome(ProgramPatch patch, String failure) {}

  /**
   * Traces the patched program. A further data-dependent guard, when new, gets a check of its
   * own (recursively); the outcome is the first patch whose trace finishes.
   */
  private static Outcome verify(ProgramRunner runner, String spec, ProgramPatch patch,
      Set<String> seen, int checks, Prover prover) {
    Attempt a = attempt(runner, spec, patch);
    if (a.failure() != null) {
      return new Outcome(null, a.failure());
    }
    if (a.error() == null) {
      return new Outcome(patch, null);
    }
    DataDependentError e = a.error();
    int line = lineOf(e);
    int original = line < 0 ? -1 : patch.originalLine(line);
    String key = key(e, original);
    String stops = "tracing again still stops at " + (original < 0 ? "an inserted line"
        : runner.program().file() + ":" + original) + " on " + e.condition();
    if (original < 0 || seen.contains(key) || checks >= MAX_CHECKS) {
      return new Outcome(null, stops);
    }
    Set<String> more = new HashSet<>(seen);
    more.add(key);
    for (CheckCandidates.Candidate c : followUps(a, e, prover)) {
      int at = patch.originalLine(c.edit().line());
      ProgramPatch next = at < 0 ? null
          : patch.with(new ProgramPatch.Edit(at, c.edit().before(), c.edit().replacement()));
      if (next != null) {
        Outcome o = verify(runner, spec, next, more, checks + 1, prover);
        if (o.patch() != null) {
          return o;
        }
      }
    }
    return new Outcome(null, stops + ", and no further check verified");
  }

  /** A further check's candidates, best first: a range fact, then what the data does. */
  private static List<CheckCandidates.Candidate> followUps(Attempt a, DataDependentError e,
      Prover prover) {
    List<CheckCandidates.Candidate> all = new ArrayList<>(CheckCandidates.of(a.runner(),
        a.traced(), eager(a.runner(), a.spec()), e, prover));
    all.sort(java.util.Comparator.comparingInt(c -> c.range() ? 0
        : Boolean.TRUE.equals(c.holdsForData()) ? 1 : 2));
    return all;
  }

  /** One trace of a patched program: the error it stopped at, or why it could not run. */
  private record Attempt(ProgramRunner runner, String spec, Observation traced,
      DataDependentError error, String failure) {}

  private static Attempt attempt(ProgramRunner original, String spec, ProgramPatch patch) {
    ProgramRunner runner;
    try {
      runner = ProgramRunner.parse(original.program().file(), patch.apply());
    } catch (SymtraceException e) {
      return new Attempt(null, spec, null, null, "the program with it does not parse: "
          + firstLine(e.getMessage()));
    }
    Observation traced = new Observation();
    try {
      runner.trace(runner.inputs(spec), TracingMode.SYMBOLIC, traced);
      return new Attempt(runner, spec, traced, null, null);
    } catch (DataDependentError e) {
      return new Attempt(runner, spec, traced, e, null);
    } catch (SymtraceException e) {
      return new Attempt(runner, spec, traced, null, "tracing again fails: "
          + firstLine(e.getMessage()));
    }
  }

  private static Observation eager(ProgramRunner runner, String spec) {
    Observation eager = new Observation();
    try {
      runner.eager(runner.inputs(spec), eager);
      return eager;
    } catch (RuntimeException e) {
      return null; // without the data, no check is said to hold for it
    }
  }

  private static int lineOf(DataDependentError e) {
    SourceLocation l = e.provenance() == null ? null : e.provenance().location();
    return l == null ? -1 : l.line();
  }

  /** A data-dependent guard by line and condition, whatever its unbacked symbols' numbers. */
  private static String key(DataDependentError e, int line) {
    return (line < 0 ? lineOf(e) : line) + ":" + e.condition().toString()
        .replaceAll("\\bu\\d+\\b", "u");
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().split("\\R", 2)[0];
  }
}
