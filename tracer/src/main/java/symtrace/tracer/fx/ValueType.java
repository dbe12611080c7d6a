package symtrace.tracer.fx;

import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.TensorValue;

/**
 * The type a node's value prints as in {@code print_readable}: {@code f32[s75, s96]} for a
 * tensor, {@code Sym(s75*s96)} for a symbolic scalar. A graph read back from JSON knows its
 * values only as these, and keeps them in {@code meta["val"]}.
 *
 * @param annotation the printed type
 */
public record ValueType(String annotation) {
  /**
   * The printed type of a traced value, or null when FX prints none: plain numbers, lists
   * (a multi-output operator's result) and None have no annotation.
   */
  public static ValueType of(Object val) {
    if (val instanceof ValueType t) {
      return t;
    }
    if (val instanceof TensorValue t) {
      return new ValueType(t.typeAnnotation());
    }
    // A SymInt without a node is a plain int (PyTorch would hold an int there).
    if (val instanceof SymInt s && s.node() != null
        || val instanceof SymFloat f && f.node() != null
        || val instanceof SymBool b && b.node() != null) {
      return new ValueType("Sym(" + val + ")");
    }
    return null;
  }

  @Override
  public String toString() {
    return annotation;
  }
}
