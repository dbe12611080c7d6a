package symtrace.solver.z3;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Solver;

/** Small helpers over Z3's solver API. */
final class Z3Solvers {
  private Z3Solvers() {}

  /** Asserts one formula (without the generic varargs array {@code Solver.add(f)} would build). */
  static void add(Solver solver, BoolExpr formula) {
    solver.add(new BoolExpr[] {formula});
  }
}
