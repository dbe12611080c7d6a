package symtrace.symbolic.expr;

import symtrace.symbolic.SymtraceException;

/**
 * A Python arithmetic error raised while building or evaluating an expression: {@code
 * ZeroDivisionError("division by zero")}, {@code ZeroDivisionError("Modulo by zero")}, {@code
 * ValueError("negative shift count")}. The message is Python's.
 */
public final class SymbolicArithmeticError extends SymtraceException {
  private static final long serialVersionUID = 1L;
  private final String pythonType;

  public SymbolicArithmeticError(String pythonType, String message) {
    super(message);
    this.pythonType = pythonType;
  }

  /** The Python exception type: {@code ZeroDivisionError}, {@code ValueError}, ... */
  public String pythonType() {
    return pythonType;
  }

  static SymbolicArithmeticError divisionByZero() {
    return new SymbolicArithmeticError("ZeroDivisionError", "division by zero");
  }

  static SymbolicArithmeticError moduloByZero() {
    return new SymbolicArithmeticError("ZeroDivisionError", "Modulo by zero");
  }
}
