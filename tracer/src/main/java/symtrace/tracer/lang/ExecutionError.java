package symtrace.tracer.lang;

import java.util.Objects;

/**
 * A program failed while running: the Python exception it raised, located at the expression or
 * statement that raised it ({@code f.py:7:9: TypeError: add(): argument 'other' (position 2)
 * must be Tensor, not str}). Operator errors ({@code RuntimeError: The size of tensor a (3)
 * must match ...}) read as under PyTorch, with the program's location.
 */
public final class ExecutionError extends ProgramError {
  private static final long serialVersionUID = 1L;
  private final String pythonType;
  private final String detail;

  /**
   * Creates the error.
   *
   * @param pythonType the Python exception class, such as {@code TypeError}
   * @param detail the exception's text
   */
  public ExecutionError(Span span, String pythonType, String detail) {
    super(span, Objects.requireNonNull(pythonType, "pythonType") + ": "
        + Objects.requireNonNull(detail, "detail"));
    this.pythonType = pythonType;
    this.detail = detail;
  }

  /** The Python exception class: {@code TypeError}, {@code RuntimeError}, ... */
  public String pythonType() {
    return pythonType;
  }

  /** The exception's text, without the type and location. */
  public String detail() {
    return detail;
  }
}
