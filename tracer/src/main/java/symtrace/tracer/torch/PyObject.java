package symtrace.tracer.torch;

/**
 * A Python value that is not one of the plain Java values of the conventions (numbers, strings,
 * lists, tensors, dtypes): a function, a module, a range. It names its Python type for
 * messages.
 */
public interface PyObject {
  /** The Python type name, as {@code type(v).__name__} gives it: {@code function}. */
  String pythonTypeName();
}
