package symtrace.tracer.lang;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a function binds (its locals, as Python decides them at compile time): its
 * parameters and every name assigned, looped over, defined or imported in its body, nested
 * blocks included, nested functions' bodies excluded.
 */
final class LocalNames {
  private LocalNames() {}

  static Set<String> of(Stmt.Def def) {
    Set<String> names = new HashSet<>();
    def.params().forEach(p -> names.add(p.name()));
    collect(def.body(), names);
    return names;
  }

  private static void collect(List<Stmt> body, Set<String> names) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Assign a) {
        a.targets().forEach(t -> target(t, names));
      } else if (s instanceof Stmt.AugAssign a) {
        target(a.target(), names);
      } else if (s instanceof Stmt.For f) {
        target(f.target(), names);
        collect(f.body(), names);
      } else if (s instanceof Stmt.If i) {
        i.branches().forEach(b -> collect(b.body(), names));
        collect(i.orElse(), names);
      } else if (s instanceof Stmt.Def d) {
        names.add(d.name());
      } else if (s instanceof Stmt.Import imp) {
        imp.names().forEach(a -> names.add(a.asName().orElse(a.name().split("\\.")[0])));
      } else if (s instanceof Stmt.ImportFrom imp) {
        imp.names().forEach(a -> names.add(a.asName().orElse(a.name())));
      }
    }
  }

  private static void target(Expr t, Set<String> names) {
    if (t instanceof Expr.Name n) {
      names.add(n.id());
    } else if (t instanceof Expr.TupleExpr tuple) {
      tuple.elements().forEach(e -> target(e, names));
    } else if (t instanceof Expr.ListExpr list) {
      list.elements().forEach(e -> target(e, names));
    }
  }
}
