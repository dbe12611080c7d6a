package symtrace.tracer.tensor;

import symtrace.symbolic.SymtraceException;

/**
 * An error a tensor operation raises for its arguments, with PyTorch's text and the Python
 * exception type PyTorch raises ({@code RuntimeError} for most, {@code IndexError} for a
 * dimension or index out of range). The message is PyTorch's exactly, so that a program's
 * error reads as under PyTorch; the interpreter adds the program location.
 */
public final class TensorError extends SymtraceException {
  private static final long serialVersionUID = 1L;

  /** The Python exception type PyTorch raises. */
  public enum PythonType {
    RUNTIME_ERROR("RuntimeError"),
    INDEX_ERROR("IndexError"),
    VALUE_ERROR("ValueError");

    private final String pythonName;

    PythonType(String pythonName) {
      this.pythonName = pythonName;
    }

    /** The exception class name in Python: {@code RuntimeError}. */
    public String pythonName() {
      return pythonName;
    }
  }

  private final PythonType pythonType;

  public TensorError(PythonType pythonType, String message) {
    super(message);
    this.pythonType = pythonType;
  }

  /** A {@code RuntimeError} (PyTorch's {@code TORCH_CHECK}). */
  public static TensorError runtime(String message) {
    return new TensorError(PythonType.RUNTIME_ERROR, message);
  }

  /** An {@code IndexError} (PyTorch's {@code TORCH_CHECK_INDEX}). */
  public static TensorError index(String message) {
    return new TensorError(PythonType.INDEX_ERROR, message);
  }

  public PythonType pythonType() {
    return pythonType;
  }
}
