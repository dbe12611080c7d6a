package symtrace.tracer.ops;

import java.util.List;

/** The standard operator groups, in registration order. */
final class OpGroups {
  private OpGroups() {}

  static List<OpGroup> all() {
    return List.of(
        new SymbolicOps(),
        new SizeOps(),
        new TracingOps(),
        new PointwiseOps(),
        new ConversionOps(),
        new FactoryOps(),
        new ReductionOps(),
        new ViewOps(),
        new ShapeOps(),
        new IndexingOps(),
        new LinalgOps(),
        new NnOps());
  }
}
