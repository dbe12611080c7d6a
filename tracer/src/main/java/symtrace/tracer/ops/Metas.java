package symtrace.tracer.ops;

import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.TensorValue;

/** Small helpers every meta rule uses to make its fake outputs. */
public final class Metas {
  private Metas() {}

  /** A new contiguous fake tensor. */
  public static FakeTensor empty(DType dtype, List<SymInt> sizes) {
    return FakeTensor.contiguous(dtype, sizes);
  }

  /** A new fake tensor with the given layout. */
  public static FakeTensor emptyStrided(DType dtype, Geometry layout) {
    return FakeTensor.of(dtype, layout);
  }

  /** A view of a fake tensor: the same fake storage through another layout. */
  public static FakeTensor view(TensorValue base, Geometry layout) {
    return ((FakeTensor) base).view(layout);
  }

  /** Normalized size values (Long for constants) for returning SymInts. */
  public static Object scalar(SymInt v) {
    return PyScalars.normalize(v);
  }
}
