package symtrace.tracer.lang;

import symtrace.tracer.torch.PyObject;

/**
 * The {@code self} of a printed graph's {@code forward(self, x_1)}: the graph module, whose
 * only use in code is reading captured tensor constants, which a program file does not carry.
 */
enum GraphSelf implements PyObject {
  INSTANCE;

  @Override
  public String pythonTypeName() {
    return "GraphModule";
  }
}
