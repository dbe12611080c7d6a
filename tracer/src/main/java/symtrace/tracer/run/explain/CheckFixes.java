package symtrace.tracer.run.explain;

import java.util.ArrayList;
import java.util.List;
import symtrace.solver.Prover;
import symtrace.solver.Verdict;
import symtrace.solver.z3.Z3Prover;

/**
 * What would make a trace accept an input it rejects, each checked before it is offered: another
 * example input (traced again, and the input passes the new guards; Z3 says whether they accept
 * everything the current ones do), a dimension kept dynamic ({@link DynamicAdvice}), a {@code
 * torch._check} ({@link GuardCheck}). What was tried and does not work is said too, as a note.
 */
final class CheckFixes {
  /**
   * A verified fix.
   *
   * @param kind {@code example_input}, {@code dynamic} or {@code torch_check}
   * @param text what to do
   * @param verified what was checked, one sentence each
   * @param exampleInput the example input to trace with, when there is one
   * @param edits the program lines to add, when the fix is an edit
   * @param complete whether the checked input then passes every guard (else only the first
   *     failing one is fixed)
   */
  record Fix(String kind, String text, List<String> verified, String exampleInput,
      List<String> edits, boolean complete) {}

  /** The verified fixes, and verified statements of what does not help. */
  record Result(List<Fix> fixes, List<String> notes) {}

  private CheckFixes() {}

  static Result of(CheckContext c, List<CheckContext.FailingLine> failing, FailureOrigin first) {
    List<Fix> fixes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try (Prover prover = Z3Prover.create()) {
      Fix example = exampleInput(c, failing, prover, notes);
      if (example != null) {
        fixes.add(example);
      }
      if (c.rankChanged().isEmpty()) { // both read the input's sizes where the guard does
        DynamicAdvice.of(c, failing.get(0), first, fixes, notes);
        GuardCheck.of(c, failing.get(0), first, fixes, notes);
      }
    }
    return new Result(fixes, notes);
  }

  /**
   * The best example input that verifies: one under which the input passes the new guards,
   * preferring one under which the current example does too, and then the checked input itself.
   */
  private static Fix exampleInput(CheckContext c, List<CheckContext.FailingLine> failing,
      Prover prover, List<String> notes) {
    Fix keeping = null;
    Fix other = null;
    for (ExampleInputs.Candidate k : ExampleInputs.of(c, failing)) {
      Retrace.Result r = Retrace.at(c.runner(), k.spec());
      if (!r.ok() && k.isInput()) {
        notes.add("the program itself fails on " + k.spec() + ": tracing at it stops with "
            + r.failure());
      }
      if (!r.ok() || !r.failing(c.input()).isEmpty()) {
        continue;
      }
      List<String> verified = new ArrayList<>();
      verified.add("traced again at " + r.spec() + ": its guards accept " + c.input().spec());
      List<String> lost = r.failing(c.example());
      if (lost.isEmpty()) {
        verified.add("they accept the current example " + c.example().spec() + " too");
        verified.add(generality(c, r, prover));
      } else {
        verified.add("the current example " + c.example().spec() + " fails them (" + lost.get(0)
            + "): one trace cannot cover both");
      }
      Fix f = new Fix("example_input", "trace with " + r.spec() + " (" + k.how() + ")",
          verified, r.spec(), List.of(), true);
      if (lost.isEmpty() && keeping == null) {
        keeping = f;
      } else if (other == null) {
        other = f;
      }
    }
    return keeping != null ? keeping : other;
  }

  /** Z3's word on whether the new guards accept every input the current ones accept. */
  private static String generality(CheckContext c, Retrace.Result r, Prover prover) {
    SourceFacts.Variables vars = new SourceFacts.Variables();
    SourceFacts now = SourceFacts.of(c.guards(), vars);
    SourceFacts then = SourceFacts.of(r.guards(), vars);
    SourceFacts.Implication i = now.implies(then, prover, vars);
    if (i.outcome() == Verdict.Outcome.PROVED) {
      return "Z3 proves they accept every input the current guards accept";
    }
    if (i.outcome() == Verdict.Outcome.REFUTED) {
      return "they do not accept every input the current guards accept (Z3: " + i.counterexample()
          + " fails " + i.failedLine() + ")";
    }
    return "Z3 could not decide whether they accept every input the current guards accept";
  }
}
