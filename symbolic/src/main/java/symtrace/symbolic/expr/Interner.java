package symtrace.symbolic.expr;

import com.google.common.collect.Interners;

/**
 * The one table of live expressions. Guava's weak interner: thread-safe, and an expression that
 * nothing else references can be collected.
 */
final class Interner {
  private static final com.google.common.collect.Interner<Expr> TABLE =
      Interners.newBuilder().weak().concurrencyLevel(4).build();

  private Interner() {}

  @SuppressWarnings("unchecked")
  static <T extends Expr> T intern(T candidate) {
    return (T) TABLE.intern(candidate);
  }
}
