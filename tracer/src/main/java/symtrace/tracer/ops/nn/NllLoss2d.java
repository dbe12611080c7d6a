package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Metas;
import symtrace.tracer.ops.reduce.ReductionTypes;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code nll_loss2d_forward}, the negative log likelihood of an {@code [N, C, H, W]} input at
 * the classes an {@code [N, H, W]} target names. The meta rule makes the size checks of
 * PyTorch's decomposition ({@code torch._decomp}'s {@code _nll_loss_forward}), which fake
 * tensors run for this operator: the weight viewed as {@code [1, C, 1, 1]} broadcast against
 * the input, then a {@code gather} of the input at the target, whose sizes may not exceed the
 * input's outside the class dim. The kernel is ATen's CPU kernel with its checks.
 */
public final class NllLoss2d {
  private NllLoss2d() {}

  /** The fake {@code (output, total_weight)}: the target's shape unreduced, else scalars. */
  public static List<Object> meta(Args a, Provenance why) {
    TensorValue self = a.tensor(0);
    TensorValue target = a.tensor(1);
    TensorValue weight = a.optTensor(2);
    int channelDim = self.dim() < 2 ? 0 : 1;
    List<SymInt> input = self.symSizes();
    if (weight != null) {
      input = ShapeRules.of(why).broadcastShapes(input, weightView(weight, self.dim(),
          channelDim));
    }
    checkGather(input, channelDim, target, why);
    List<SymInt> sizes = a.longValue(3) == Losses.NONE && self.dim() > 1
        ? target.symSizes() : List.of();
    return List.of(Metas.empty(self.dtype(), sizes), Metas.empty(self.dtype(), List.of()));
  }

  /** {@code weight.view(shape)} with the weight's length at the class dim and 1 elsewhere. */
  private static List<SymInt> weightView(TensorValue weight, int dims, int channelDim) {
    if (dims <= 1) {
      return weight.symSizes();
    }
    List<SymInt> shape = new ArrayList<>();
    for (int d = 0; d < dims; d++) {
      shape.add(SymInt.of(1));
    }
    if (weight.dim() == 0) {
      throw TensorError.index("tuple index out of range");
    }
    shape.set(channelDim, weight.symSize(0));
    if (weight.dim() != 1) {
      throw TensorError.runtime("shape '" + shape + "' is invalid for input of size "
          + weight.symNumel());
    }
    return shape;
  }

  /**
   * {@code gather(input, channel_dim, target.unsqueeze(channel_dim))}'s checks: an int64 index of
   * the input's rank, no larger than the input outside the class dim ({@code torch._check}).
   */
  private static void checkGather(List<SymInt> input, int channelDim, TensorValue target,
      Provenance why) {
    List<SymInt> index = new ArrayList<>(target.symSizes());
    index.add(ShapeRules.wrapDim(channelDim, target.dim() + 1), SymInt.of(1));
    if (target.symNumel().eq(0).guardSizeOblivious(why)) {
      return;
    }
    if (target.dtype() != DType.INT64 && target.dtype() != DType.INT32) {
      throw TensorError.runtime(
          "gather(): Expected dtype int32/int64 for index, but got " + target.dtype());
    }
    if (Math.max(input.size(), 1) != Math.max(index.size(), 1)) {
      throw TensorError.runtime(
          "Index tensor must have the same number of dimensions as input tensor");
    }
    for (int i = 0; i < input.size(); i++) {
      if (i != channelDim && !index.get(i).le(input.get(i)).expectTrue(why)) {
        throw TensorError.runtime("Size does not match at dimension " + i + " expected index "
            + index + " to be no larger than self " + input + " apart from dimension "
            + channelDim);
      }
    }
  }

  /**
   * ATen's {@code nll_loss2d_forward_out_frame}: {@code -weight[t] * input[n][t][h][w]} per
   * element, 0 at {@code ignore_index}; reduced, the sum, over the total weight for a mean.
   *
   * @throws TensorError ATen's checks ({@code only batches of spatial targets supported (3D
   *     tensors) but got targets of dimension: 2}, {@code size mismatch (got input: ...)}) and
   *     ({@code IndexError}) {@code Target 5 is out of bounds.}
   */
  public static List<Tensor> compute(Args a) {
    Tensor self = a.realTensor(0);
    Tensor target = a.realTensor(1);
    Tensor weight = (Tensor) a.optTensor(2);
    long reduction = a.longValue(3);
    long ignore = a.longValue(4);
    checkInputs(self, target, weight);
    DType dtype = self.dtype();
    if (!dtype.isFloatingPoint()) {
      throw ReductionTypes.notImplemented("nll_loss2d_forward_out_frame", dtype);
    }
    long[] in = self.sizes();
    int classes = Math.toIntExact(in[1]);
    int map = Math.toIntExact(in[2] * in[3]);
    double[] x = self.contiguous().toDoubleArray();
    long[] t = target.contiguous().toLongArray();
    double[] w = weight == null ? null : weight.contiguous().toDoubleArray();
    boolean rows = reduction == Losses.NONE;
    Tensor output = Tensor.zeros(dtype, rows ? target.sizes() : new long[0]);
    double loss = 0;
    double total = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i] == ignore) {
        continue;
      }
      if (t[i] < 0 || t[i] >= classes) {
        throw TensorError.index("Target " + t[i] + " is out of bounds.");
      }
      int n = i / map;
      int c = (int) t[i];
      double wt = w == null ? 1 : w[c];
      double term = -x[(n * classes + c) * map + i % map] * wt;
      if (rows) {
        output.storage().setDouble(i, term);
      } else {
        loss += term;
        total += wt;
      }
    }
    if (!rows) {
      output.storage().setDouble(0, reduction == Losses.MEAN ? loss / total : loss);
    }
    return List.of(output, Tensor.scalar(dtype, rows ? 0 : total));
  }

  /** ATen's {@code check_inputs_nll_loss2d}. */
  private static void checkInputs(Tensor input, Tensor target, Tensor weight) {
    if (target.dim() != 3) {
      throw TensorError.runtime("only batches of spatial targets supported (3D tensors) but got"
          + " targets of dimension: " + target.dim());
    }
    if (input.dim() != 4) {
      throw TensorError.runtime("only batches of spatial inputs supported (4D tensors), but got"
          + " input of dimension: " + input.dim());
    }
    if (weight != null && weight.numel() != input.size(1)) {
      throw TensorError.runtime("weight tensor should be defined either for all or no classes");
    }
    long[] in = input.sizes();
    long[] tg = target.sizes();
    if (in[0] != tg[0] || in[2] != tg[1] || in[3] != tg[2]) {
      throw TensorError.runtime("size mismatch (got input: " + input.geometry().sizes()
          + " , target: " + target.geometry().sizes());
    }
  }
}
