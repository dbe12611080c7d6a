package symtrace.tracer.torch;

import java.util.Objects;

/**
 * An error the Python layer raises for a program's values, named by the Python exception
 * PyTorch raises ({@code TypeError}, {@code ValueError}, {@code IndexError}, ...), with
 * Python's or PyTorch's text. It has no location; the interpreter adds the program's.
 */
public final class PythonError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String type;

  /**
   * Creates the error.
   *
   * @param type the Python exception class, such as {@code TypeError}
   * @param message the exception's text
   */
  public PythonError(String type, String message) {
    super(message);
    this.type = Objects.requireNonNull(type, "type");
  }

  public static PythonError typeError(String message) {
    return new PythonError("TypeError", message);
  }

  public static PythonError valueError(String message) {
    return new PythonError("ValueError", message);
  }

  public static PythonError indexError(String message) {
    return new PythonError("IndexError", message);
  }

  public static PythonError runtimeError(String message) {
    return new PythonError("RuntimeError", message);
  }

  public static PythonError attributeError(String message) {
    return new PythonError("AttributeError", message);
  }

  /** A construct outside the program language, named: {@code NotImplementedError}. */
  public static PythonError unsupported(String message) {
    return new PythonError("NotImplementedError", message);
  }

  /** The Python exception class, such as {@code TypeError}. */
  public String type() {
    return type;
  }
}
