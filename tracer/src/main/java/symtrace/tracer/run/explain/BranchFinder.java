package symtrace.tracer.run.explain;

import java.util.List;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.lang.Program;
import symtrace.tracer.lang.Stmt;

/** The {@code if} or {@code elif} branch whose condition starts at a program location. */
final class BranchFinder {
  /** The branch, and whether it is the statement's first ({@code if}, not {@code elif}). */
  record Found(Stmt.IfBranch branch, boolean first) {}

  private BranchFinder() {}

  static Found at(Program program, SourceLocation where) {
    return where == null ? null : search(program.body(), where);
  }

  private static Found search(List<Stmt> body, SourceLocation where) {
    for (Stmt s : body) {
      Found f = null;
      if (s instanceof Stmt.Def d) {
        f = search(d.body(), where);
      } else if (s instanceof Stmt.For loop) {
        f = search(loop.body(), where);
      } else if (s instanceof Stmt.If branches) {
        f = inIf(branches, where);
      }
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static Found inIf(Stmt.If s, SourceLocation where) {
    for (int i = 0; i < s.branches().size(); i++) {
      Stmt.IfBranch b = s.branches().get(i);
      if (b.test().span().line() == where.line() && b.test().span().column() == where.column()) {
        return new Found(b, i == 0);
      }
      Found inner = search(b.body(), where);
      if (inner != null) {
        return inner;
      }
    }
    return search(s.orElse(), where);
  }
}
