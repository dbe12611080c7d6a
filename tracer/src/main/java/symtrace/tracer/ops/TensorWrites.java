package symtrace.tracer.ops;

import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.kernels.Broadcast;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * The in-place writes that are not arithmetic: {@code copy_}, {@code fill_} and {@code zero_},
 * registered by {@link PointwiseOps}. Each returns its {@code self}, written through its layout
 * (so a write to a view is seen by its base).
 */
final class TensorWrites {
  private TensorWrites() {}

  static void register(OpRegistry.Builder r) {
    r.op("copy_(Tensor(a!) self, Tensor src, bool non_blocking=False) -> Tensor(a!)")
        .meta((a, ctx) -> checkCopy(ctx.provenance(), a.tensor(0), a.get(1)))
        .kernel(a -> a.realTensor(0).copy_(Elementwise.wrap(a.get(1))))
        .register();
    r.op("fill_.Scalar(Tensor(a!) self, Scalar value) -> Tensor(a!)")
        .meta((a, ctx) -> a.tensor(0))
        .kernel(a -> fill(a.realTensor(0), a.get(1)))
        .register();
    r.op("fill_.Tensor(Tensor(a!) self, Tensor value) -> Tensor(a!)")
        .meta((a, ctx) -> {
          checkFillValue(a.tensor(1));
          return a.tensor(0);
        })
        .kernel(a -> {
          checkFillValue(a.tensor(1));
          return fill(a.realTensor(0), item(a.realTensor(1)));
        })
        .register();
    r.op("zero_(Tensor(a!) self) -> Tensor(a!)")
        .meta((a, ctx) -> a.tensor(0))
        .kernel(a -> a.realTensor(0).zero_())
        .register();
  }

  /** {@code copy_}'s shape rule: {@code src} broadcasts to {@code self}'s shape. */
  private static TensorValue checkCopy(Provenance why, TensorValue self, Object src) {
    List<SymInt> srcShape = src instanceof TensorValue t ? t.symSizes() : List.of();
    Broadcast.checkInPlace(why, self.symSizes(),
        Broadcast.pair(why, self.symSizes(), srcShape));
    return self;
  }

  private static void checkFillValue(TensorValue value) {
    if (value.dim() != 0) {
      throw TensorError.runtime("fill_ only supports 0-dimension value tensor but got tensor"
          + " with " + value.dim() + " dimensions.");
    }
  }

  /** Fills with a Python number, converted to the tensor's dtype as a C++ cast does. */
  static Tensor fill(Tensor self, Object value) {
    Object v = PyScalars.normalize(value);
    if (v instanceof Boolean b) {
      return self.fill_(b);
    }
    if (v instanceof Long l) {
      return self.fill_(l);
    }
    return self.fill_((Double) v);
  }

  /** The value of a one-element tensor as a Python number of its kind. */
  static Object item(Tensor t) {
    DType d = t.dtype();
    if (d == DType.BOOL) {
      return t.itemBool();
    }
    return d.isFloatingPoint() ? (Object) t.itemDouble() : (Object) t.itemLong();
  }
}
