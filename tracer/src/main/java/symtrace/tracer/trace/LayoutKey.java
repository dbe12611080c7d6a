package symtrace.tracer.trace;

import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.ValuesKey;
import symtrace.tracer.tensor.TensorValue;

/**
 * A tensor's sizes and strides as a hash key: a known value as its number (no expression is
 * made for it), a symbolic one as its expression, which is interned, so comparing is cheap.
 */
final class LayoutKey {
  private LayoutKey() {}

  static ValuesKey of(TensorValue t) {
    int dim = t.dim();
    Object[] parts = new Object[2 * dim];
    for (int d = 0; d < dim; d++) {
      parts[d] = part(t.symSize(d));
      parts[dim + d] = part(t.symStride(d));
    }
    return new ValuesKey(parts);
  }

  private static Object part(SymInt v) {
    return v.isConstant() ? (Object) v.constantValue() : v.expr();
  }
}
