package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;

/**
 * PyTorch's {@code _compute_symbolic_stride} for inferred strides: strides are visited in
 * ascending value (ties: the higher dimension first); a stride of 0 or 1 that does not continue a
 * contiguous layout stays a number; a stride equal to an earlier {@code size*stride} product
 * reuses that expression; any other stride gets its own symbol.
 */
final class StrideInference {
  private StrideInference() {}

  static Expr[] infer(ShapeEnv env, Source base, long[] sizes, long[] strides, Expr[] sizeExprs,
      boolean allStatic) {
    int n = strides.length;
    Expr[] out = new Expr[n];
    Map<Long, Expr> candidates = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort((a, b) -> strides[a] != strides[b] ? Long.compare(strides[a], strides[b]) : Integer.compare(b, a));
    for (int i : order) {
      long val = strides[i];
      boolean contiguous = i != n - 1 && strides[i] == sizes[i + 1] * strides[i + 1];
      Expr stride;
      if ((val == 0 || val == 1) && !contiguous) {
        stride = IntLit.of(val);
      } else if (candidates.containsKey(val)) {
        stride = candidates.get(val);
      } else {
        stride = env.createSymbol(val, Source.stride(base, i), allStatic ? DimDynamic.STATIC : DimDynamic.DUCK);
      }
      out[i] = stride;
      candidates.put(sizes[i] * val, Exprs.mul(sizeExprs[i], stride));
    }
    return out;
  }
}
