package symtrace.tracer.ops;

import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.linalg.Einsum;
import symtrace.tracer.ops.linalg.Linear;
import symtrace.tracer.ops.linalg.Matmul;
import symtrace.tracer.ops.linalg.MatrixKernels;
import symtrace.tracer.ops.linalg.MatrixShapes;

/**
 * Linear algebra: the products {@code mm}, {@code bmm}, {@code addmm}, {@code dot} and {@code mv}
 * (meta rule and CPU kernel each), and the composites PyTorch decomposes into them: {@code
 * matmul}, {@code linear} and {@code einsum}.
 */
final class LinalgOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    r.op("mm(Tensor self, Tensor mat2) -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(0).dtype(),
            MatrixShapes.mm(a.tensor(0), a.tensor(1), ctx.provenance())))
        .kernel(a -> {
          MatrixShapes.mm(a.tensor(0), a.tensor(1), why(a));
          return MatrixKernels.mm(a.realTensor(0), a.realTensor(1));
        })
        .register();
    r.op("bmm(Tensor self, Tensor mat2) -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(0).dtype(),
            MatrixShapes.bmm(a.tensor(0), a.tensor(1), ctx.provenance())))
        .kernel(a -> {
          MatrixShapes.bmm(a.tensor(0), a.tensor(1), why(a));
          return MatrixKernels.bmm(a.realTensor(0), a.realTensor(1));
        })
        .register();
    r.op("addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1)"
            + " -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(1).dtype(),
            MatrixShapes.addmm(a.tensor(0), a.tensor(1), a.tensor(2), ctx.provenance())))
        .kernel(a -> {
          MatrixShapes.addmm(a.tensor(0), a.tensor(1), a.tensor(2), why(a));
          return MatrixKernels.addmm(a.realTensor(0), a.realTensor(1), a.realTensor(2),
              PyScalars.normalize(a.scalar(3)), PyScalars.normalize(a.scalar(4)));
        })
        .register();
    r.op("dot(Tensor self, Tensor tensor) -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(0).dtype(),
            MatrixShapes.dot(a.tensor(0), a.tensor(1), ctx.provenance())))
        .kernel(a -> {
          MatrixShapes.dot(a.tensor(0), a.tensor(1), why(a));
          return MatrixKernels.dot(a.realTensor(0), a.realTensor(1));
        })
        .register();
    r.op("mv(Tensor self, Tensor vec) -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(0).dtype(),
            MatrixShapes.mv(a.tensor(0), a.tensor(1), ctx.provenance())))
        .kernel(a -> {
          MatrixShapes.mv(a.tensor(0), a.tensor(1), why(a));
          return MatrixKernels.mv(a.realTensor(0), a.realTensor(1));
        })
        .register();
    r.composite("matmul(Tensor self, Tensor other) -> Tensor", Matmul::decompose);
    r.composite("linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor",
        Linear::decompose);
    r.composite("einsum(str equation, Tensor[] tensors, *, int[]? path=None) -> Tensor",
        Einsum::decompose);
  }

  private static Provenance why(Args a) {
    return Provenance.of(a.op().toString());
  }
}
