package symtrace.tracer.run.log;

import java.util.ArrayList;
import java.util.List;
import symtrace.tracer.lang.Program;
import symtrace.tracer.lang.Stmt;

/**
 * Which function of a program a line belongs to, for the {@code name} of a stack frame: the
 * innermost {@code def} whose lines (from the {@code def} to its last statement) hold it, or
 * {@code <module>}.
 */
final class ProgramFunctions {
  /** A function's name and its first and last line. */
  private record Extent(String name, int first, int last) {}

  private final List<Extent> extents = new ArrayList<>();

  ProgramFunctions(Program program) {
    collect(program.body());
  }

  private void collect(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Def def) {
        extents.add(new Extent(def.name(), def.span().line(), lastLine(def.body(),
            def.span().line())));
      }
      for (List<Stmt> inner : bodies(s)) {
        collect(inner);
      }
    }
  }

  private static List<List<Stmt>> bodies(Stmt s) {
    List<List<Stmt>> out = new ArrayList<>();
    if (s instanceof Stmt.Def def) {
      out.add(def.body());
    } else if (s instanceof Stmt.If i) {
      i.branches().forEach(b -> out.add(b.body()));
      out.add(i.orElse());
    } else if (s instanceof Stmt.For f) {
      out.add(f.body());
    }
    return out;
  }

  private static int lastLine(List<Stmt> body, int atLeast) {
    int last = atLeast;
    for (Stmt s : body) {
      last = Math.max(last, s.span().line());
      for (List<Stmt> inner : bodies(s)) {
        last = Math.max(last, lastLine(inner, last));
      }
    }
    return last;
  }

  /** The name of the innermost function holding {@code line}. */
  String at(int line) {
    Extent best = null;
    for (Extent e : extents) {
      if (e.first <= line && line <= e.last
          && (best == null || e.last - e.first < best.last - best.first)) {
        best = e;
      }
    }
    return best == null ? "<module>" : best.name;
  }
}
