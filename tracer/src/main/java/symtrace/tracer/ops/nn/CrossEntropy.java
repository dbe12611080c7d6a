package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * ATen's {@code cross_entropy_loss} ({@code cross_entropy_loss_symint}): a target shaped like
 * the input holds class probabilities ({@code cross_entropy_loss_prob_target}: {@code
 * -(log_softmax(input) * target [* weight])} summed, a mean over the samples); any other target
 * holds class indices ({@code nll_loss_nd} of the log-softmax, with label smoothing {@code
 * cross_entropy_loss_label_smoothing}). The size comparisons are C++
 * SymInt operators, so they go through {@link Ops} and a trace records them as PyTorch's does.
 *
 * <p>The class count is the input's symbolic size ({@code sym_size}), as in current PyTorch's
 * symbolic form of this function; an older ATen read it with {@code size()}, which specializes
 * the input's sizes under dynamic shapes.
 */
public final class CrossEntropy {
  private final TensorValue self;
  private final TensorValue target;
  private final TensorValue weight;
  private final long reduction;
  private final Object ignoreIndex;
  private final double labelSmoothing;
  private final Ops ops;
  private final Provenance why;

  private CrossEntropy(Args a, Ops ops) {
    this.self = a.tensor(0);
    this.target = a.tensor(1);
    this.weight = a.optTensor(2);
    this.reduction = a.longValue(3);
    this.ignoreIndex = PyScalars.normalize(a.symInt(4));
    this.labelSmoothing = a.doubleValue(5);
    this.ops = ops;
    this.why = Provenance.of(a.op().toString());
  }

  /** The decomposition. */
  public static Object decompose(Args a, Ops ops) {
    return new CrossEntropy(a, ops).run();
  }

  private boolean truth(Object condition) {
    return PyScalars.truth(condition, why);
  }

  private Object size(TensorValue t, int d) {
    return PyScalars.normalize(t.symSize(d));
  }

  /** {@code a.sym_sizes() == b.sym_sizes()}: the ranks, then each size until one differs. */
  private boolean sameSizes(TensorValue a, TensorValue b) {
    if (a.dim() != b.dim()) {
      return false;
    }
    for (int d = 0; d < a.dim(); d++) {
      if (!truth(ops.scalarBinary("eq", size(a, d), size(b, d)))) {
        return false;
      }
    }
    return true;
  }

  private Object run() {
    if (sameSizes(self, target)) {
      if (!target.dtype().isFloatingPoint()) {
        throw TensorError.runtime("Expected floating point type for target with class"
            + " probabilities, got " + target.dtype().scalarTypeName());
      }
      if (!truth(ops.scalarBinary("lt", ignoreIndex, 0L))) {
        throw TensorError.runtime("ignore_index is not supported for floating point target");
      }
      return probabilityTarget();
    }
    if (labelSmoothing > 0) {
      if (labelSmoothing > 1) {
        throw TensorError.runtime("label_smoothing must be between 0.0 and 1.0. Got: "
            + labelSmoothing);
      }
      return labelSmoothing();
    }
    Object logProbs = ops.call("aten.log_softmax.int", self, (long) classDim(), self.dtype());
    return ops.call("aten.nll_loss_nd.default", logProbs, target, weight, reduction,
        ignoreIndex);
  }

  private int classDim() {
    return self.dim() == 1 ? 0 : 1;
  }

  /** {@code cross_entropy_loss_prob_target}. */
  private Object probabilityTarget() {
    int classDim = classDim();
    Object classes = size(self, classDim);
    if (weight != null && !(weight.dim() == 1
        && truth(ops.scalarBinary("eq", PyScalars.normalize(weight.symNumel()), classes)))) {
      throw TensorError.runtime("cross_entropy: weight tensor should be defined either for all "
          + classes + " classes or no classes but got weight tensor of shape: "
          + weight.symSizes());
    }
    TensorValue input = (TensorValue) ops.call("aten.log_softmax.int", self, (long) classDim,
        self.dtype());
    Object probabilities = target;
    if (labelSmoothing > 0) {
      if (labelSmoothing > 1) {
        throw TensorError.runtime("label_smoothing must be between 0.0 and 1.0. Got: "
            + labelSmoothing);
      }
      probabilities = ops.call("aten.add.Scalar",
          ops.call("aten.mul.Scalar", target, 1 - labelSmoothing),
          ops.scalarBinary("truediv", labelSmoothing, classes));
    }
    if (reduction != Losses.NONE && reduction != Losses.SUM && reduction != Losses.MEAN) {
      throw TensorError.runtime("Invalid reduction type encountered in cross_entropy: "
          + reduction);
    }
    Object numel = PyScalars.normalize(input.symNumel());
    boolean empty = reduction == Losses.MEAN && truth(ops.scalarBinary("eq", numel, 0L));
    Object product = ops.call("aten.mul.Tensor", input, probabilities);
    if (weight != null) {
      product = ops.call("aten.mul.Tensor", product, broadcastWeight(input.dim()));
    }
    if (reduction == Losses.NONE) {
      return ops.call("aten.neg.default",
          ops.call("aten.sum.dim_IntList", product, List.of((long) classDim)));
    }
    Object sum = ops.call("aten.sum.default", product);
    if (empty) {
      // the mean of no samples is NaN, written into the sum before it is negated
      return ops.call("aten.neg.default", ops.call("aten.fill_.Scalar", sum, Double.NaN));
    }
    Object total = ops.call("aten.neg.default", sum);
    if (reduction == Losses.SUM) {
      return total;
    }
    return ops.call("aten.div.Scalar", total, ops.floorDiv(numel, classes));
  }

