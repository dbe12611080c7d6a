package symtrace.tracer.lang;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import symtrace.tracer.torch.PyObject;

/**
 * A function of the program: its definition, the scope it was defined in (so a nested function
 * sees its enclosing function's variables) and its default values, evaluated when the {@code
 * def} ran, as Python does.
 */
final class PyFunction implements PyObject {
  /** Marks a parameter without a default. */
  static final Object NO_DEFAULT = new Object();

  private final Stmt.Def def;
  private final Scope closure;
  private final List<Object> defaults;

  PyFunction(Stmt.Def def, Scope closure, List<Object> defaults) {
    this.def = Objects.requireNonNull(def, "def");
    this.closure = Objects.requireNonNull(closure, "closure");
    this.defaults = Collections.unmodifiableList(defaults);
  }

  Stmt.Def def() {
    return def;
  }

  Scope closure() {
    return closure;
  }

  /** One entry per parameter: its default, or {@link #NO_DEFAULT}. */
  List<Object> defaults() {
    return defaults;
  }

  @Override
  public String pythonTypeName() {
    return "function";
  }

  @Override
  public String toString() {
    return "<function " + def.name() + ">";
  }
}
