package symtrace.tracer.ops;

/**
 * Operators that exist for tracing itself: {@code lift_fresh} (how {@code torch.tensor(...)}
 * brings a fresh constant into a program; make_fx records it as {@code lift_fresh_copy}) and the
 * runtime checks a graph carries for its unbacked symbols ({@code _assert_scalar}, {@code
 * sym_constrain_range_for_size}).
 */
final class TracingOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    r.op("lift_fresh(Tensor(a) self) -> Tensor(a)")
        .meta((args, ctx) -> args.tensor(0))
        .kernel(args -> args.tensor(0))
        .register();
    r.op("_assert_scalar(Scalar self, str assert_msg) -> ()")
        .meta((args, ctx) -> null)
        .kernel(args -> {
          if (!PyScalars.truth(args.get(0), null)) {
            throw new RuntimeAssertionError(args.string(1));
          }
          return null;
        })
        .register();
    r.op("sym_constrain_range_for_size(Scalar size, *, int? min=None, int? max=None) -> ()")
        .meta((args, ctx) -> null)
        .kernel(args -> {
          long v = args.longValue(0);
          Long min = args.optLong(1);
          Long max = args.optLong(2);
          if (v < (min == null ? 0 : min) || (max != null && v > max)) {
            throw new RuntimeAssertionError("Invalid value range for " + v + " between ["
                + (min == null ? 0 : min) + ", " + (max == null ? "int_oo" : max) + "].");
          }
          return null;
        })
        .register();
  }
}
