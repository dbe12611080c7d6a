package symtrace.tracer.trace;

import java.util.Arrays;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.TensorValue;

/**
 * A tensor's sizes and strides as a hash key: a known value as its number (no expression is
 * made for it), a symbolic one as its expression, which is interned, so comparing is cheap.
 * The hash is computed once.
 */
final class LayoutKey {
  private final Object[] parts;
  private final int hash;

  private LayoutKey(Object[] parts) {
    this.parts = parts;
    this.hash = Arrays.hashCode(parts);
  }

  static LayoutKey of(TensorValue t) {
    int dim = t.dim();
    Object[] parts = new Object[2 * dim];
    for (int d = 0; d < dim; d++) {
      parts[d] = part(t.symSize(d));
      parts[dim + d] = part(t.symStride(d));
    }
    return new LayoutKey(parts);
  }

  private static Object part(SymInt v) {
    return v.isConstant() ? (Object) v.constantValue() : v.expr();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayoutKey k && k.hash == hash && Arrays.equals(k.parts, parts);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
