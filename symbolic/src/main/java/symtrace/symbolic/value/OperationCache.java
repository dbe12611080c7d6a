package symtrace.symbolic.value;

import java.util.function.BinaryOperator;
import symtrace.symbolic.expr.Expr;

/**
 * Results of building binary expressions, remembered: a trace applies the same operation to the
 * same sizes over and over (every layer of a model repeats its size arithmetic), and building
 * {@code s0*s1} or {@code Eq(s0, 1)} again means canonicalizing again.
 *
 * <p>Expressions are hash-consed and the builders pure, so an entry is valid for as long as it
 * exists: the key is the operation and the operands by identity. The table is direct-mapped and
 * bounded (a colliding entry replaces the old one); entries are immutable, so unsynchronized
 * reads and writes from several threads only ever lose an entry, never return a wrong one.
 */
final class OperationCache {
  private static final int SIZE = 1 << 13;
  private static final Entry[] TABLE = new Entry[SIZE];

  private OperationCache() {}

  private record Entry(Object op, Expr a, Expr b, Expr result) {}

  /** {@code build.apply(a, b)}, from the table when {@code op} was applied to them before. */
  static Expr apply(Object op, Expr a, Expr b, BinaryOperator<Expr> build) {
    int h = System.identityHashCode(op) * 31 + a.hashCode();
    h = h * 31 + b.hashCode();
    int i = (h ^ (h >>> 16)) & (SIZE - 1);
    Entry e = TABLE[i];
    if (e != null && e.op == op && e.a == a && e.b == b) {
      return e.result;
    }
    Expr r = build.apply(a, b);
    TABLE[i] = new Entry(op, a, b, r);
    return r;
  }
}
