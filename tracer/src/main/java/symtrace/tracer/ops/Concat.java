package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.DTypes;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Operand;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code cat} and {@code stack}: the output's dtype ({@code torch.result_type} of the inputs)
 * and shape, decided once for the meta rule and the kernel, with ATen's checks and texts. As in
 * ATen's {@code cat}, a 1-D tensor with no elements is skipped (the legacy empty tensor), and
 * sizes are compared through {@code torch._check}, as PyTorch's symbolic {@code cat} does.
 */
final class Concat {
  /**
   * What a {@code cat} produces.
   *
   * @param dim the wrapped dimension
   * @param dtype the promoted dtype
   * @param sizes the output's sizes
   * @param parts the positions of the inputs that are not skipped, in order
   */
  record Plan(int dim, DType dtype, List<SymInt> sizes, List<Integer> parts) {}

  private Concat() {}

  static Plan cat(List<TensorValue> tensors, long dimArg, Conditions c) {
    for (int i = 0; i < tensors.size(); i++) {
      if (tensors.get(i).dim() == 0) {
        throw TensorError.runtime(
            "zero-dimensional tensor (at position " + i + ") cannot be concatenated");
      }
    }
    if (tensors.isEmpty()) {
      throw TensorError.runtime("torch.cat(): expected a non-empty list of Tensors");
    }
    List<Operand> operands = new ArrayList<>();
    tensors.forEach(t -> operands.add(Operand.tensor(t.dtype(), t.dim())));
    DType dtype = DTypes.resultType(operands);
    int valid = -1;
    for (int i = 0; i < tensors.size() && valid < 0; i++) {
      if (!skipped(tensors.get(i), c)) {
        valid = i;
      }
    }
    if (valid < 0) {
      return new Plan(0, dtype, List.of(SymInt.of(0)), List.of());
    }
    TensorValue first = tensors.get(valid);
    int dim = ShapeRules.wrapDim(dimArg, first.dim());
    List<Integer> parts = new ArrayList<>();
    List<SymInt> atDim = new ArrayList<>();
    for (int i = 0; i < tensors.size(); i++) {
      TensorValue t = tensors.get(i);
      if (skipped(t, c)) {
        continue;
      }
      checkShapeExceptDim(first, t, dim, i, c);
      parts.add(i);
      atDim.add(t.symSize(dim));
    }
    List<SymInt> sizes = new ArrayList<>(first.symSizes());
    sizes.set(dim, SymInt.sum(atDim));
    return new Plan(dim, dtype, sizes, parts);
  }

  /** ATen's {@code cat_should_skip_tensor}: a 1-D tensor without elements. */
  private static boolean skipped(TensorValue t, Conditions c) {
    return t.dim() == 1 && c.sizeOblivious(t.symNumel().eq(0));
  }

  private static void checkShapeExceptDim(TensorValue first, TensorValue t, int dim, int index,
      Conditions c) {
    if (first.dim() != t.dim()) {
      throw TensorError.runtime("Tensors must have same number of dimensions: got "
          + first.dim() + " and " + t.dim());
    }
    for (int d = 0; d < first.dim(); d++) {
      if (d == dim) {
        continue;
      }
      SymInt expected = first.symSize(d);
      SymInt got = t.symSize(d);
      c.check(got.eq(expected), () -> TensorError.runtime("Sizes of tensors must match except"
          + " in dimension " + dim + ". Expected size " + expected + " but got size " + got
          + " for tensor number " + index + " in the list."));
    }
  }

  /** The kernel of {@code cat}: the parts copied one after another along the dimension. */
  static Tensor catKernel(List<TensorValue> tensors, Plan plan) {
    Tensor out = Tensor.zeros(plan.dtype(), longs(plan.sizes()));
    long offset = 0;
    for (int i : plan.parts()) {
      Tensor t = (Tensor) tensors.get(i);
      long n = t.size(plan.dim());
      out.narrow(plan.dim(), offset, n).copy_(t);
      offset += n;
    }
    return out;
  }

  /**
   * What a {@code stack} produces.
   *
   * @param dim the wrapped new dimension
   * @param dtype the promoted dtype
   * @param sizes the common shape with the number of tensors inserted at {@code dim}
   */
  record Stack(int dim, DType dtype, List<SymInt> sizes) {}

  static Stack stack(List<TensorValue> tensors, long dimArg, Conditions c) {
    if (tensors.isEmpty()) {
      throw TensorError.runtime("stack expects a non-empty TensorList");
    }
    TensorValue first = tensors.get(0);
    int dim = ShapeRules.wrapDim(dimArg, first.dim() + 1);
    List<Operand> operands = new ArrayList<>();
    for (int i = 0; i < tensors.size(); i++) {
      TensorValue t = tensors.get(i);
      operands.add(Operand.tensor(t.dtype(), t.dim()));
      if (!sameSizes(first, t, c)) {
        throw TensorError.runtime("stack expects each tensor to be equal size, but got "
            + first.symSizes() + " at entry 0 and " + t.symSizes() + " at entry " + i);
      }
    }
    List<SymInt> sizes = new ArrayList<>(first.symSizes());
    sizes.add(dim, SymInt.of(tensors.size()));
    return new Stack(dim, DTypes.resultType(operands), sizes);
  }

  private static boolean sameSizes(TensorValue a, TensorValue b, Conditions c) {
    if (a.dim() != b.dim()) {
      return false;
    }
    for (int d = 0; d < a.dim(); d++) {
      if (!b.symSize(d).eq(a.symSize(d)).expectTrue(c.why())) {
        return false;
      }
    }
    return true;
  }

  /** The kernel of {@code stack}: each tensor copied into its slot of the new dimension. */
  static Tensor stackKernel(List<TensorValue> tensors, Stack plan) {
    Tensor out = Tensor.zeros(plan.dtype(), longs(plan.sizes()));
    for (int i = 0; i < tensors.size(); i++) {
      out.select(plan.dim(), i).copy_((Tensor) tensors.get(i));
    }
    return out;
  }

  private static long[] longs(List<SymInt> sizes) {
    return Geometry.longs(sizes);
  }
}
