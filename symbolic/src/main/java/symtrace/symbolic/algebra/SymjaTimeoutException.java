package symtrace.symbolic.algebra;

/** Thrown by {@link SymjaEngine#evaluate} when an evaluation ran out of time and was stopped. */
public final class SymjaTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SymjaTimeoutException(String message) {
    super(message);
  }
}
