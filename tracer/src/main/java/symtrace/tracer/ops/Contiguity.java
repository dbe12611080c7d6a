package symtrace.tracer.ops;

import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.Geometry;

/**
 * Whether a layout is contiguous, as one condition ({@code sympy_is_contiguous} of PyTorch's
 * symbolic shapes): every dimension has size 1 or the row-major stride, or some size is 0. A
 * fake tensor's {@code is_contiguous()} decides the whole condition at once, so a composite
 * that asks records one guard, or none when the sizes settle it.
 */
final class Contiguity {
  private Contiguity() {}

  static SymBool of(Geometry g) {
    SymBool contiguous = SymBool.of(true);
    SymInt expected = SymInt.of(1);
    for (int d = g.dim() - 1; d >= 0; d--) {
      contiguous = contiguous.and(g.size(d).eq(1).or(g.stride(d).eq(expected)));
      expected = expected.mul(g.size(d));
    }
    for (int d = 0; d < g.dim(); d++) {
      contiguous = contiguous.or(g.size(d).eq(0));
    }
    return contiguous;
  }
}
