package symtrace.tracer.ops;

import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorValue;

/**
 * The size queries a graph records: {@code aten.sym_size.int}, {@code aten.sym_stride.int},
 * {@code aten.sym_numel.default}, {@code aten.sym_storage_offset.default}. They read metadata
 * only, so meta rule and kernel are the same.
 */
final class SizeOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    MetaRule size = (args, ctx) -> PyScalars.normalize(sizeOf(args.tensor(0), args.longValue(1)));
    r.op("sym_size.int(Tensor self, int dim) -> SymInt").meta(size)
        .kernel(args -> size.apply(args, null)).register();
    MetaRule stride = (args, ctx) -> {
      TensorValue t = args.tensor(0);
      return PyScalars.normalize(t.symStride(ShapeRules.wrapDim(args.longValue(1), t.dim())));
    };
    r.op("sym_stride.int(Tensor self, int dim) -> SymInt").meta(stride)
        .kernel(args -> stride.apply(args, null)).register();
    MetaRule numel = (args, ctx) -> PyScalars.normalize(args.tensor(0).symNumel());
    r.op("sym_numel(Tensor self) -> SymInt").meta(numel)
        .kernel(args -> numel.apply(args, null)).register();
    MetaRule offset = (args, ctx) -> PyScalars.normalize(args.tensor(0).symStorageOffset());
    r.op("sym_storage_offset(Tensor self) -> SymInt").meta(offset)
        .kernel(args -> offset.apply(args, null)).register();
  }

  static Object sizeOf(TensorValue t, long dim) {
    return t.symSize(ShapeRules.wrapDim(dim, t.dim()));
  }
}
