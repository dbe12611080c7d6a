package symtrace.solver.z3;

import com.microsoft.z3.BoolExpr;
import symtrace.symbolic.expr.Num;

/**
 * A translated value.
 *
 * @param type its Python type
 * @param value the Z3 term: IntExpr, RealExpr, FPExpr or BoolExpr by type
 * @param defined holds exactly when evaluating the expression raises no error
 * @param literal the number when the expression is a numeric literal, else null
 */
record Term(Term.Type type, com.microsoft.z3.Expr<?> value, BoolExpr defined, Num literal) {
  /** The Python type of a translated value. */
  enum Type {
    INT,
    RAT,
    FLOAT,
    BOOL
  }
}
