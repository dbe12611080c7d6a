package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code aten.embedding.default}: rows of a 2-d {@code weight} selected by integer {@code
 * indices}, shaped {@code indices.shape + weight.shape[1:]}. {@code padding_idx}, {@code
 * scale_grad_by_freq} and {@code sparse} only change gradients.
 */
public final class Embedding {
  private Embedding() {}

  /**
   * The output sizes, after ATen's checks.
   *
   * @throws TensorError {@code 'weight' must be 2-D}, or {@code Expected tensor for argument #1
   *     'indices' to have one of the following scalar types: Long, Int; but got
   *     torch.FloatTensor instead (while checking arguments for embedding)}
   */
  public static List<SymInt> outputSizes(TensorValue weight, TensorValue indices) {
    if (weight.dim() != 2) {
      throw TensorError.runtime("'weight' must be 2-D");
    }
    if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
      throw TensorError.runtime("Expected tensor for argument #1 'indices' to have one of the"
          + " following scalar types: Long, Int; but got " + indices.dtype().legacyTypeName()
          + " instead (while checking arguments for embedding)");
    }
    List<SymInt> sizes = new ArrayList<>(indices.symSizes());
    sizes.add(weight.symSize(1));
    return sizes;
  }

  /**
   * The kernel.
   *
   * @throws TensorError ({@code IndexError}) {@code index out of range in self}
   */
  public static Tensor compute(Tensor weight, Tensor indices) {
    outputSizes(weight, indices);
    long rows = weight.size(0);
    long width = weight.size(1);
    long[] ids = indices.toLongArray();
    long[] sizes = new long[indices.dim() + 1];
    System.arraycopy(indices.sizes(), 0, sizes, 0, indices.dim());
    sizes[indices.dim()] = width;
    Tensor out = Tensor.zeros(weight.dtype(), sizes);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= rows) {
        throw TensorError.index("index out of range in self");
      }
      for (long j = 0; j < width; j++) {
        out.storage().copyElement((int) (i * width + j), weight.storage(),
            weight.storageIndex(ids[i], j));
      }
    }
    return out;
  }
}
