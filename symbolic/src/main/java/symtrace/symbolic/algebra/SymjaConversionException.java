package symtrace.symbolic.algebra;

/**
 * Thrown when a Symja expression has no exact counterpart in symtrace's vocabulary (a complex
 * number, {@code Pi}, a symbol of another engine, an unknown head), or when rebuilding it
 * violates a construction rule (a division by zero).
 */
public final class SymjaConversionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SymjaConversionException(String message) {
    super(message);
  }

  public SymjaConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