  /**
   * {@code cross_entropy_loss_label_smoothing}: {@code (1 - ls) * nll_loss + smooth * (ls / C)},
   * where {@code smooth} is the negated sum of the (weighted) log-probabilities over the classes,
   * zero where the target is {@code ignore_index}, and reduced as the loss is. A mean with a
   * weight divides by the weights of the targets that count: a fake weight takes ATen's branch
   * for tensor subclasses (a gather of every target, the ignored ones masked to 0), a real one
   * its {@code masked_select} branch.
   */
  private Object labelSmoothing() {
    int classDim = classDim();
    TensorValue input = (TensorValue) ops.call("aten.log_softmax.int", self, (long) classDim,
        self.dtype());
    Object nll = ops.call("aten.nll_loss_nd.default", input, target, weight, reduction,
        ignoreIndex);
    Object ignored = ops.call("aten.eq.Scalar", target, ignoreIndex);
    Object weighted = weight == null ? input
        : ops.call("aten.mul.Tensor", input, broadcastWeight(input.dim()));
    Object smooth = ops.call("aten.neg.default",
        ops.call("aten.sum.dim_IntList", weighted, List.of((long) classDim)));
    ops.call("aten.masked_fill_.Scalar", smooth, ignored, 0.0);
    Object reduced;
    if (reduction == Losses.MEAN) {
      Object total = ops.call("aten.sum.default", smooth);
      Object count;
      if (weight == null) {
        count = ops.call("aten.sum.default", ops.call("aten.bitwise_not.default", ignored));
      } else if (weight instanceof symtrace.tracer.tensor.FakeTensor) {
        TensorValue filtered = (TensorValue) ops.call("aten.masked_fill.Scalar", target,
            ignored, 0L);
        Object picked = ops.call("aten.view.default", ops.call("aten.gather.default", weight,
            0L, flatten(filtered)), new ArrayList<Object>(normalized(filtered)));
        count = ops.call("aten.sum.default", ops.call("aten.masked_fill_.Scalar", picked,
            flatten((TensorValue) ignored), 0L));
      } else {
        Object kept = ops.call("aten.masked_select.default", target,
            ops.call("aten.bitwise_not.default", ignored));
        count = ops.call("aten.sum.default", ops.call("aten.gather.default", weight, 0L,
            flatten((TensorValue) kept)));
      }
      reduced = ops.call("aten.div.Tensor", total, count);
    } else if (reduction == Losses.SUM) {
      reduced = ops.call("aten.sum.default", smooth);
    } else if (reduction == Losses.NONE) {
      reduced = smooth;
    } else {
      throw TensorError.runtime("Invalid reduction type encountered in cross_entropy: "
          + reduction);
    }
    Object classes = size(input, classDim);
    return ops.call("aten.add.Tensor", ops.call("aten.mul.Scalar", nll, 1 - labelSmoothing),
        ops.call("aten.mul.Scalar", reduced, ops.scalarBinary("truediv", labelSmoothing,
            classes)));
  }

  /** {@code t.flatten()}. */
  private Object flatten(TensorValue t) {
    return ops.call("aten.flatten.using_ints", t, 0L, -1L);
  }

  private static List<Object> normalized(TensorValue t) {
    List<Object> out = new ArrayList<>();
    for (int d = 0; d < t.dim(); d++) {
      out.add(PyScalars.normalize(t.symSize(d)));
    }
    return out;
  }

  /** The weight viewed with its length at the class dim and 1 elsewhere. */
  private Object broadcastWeight(int dims) {
    if (dims <= 1) {
      return weight;
    }
    List<Object> shape = new ArrayList<>();
    for (int d = 0; d < dims; d++) {
      shape.add(1L);
    }
    shape.set(1, size(weight, 0));
    return ops.call("aten.view.default", weight, shape);
  }
}
