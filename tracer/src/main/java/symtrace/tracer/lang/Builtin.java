package symtrace.tracer.lang;

import java.util.Objects;
import symtrace.tracer.torch.PyObject;

/**
 * A function of Python itself: a builtin ({@code len}, {@code range}, {@code max}, ...) or one
 * of the {@code operator} module ({@code operator.mul}), named as Python names it.
 *
 * @param name {@code len}, or {@code operator.mul}
 */
record Builtin(String name) implements PyObject {
  Builtin {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String pythonTypeName() {
    return "builtin_function_or_method";
  }

  @Override
  public String toString() {
    return "<built-in function " + name + ">";
  }
}
