package symtrace.symbolic.env;

import symtrace.symbolic.value.SymInt;

/** PyTorch's test helpers ({@code test_dynamic_shapes.py}): {@code create_symint}. */
final class ShapeEnvTesting {
  private ShapeEnvTesting() {}

  /** {@code create_symint(shape_env, i, duck)}: source {@code __testing_only<N>}, N = backed count. */
  static SymInt createSymint(ShapeEnv env, long hint, boolean duck) {
    Source source = Source.constant("__testing_only" + env.varToVal.size());
    return env.createSymInt(hint, source, duck ? DimDynamic.DUCK : DimDynamic.DYNAMIC);
  }

  static SymInt createSymint(ShapeEnv env, long hint) {
    return createSymint(env, hint, true);
  }

  static String guard(ShapeEnv env, int i) {
    return env.guards().get(i).expr().toString();
  }
}
