package symtrace.tracer.lang;

import java.util.Objects;
import symtrace.tracer.torch.PyObject;

/**
 * A Python standard module the language knows ({@code operator}); torch's modules are {@link
 * symtrace.tracer.torch.ApiRef}s.
 *
 * @param name the module name
 */
record PyModule(String name) implements PyObject {
  PyModule {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String pythonTypeName() {
    return "module";
  }
}
