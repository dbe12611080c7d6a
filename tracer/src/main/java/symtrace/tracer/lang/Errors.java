package symtrace.tracer.lang;

import symtrace.tracer.ops.DataDependentOutputException;
import symtrace.tracer.ops.DataDependentReadError;
import symtrace.tracer.ops.RuntimeAssertionError;
import symtrace.tracer.ops.SchemaError;
import symtrace.tracer.ops.UnknownOperatorException;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.torch.PythonError;

/**
 * Locates the errors a running program raises: each Python-level failure of the torch layer,
 * the operators or Python arithmetic becomes an {@link ExecutionError} at the span of the
 * expression that raised it. Errors already located, and the shape environment's own errors
 * (a data-dependent guard, which its caller reports), pass through unchanged.
 */
final class Errors {
  private Errors() {}

  /** Returns the exception to throw for {@code e} raised while evaluating at {@code span}. */
  static RuntimeException locate(Span span, RuntimeException e) {
    if (e instanceof ProgramError) {
      return e;
    }
    if (e instanceof PythonError p) {
      return new ExecutionError(span, p.type(), p.getMessage());
    }
    if (e instanceof TensorError t) {
      return new ExecutionError(span, t.pythonType().pythonName(), t.getMessage());
    }
    if (e instanceof SchemaError) {
      return new ExecutionError(span, "TypeError", e.getMessage());
    }
    if (e instanceof UnknownOperatorException u) {
      return new ExecutionError(span, "NotImplementedError", "operator " + u.name()
          + " is not available in symtrace");
    }
    if (e instanceof RuntimeAssertionError || e instanceof DataDependentOutputException
        || e instanceof DataDependentReadError) {
      return new ExecutionError(span, "RuntimeError", e.getMessage());
    }
    if (e instanceof ArithmeticException) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("overflow")) {
        return new ExecutionError(span, "OverflowError", "integer overflow: symtrace ints are"
            + " 64-bit");
      }
      return new ExecutionError(span, m.contains("zero") ? "ZeroDivisionError" : "ValueError", m);
    }
    if (e instanceof UnsupportedOperationException) {
      return new ExecutionError(span, "NotImplementedError", String.valueOf(e.getMessage()));
    }
    return e;
  }

  /** A Python exception at {@code span}. */
  static ExecutionError at(Span span, String type, String message) {
    return new ExecutionError(span, type, message);
  }
}
