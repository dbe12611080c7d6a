package symtrace.tracer.torch;

import java.util.Objects;
import symtrace.tracer.tensor.TensorValue;

/**
 * A tensor method taken as a value ({@code f = x.sum}): calling it calls the method on the
 * tensor.
 *
 * @param self the receiver
 * @param name the method name
 */
public record BoundMethod(TensorValue self, String name) implements PyObject {
  public BoundMethod {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String pythonTypeName() {
    return "builtin_function_or_method";
  }
}
