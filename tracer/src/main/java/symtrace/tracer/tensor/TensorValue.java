package symtrace.tracer.tensor;

import java.util.List;
import symtrace.symbolic.value.SymInt;

/**
 * What every tensor has, real or fake: a dtype and a strided layout whose sizes, strides and
 * offset are {@link SymInt}s (constants for a real tensor). Meta rules read only this, so they
 * run unchanged on both kinds.
 */
public sealed interface TensorValue permits Tensor, FakeTensor {
  DType dtype();

  Geometry geometry();

  default int dim() {
    return geometry().dim();
  }

  default List<SymInt> symSizes() {
    return geometry().sizes();
  }

  default List<SymInt> symStrides() {
    return geometry().strides();
  }

  default SymInt symSize(int dim) {
    return geometry().size(dim);
  }

  default SymInt symStride(int dim) {
    return geometry().stride(dim);
  }

  default SymInt symNumel() {
    return geometry().numel();
  }

  default SymInt symStorageOffset() {
    return geometry().storageOffset();
  }

  /** The tensor's type as FX annotates it, e.g. {@code f32[s0, 4]}. */
  default String typeAnnotation() {
    StringBuilder b = new StringBuilder(dtype().shortName()).append('[');
    List<SymInt> sizes = symSizes();
    for (int i = 0; i < sizes.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(sizes.get(i));
    }
    return b.append(']').toString();
  }
}
