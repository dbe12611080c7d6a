package symtrace.tracer.run.explain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.print.PythonPrinter;
import symtrace.tracer.run.ProgramRunner;

/**
 * A {@code torch._check} for the first failing guard, at the line that recorded it: the guard
 * in the program's names, inserted before that line, the program traced again at the same
 * example input. It is offered when the checked input then passes the new guards; otherwise
 * what happened is a note (on input sizes a check is recorded as a guard too, so it cannot
 * widen what a trace accepts).
 */
final class GuardCheck {
  private GuardCheck() {}

  static void of(CheckContext c, CheckContext.FailingLine line, FailureOrigin origin,
      List<CheckFixes.Fix> fixes, List<String> notes) {
    ProducedGuard g = line.guard();
    if (g == null || g.kind() != ProducedGuard.Kind.GUARD || !origin.kind().equals("guard")) {
      return;
    }
    SourceLocation at = origin.location();
    String code = c.runner().program().sourceLine(at.line());
    if (at.equals(c.runner().entryLocation()) || code.strip().startsWith("elif")) {
      return; // no statement of its own to put the check before
    }
    Map<Sym, String> names = new HashMap<>();
    for (Sym s : g.expr().freeSymbols()) {
      Source src = c.guards().guardSet().binders().get(s);
      if (src == null) {
        return;
      }
      names.put(s, InputSources.programText(src));
    }
    String call = "torch._check(" + PythonPrinter.print(g.expr(), names::get) + ")";
    ProgramPatch.Edit edit = new ProgramPatch.Edit(at.line(), List.of(call), null);
    String where = call + " before " + at.file() + ":" + at.line() + FailureOrigin.code(at);
    Retrace.Result r;
    try {
      ProgramRunner patched = ProgramRunner.parse(c.runner().program().file(),
          ProgramPatch.of(c.runner().program().source()).with(edit).apply());
      r = Retrace.at(patched, c.example().spec());
    } catch (SymtraceException e) {
      return;
    }
    if (!r.ok()) {
      notes.add(where + " does not help: tracing with it fails (" + r.failure() + ").");
      return;
    }
    List<String> still = r.failing(c.input());
    if (still.isEmpty()) {
      fixes.add(new CheckFixes.Fix("torch_check", "add " + where, List.of("traced again with"
          + " it at " + r.spec() + ": its guards accept " + c.input().spec()), null,
          ProgramPatch.shown(edit, code), true));
    } else {
      notes.add(where + " does not change it: traced again with it, " + c.input().spec()
          + " still fails " + still.get(0) + " (on input sizes a torch._check is recorded as a"
          + " guard too).");
    }
  }
}
