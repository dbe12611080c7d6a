package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * ATen's {@code _convolution_mode}, the convolution of {@code conv1d(..., padding="same")} and
 * {@code padding="valid"}: {@code "valid"} is a {@code convolution} without padding; {@code
 * "same"} ({@code convolution_same}) pads each spatial dim by {@code dilation * (kernel - 1)} in
 * total, half of it on each side through the convolution's own padding, and when the total is
 * odd the element left over on the right through a {@code constant_pad_nd} of the input first.
 * The size arithmetic is C++ SymInt arithmetic, so it goes through {@link Ops} and a trace
 * records it where PyTorch's does.
 */
public final class ConvolutionMode {
  private final TensorValue input;
  private final TensorValue weight;
  private final Object bias;
  private final List<Object> stride;
  private final List<Object> dilation;
  private final Object groups;
  private final Ops ops;
  private final Provenance why;

  private ConvolutionMode(Args a, Ops ops) {
    this.input = a.tensor(0);
    this.weight = a.tensor(1);
    this.bias = a.get(2);
    this.stride = values(a.symIntList(3));
    this.dilation = values(a.symIntList(5));
    this.groups = PyScalars.normalize(a.symInt(6));
    this.ops = ops;
    this.why = Provenance.of(a.op().toString());
  }

  /**
   * The decomposition of {@code _convolution_mode(input, weight, bias, stride, padding,
   * dilation, groups)}.
   *
   * @throws TensorError {@code Invalid padding string: 'full'}, and {@code convolution_same}'s
   *     checks ({@code padding='same' is not supported for strided convolutions}, ...)
   */
  public static Object decompose(Args a, Ops ops) {
    ConvolutionMode c = new ConvolutionMode(a, ops);
    String padding = a.string(4);
    if (padding.equals("same")) {
      return c.same();
    }
    if (padding.equals("valid")) {
      return c.convolution(c.input, List.of(0L), List.of(0L));
    }
    throw TensorError.runtime("Invalid padding string: '" + padding + "'");
  }

  private static List<Object> values(List<SymInt> ints) {
    List<Object> out = new ArrayList<>();
    for (SymInt s : ints) {
      out.add(PyScalars.normalize(s));
    }
    return out;
  }

  private Object convolution(Object x, List<Object> padding, List<Object> outputPadding) {
    return ops.call("aten.convolution.default", x, weight, bias, stride, padding, dilation,
        false, outputPadding, groups);
  }

  private boolean truth(Object condition) {
    return PyScalars.truth(condition, why);
  }

  /** The value at {@code i} of a list given once for every dim or once for all. */
  private static Object at(List<Object> values, int i) {
    return values.size() == 1 ? values.get(0) : values.get(i);
  }

  /** {@code convolution_same}, its checks first. */
  private Object same() {
    int k = weight.dim();
    if (k <= 2) {
      throw TensorError.runtime("weight should have at least three dimensions");
    }
    if (!truth(ops.scalarBinary("gt", groups, 0L))) {
      throw TensorError.runtime("non-positive groups is not supported");
    }
    int dim = k - 2;
    if (k != input.dim()) {
      throw TensorError.runtime("Expected " + k + "-dimensional input for " + k
          + "-dimensional weight" + weight.symSizes() + ", but got " + input.dim()
          + "-dimensional input of size " + input.symSizes() + " instead");
    }
    if (stride.size() != dim && stride.size() != 1) {
      throw TensorError.runtime("stride cannot broadcast to " + dim + " dimensions");
    }
    if (dilation.size() != dim && dilation.size() != 1) {
      throw TensorError.runtime("dilation cannot broadcast to " + dim + " dimensions");
    }
    for (Object s : stride) {
      if (!truth(ops.scalarBinary("eq", s, 1L))) {
        throw TensorError.runtime("padding='same' is not supported for strided convolutions");
      }
    }
    List<Object> left = new ArrayList<>();
    List<Object> right = new ArrayList<>();
    boolean symmetric = true;
    for (int i = 0; i < dim; i++) {
      Object[] pad = paddingLeftRight(PyScalars.normalize(input.symSize(i + 2)),
          PyScalars.normalize(weight.symSize(i + 2)), at(stride, i), at(dilation, i));
      left.add(pad[0]);
      right.add(pad[1]);
      if (!PyScalars.toSymBool(ops.scalarBinary("eq", pad[0], pad[1])).guardOrFalse(why)) {
        symmetric = false;
      }
    }
    List<Object> outputPadding = new ArrayList<>();
    for (int i = 0; i < dim; i++) {
      outputPadding.add(0L);
    }
    if (symmetric) {
      return convolution(input, left, outputPadding);
    }
    // the right side gets the difference (never negative: the left half is floored)
    List<Object> padNd = new ArrayList<>();
    for (int i = 0; i < 2 * dim; i++) {
      padNd.add(0L);
    }
    for (int i = 0; i < dim; i++) {
      padNd.set(2 * (dim - 1 - i) + 1, ops.sub(right.get(i), left.get(i)));
    }
    Object padded = ops.call("aten.constant_pad_nd.default", input, padNd, 0L);
    return convolution(padded, left, outputPadding);
  }

  /**
   * {@code _pooling_same_mode_padding_lr}: the total padding {@code dilation * (kernel - 1)},
   * one less when a stride above 2 leaves room for it to be even, split into its floored half
   * and the rest.
   */
  private Object[] paddingLeftRight(Object inputSize, Object kernelSize, Object s, Object d) {
    Object total = ops.mul(d, ops.sub(kernelSize, 1L));
    if (truth(ops.scalarBinary("gt", s, 2L))
        && truth(ops.scalarBinary("eq", ops.mod(total, 2L), 1L))) {
      Object wiggleRoom = ops.sub(ops.mod(inputSize, s), 1L);
      if (truth(ops.scalarBinary("gt", wiggleRoom, 0L))) {
        total = ops.sub(total, 1L);
      }
    }
    Object left = ops.floorDiv(total, 2L);
    return new Object[] {left, ops.sub(total, left)};
  }
}
