package symtrace.tracer.ops;

import java.util.function.Supplier;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.TensorError;

/**
 * The ways PyTorch's shape code decides a size condition, each with the provenance its guards
 * carry: {@code bool(c)} ({@link #holds}), {@code guard_or_false} ({@link #orFalse}), {@code
 * guard_or_true} ({@link #orTrue}), {@code guard_size_oblivious} ({@link #sizeOblivious}),
 * {@code statically_known_true} ({@link #knownTrue}) and {@code torch._check} ({@link #check},
 * which defers a runtime assert instead of failing on unbacked sizes). On the constant SymInts
 * of real tensors every one is plain arithmetic, so a kernel and a meta rule can share one rule.
 */
final class Conditions {
  private final MetaContext ctx;

  private Conditions(MetaContext ctx) {
    this.ctx = ctx;
  }

  /** The conditions of a meta rule. */
  static Conditions of(MetaContext ctx) {
    return new Conditions(ctx);
  }

  /** The conditions of a kernel: no shape environment, the operator as provenance. */
  static Conditions of(Args args) {
    return new Conditions(new MetaContext(null, Provenance.of(args.op().toString())));
  }

  MetaContext context() {
    return ctx;
  }

  Provenance why() {
    return ctx.provenance();
  }

  boolean holds(SymBool c) {
    return c.guardBool(why());
  }

  boolean orFalse(SymBool c) {
    return c.guardOrFalse(why());
  }

  boolean orTrue(SymBool c) {
    return c.guardOrTrue(why());
  }

  boolean sizeOblivious(SymBool c) {
    return c.guardSizeOblivious(why());
  }

  boolean knownTrue(SymBool c) {
    return c.staticallyKnownTrue();
  }

  /** {@code torch._check(c)}: a guard, a deferred runtime assert when unbacked, or the error. */
  void check(SymBool c, Supplier<TensorError> error) {
    if (!c.expectTrue(why())) {
      throw error.get();
    }
  }

  /** {@code torch._check_is_size(s)}: {@code s >= 0}, and an unbacked {@code s} is size-like. */
  void checkIsSize(SymInt s) {
    s.expectSize(why());
  }

  /** {@code int(s)}: the value, guarding a symbolic size to its hint. */
  long guardInt(SymInt s) {
    return s.isConstant() ? s.constantValue() : s.guardInt(why());
  }
}
