package symtrace.tracer.run.explain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.Trace;

/**
 * {@code symtrace guards --check SPECS}: the guard lines a concrete input fails, where in the
 * program each comes from ({@link FailureOrigin}), the first explained, and the verified fixes
 * ({@link CheckFixes}), as text and as JSON fields.
 */
public final class CheckReport {
  private final ProgramRunner.Inputs input;
  private final List<String> failing = new ArrayList<>();
  private final List<FailureOrigin> origins = new ArrayList<>();
  private final CheckFixes.Result fixes;

  private CheckReport(CheckContext c, boolean suggest) {
    this.input = c.input();
    List<CheckContext.FailingLine> lines = c.failing();
    for (CheckContext.FailingLine line : lines) {
      failing.add(line.python());
      origins.add(FailureOrigin.of(c, line));
    }
    this.fixes = suggest && !lines.isEmpty() ? CheckFixes.of(c, lines, origins.get(0)) : null;
  }

  /**
   * The check of {@code input} against the guards of {@code trace}, made by tracing {@code
   * runner}'s program at {@code example}.
   *
   * @param suggest whether to look for fixes (traces the program again, loads Z3)
   */
  public static CheckReport of(ProgramRunner runner, ProgramRunner.Inputs example, Trace trace,
      ProgramRunner.Inputs input, boolean suggest) {
    return new CheckReport(CheckContext.of(runner, example, trace, input), suggest);
  }

  /** The failing lines, in {@code produce_guards} order, then the bool inputs. */
  public List<String> failing() {
    return failing;
  }

  /** The fixes found, or null when none were looked for. */
  CheckFixes.Result fixes() {
    return fixes;
  }

  /** Where each failing line comes from, in the same order. */
  public List<FailureOrigin> origins() {
    return origins;
  }

  /** The text after the guard report: the failing lines, the first explained, the fixes. */
  public String text() {
    StringBuilder b = new StringBuilder("\n");
    if (failing.isEmpty()) {
      return b.append(input.spec()).append(" passes every guard\n").toString();
    }
    b.append(input.spec()).append(" fails ").append(failing.size()).append(" guard(s):\n");
    for (FailureOrigin o : origins) {
      b.append("  ").append(o.guard()).append("    (").append(o.kind()).append(", ")
          .append(o.location()).append(")\n");
    }
    b.append("\nthe first, explained: ").append(origins.get(0).text()).append('\n');
    b.append("  symtrace run traces the program again for such an input.\n");
    if (fixes == null) {
      return b.toString();
    }
    List<CheckFixes.Fix> complete = fixes.fixes().stream().filter(CheckFixes.Fix::complete)
        .toList();
    List<CheckFixes.Fix> partial = fixes.fixes().stream().filter(f -> !f.complete()).toList();
    if (complete.isEmpty()) {
      b.append("\nno fix verified: no other example input, dynamic dimension or torch._check"
          + " that was tried makes the trace accept ").append(input.spec()).append(".\n");
    } else {
      b.append("\nwhat would change the outcome (each verified by tracing again):\n");
      appendFixes(b, complete);
    }
    if (!partial.isEmpty()) {
      b.append("\nfor the first guard alone (verified by tracing again):\n");
      appendFixes(b, partial);
    }
    if (!fixes.notes().isEmpty()) {
      b.append("\nwhat does not help (verified):\n");
      fixes.notes().forEach(n -> b.append("  - ").append(n).append('\n'));
    }
    return b.toString();
  }

  private static void appendFixes(StringBuilder b, List<CheckFixes.Fix> fixes) {
    int i = 1;
    for (CheckFixes.Fix f : fixes) {
      b.append("  ").append(i++).append(". ").append(f.text()).append('\n');
      for (String e : f.edits()) {
        b.append("       ").append(e).append('\n');
      }
      for (String v : f.verified()) {
        b.append("     - ").append(v).append('\n');
      }
    }
  }

  /**
   * Adds the check to a JSON report: {@code check_failed} (the lines), {@code check_origins}
   * (each with kind, location and why), {@code check_explanation} (the first, as text), {@code
   * fixes} and {@code fix_notes}.
   */
  public void putJson(ObjectNode json) {
    ArrayNode failed = json.putArray("check_failed");
    failing.forEach(failed::add);
    ArrayNode os = json.putArray("check_origins");
    for (FailureOrigin o : origins) {
      ObjectNode n = os.addObject();
      n.put("guard", o.guard());
      n.put("kind", o.kind());
      putLocation(n.putObject("location"), o.location());
      n.put("there", o.there());
      n.put("why", o.why());
    }
    if (!origins.isEmpty()) {
      json.put("check_explanation", origins.get(0).text());
    }
    if (fixes == null) {
      return;
    }
    ArrayNode fs = json.putArray("fixes");
    for (CheckFixes.Fix f : fixes.fixes()) {
      ObjectNode n = fs.addObject();
      n.put("kind", f.kind());
      n.put("text", f.text());
      n.put("complete", f.complete());
      if (f.exampleInput() != null) {
        n.put("example_input", f.exampleInput());
      }
      ArrayNode edits = n.putArray("edits");
      f.edits().forEach(edits::add);
      ArrayNode verified = n.putArray("verified");
      f.verified().forEach(verified::add);
    }
    ArrayNode notes = json.putArray("fix_notes");
    if (fixes.fixes().stream().noneMatch(CheckFixes.Fix::complete)) {
      notes.add("no fix verified");
    }
    fixes.notes().forEach(notes::add);
  }

  private static void putLocation(ObjectNode loc, SourceLocation l) {
    loc.put("file", l.file());
    loc.put("line", l.line());
    loc.put("col", l.column());
    loc.put("code", l.code() == null ? null : l.code().strip());
  }
}
