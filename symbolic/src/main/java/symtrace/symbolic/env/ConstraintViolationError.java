package symtrace.symbolic.env;

import symtrace.symbolic.SymtraceException;

/** A value outside the range declared for it, with PyTorch's message ({@code 5 not in range [6, 9]}). */
public final class ConstraintViolationError extends SymtraceException {
  private static final long serialVersionUID = 1L;

  public ConstraintViolationError(String message) {
    super(message);
  }
}
