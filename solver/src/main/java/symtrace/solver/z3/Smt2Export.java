package symtrace.solver.z3;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import java.util.List;
import java.util.function.Function;
import symtrace.symbolic.expr.Expr;

/**
 * Guards as an SMT-LIB2 script: the exact Z3 translation of each condition (Python's floor
 * division and modulo with their side conditions, Max/Min as if-then-else), one {@code assert}
 * per guard, with a comment line naming it. A guard with no exact translation is written as a
 * comment, never asserted.
 */
public final class Smt2Export {
  private Smt2Export() {}

  /**
   * The script asserting every guard.
   *
   * @param guards the conditions, in order
   * @param label what each guard's comment says (its Python form, say)
   */
  public static String of(List<Expr> guards, Function<Expr, String> label) {
    try (Context ctx = new Context()) {
      Z3Translator translator = new Z3Translator(ctx);
      StringBuilder comments = new StringBuilder();
      Solver solver = ctx.mkSolver();
      for (Expr g : guards) {
        try {
          BoolExpr f = translator.holds(translator.translate(g));
          solver.add(f);
          comments.append("; ").append(label.apply(g)).append('\n');
        } catch (UntranslatableException e) {
          comments.append("; not asserted (no exact translation): ").append(label.apply(g))
              .append('\n');
        }
      }
      return "; symtrace guards, in order\n" + comments + solver + "(check-sat)\n";
    }
  }
}
