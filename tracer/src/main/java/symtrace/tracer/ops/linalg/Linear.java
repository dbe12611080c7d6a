package symtrace.tracer.ops.linalg;

import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Contiguity;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code aten.linear.default} as ATen's CompositeImplicitAutograd kernel writes it: a matrix
 * input with a bias is one {@code addmm(bias, input, weight.t())}; a contiguous input with a
 * contiguous vector bias is flattened to a matrix first ({@code reshape}, {@code addmm}, {@code
 * view} back), contiguity asked of the bias and then of the input; anything
 * else is {@code matmul(input, weight.t())}, plus the bias out of place (under tracing every
 * tensor is subclass-like, so ATen takes its {@code add} branch).
 */
public final class Linear {
  private Linear() {}

  /** The decomposition. */
  public static Object decompose(Args a, Ops ops) {
    TensorValue input = a.tensor(0);
    TensorValue weight = a.tensor(1);
    TensorValue bias = a.optTensor(2);
    if (input.dim() == 0 || weight.dim() == 0) {
      throw TensorError.runtime("both arguments to linear need to be at least 1D, but they are "
          + input.dim() + "D and " + weight.dim() + "D");
    }
    Provenance why = Provenance.of(a.op().toString());
    if (input.dim() == 2 && bias != null) {
      return ops.call("aten.addmm.default", bias, input, ops.call("aten.t.default", weight));
    }
    if (bias != null && biasLikelyFusable(bias, ops, why)
        && Contiguity.isContiguousOrFalse(input, ops, why)) {
      return flattened(input, weight, bias, ops);
    }
    Object out = ops.call("aten.matmul.default", input, ops.call("aten.t.default", weight));
    return bias == null ? out : ops.call("aten.add.Tensor", out, bias);
  }

  /**
   * {@code is_bias_likely_fusable}: a bias that is a vector (or squeezes to one) and is
   * contiguous as far as its sizes decide.
   */
  private static boolean biasLikelyFusable(TensorValue bias, Ops ops, Provenance why) {
    boolean vector = bias.dim() == 1
        || ((TensorValue) ops.call("aten.squeeze.default", bias)).dim() == 1;
    return vector && Contiguity.isContiguousOrFalse(bias, ops, why);
  }

  /** {@code _flatten_nd_linear}: all but the last dim folded into rows, then one addmm. */
  private static Object flattened(TensorValue input, TensorValue weight, TensorValue bias,
      Ops ops) {
    int last = input.dim() - 1;
    List<Object> leading = TracedSizes.range(input, 0, last);
    Object rows = ops.call("aten.reshape.default", input,
        List.of(TracedSizes.product(ops, leading), TracedSizes.size(input, last)));
    TensorValue result = (TensorValue) ops.call("aten.addmm.default", bias, rows,
        ops.call("aten.t.default", weight));
    leading.add(TracedSizes.size(result, 1));
    return ops.call("aten.view.default", result, leading);
  }
}
