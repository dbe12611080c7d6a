package symtrace.symbolic;

/**
 * The root of every error a user of symtrace can cause: a malformed expression, an invalid
 * program, an input outside a declared range, a guard on a data-dependent value.
 *
 * <p>Messages are complete sentences meant for the person at the terminal. The command line
 * prints {@link #getMessage()} alone (no stack trace) and exits with status 1. Internal
 * impossibilities are never reported with this type; they use assertions or
 * {@link IllegalStateException}.
 */
public class SymtraceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SymtraceException(String message) {
    super(message);
  }

  public SymtraceException(String message, Throwable cause) {
    super(message, cause);
  }
}
