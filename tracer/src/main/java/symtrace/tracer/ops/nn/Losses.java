package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Metas;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.ops.reduce.ReductionTypes;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.DTypes;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Operand;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * The losses: {@code nll_loss_forward} and {@code mse_loss} (meta rule and kernel each), and the
 * composites {@code nll_loss}, {@code nll_loss2d} and {@code nll_loss_nd} as ATen writes them
 * ({@link NllLoss2d} is the spatial operator, {@link CrossEntropy} the cross entropy). A
 * reduction is ATen's enum: 0 none, 1 mean, 2 sum.
 */
public final class Losses {
  static final long NONE = 0;
  static final long MEAN = 1;
  static final long SUM = 2;

  private Losses() {}

  /**
   * {@code nll_loss_forward}'s checks; returns the sizes of {@code output} (a row per sample for
   * an unreduced batch, else a scalar).
   */
  public static List<SymInt> nllOutputSizes(TensorValue self, TensorValue target,
      TensorValue weight, long reduction, Provenance why) {
    if (!(self.dim() > 0 && self.dim() <= 2)) {
      throw TensorError.runtime("input tensor should be 1D or 2D");
    }
    if (target.dim() > 1) {
      throw TensorError.runtime("0D or 1D target tensor expected, multi-target not supported");
    }
    boolean noBatchDim = self.dim() == 1 && target.dim() == 0;
    if (!(noBatchDim || self.symSize(0).eq(target.symSize(0)).expectTrue(why))) {
      throw TensorError.runtime("size mismatch (got input: " + self.symSizes() + ", target: "
          + target.symSizes() + ")");
    }
    SymInt classes = self.symSize(self.dim() - 1);
    if (weight != null
        && !(weight.dim() == 1 && weight.symNumel().eq(classes).expectTrue(why))) {
      throw TensorError.runtime("weight tensor should be defined either for all " + classes
          + " classes or no classes but got weight tensor of shape: " + weight.symSizes());
    }
    return reduction == NONE && self.dim() == 2 ? List.of(self.symSize(0)) : List.of();
  }

  /** The fake {@code (output, total_weight)}. */
  public static List<Object> nllMeta(Args a, Provenance why) {
    TensorValue self = a.tensor(0);
    List<SymInt> sizes = nllOutputSizes(self, a.tensor(1), a.optTensor(2), a.longValue(3), why);
    return List.of(Metas.empty(self.dtype(), sizes), Metas.empty(self.dtype(), List.of()));
  }

  /**
   * ATen's {@code nll_loss_out_frame}: {@code -weight[t] * input[t]} per sample, skipping {@code
   * ignore_index}; reduced, the sum (over the total weight for a mean, NaN when it is 0).
   *
   * @throws TensorError ({@code IndexError}) {@code Target 5 is out of bounds.}
   */
  public static List<Tensor> nllCompute(Args a) {
    Tensor self = a.realTensor(0);
    Tensor target = a.realTensor(1);
    Tensor weight = (Tensor) a.optTensor(2);
    long reduction = a.longValue(3);
    long ignore = a.longValue(4);
    List<SymInt> sizes = nllOutputSizes(self, target, weight, reduction,
        Provenance.of(a.op().toString()));
    DType dtype = self.dtype();
    if (!dtype.isFloatingPoint()) {
      throw ReductionTypes.notImplemented("nll_loss_out_frame", dtype);
    }
    if (target.dtype() != DType.INT64) {
      throw ReductionTypes.notImplemented("nll_loss_out_frame", target.dtype());
    }
    int classes = Math.toIntExact(self.size(-1));
    double[] x = self.toDoubleArray();
    long[] t = target.toLongArray();
    double[] w = weight == null ? null : weight.toDoubleArray();
    Tensor output = Tensor.zeros(dtype, Geometry.longs(sizes));
    Tensor totalWeight = Tensor.zeros(dtype);
    boolean rows = reduction == NONE && self.dim() == 2;
    double loss = 0;
    double total = 0;
    for (int b = 0; b < t.length; b++) {
      if (t[b] == ignore) {
        continue;
      }
      if (t[b] < 0 || t[b] >= classes) {
        throw TensorError.index("Target " + t[b] + " is out of bounds.");
      }
      double wt = w == null ? 1 : w[(int) t[b]];
      double term = -x[b * classes + (int) t[b]] * wt;
      if (rows) {
        output.storage().setDouble(b, term);
      } else {
        loss += term;
        total += wt;
      }
    }
    if (!rows) {
      output.storage().setDouble(0, reduction == MEAN ? loss / total : loss);
      totalWeight.storage().setDouble(0, total);
    }
    return List.of(output, totalWeight);
  }

  /** {@code mse_loss}'s output dtype and sizes: the promoted dtype, broadcast or a scalar. */
  public static Object mseMeta(TensorValue self, TensorValue target, long reduction,
      Provenance why) {
    List<SymInt> shape = ShapeRules.of(why).broadcastShapes(self.symSizes(), target.symSizes());
    return Metas.empty(mseType(self, target), reduction == NONE ? shape : List.of());
  }

  private static DType mseType(TensorValue self, TensorValue target) {
    return DTypes.promote(Operand.tensor(self.dtype(), self.dim()),
        Operand.tensor(target.dtype(), target.dim()));
  }

  /**
   * The kernel: {@code (self - target)^2} elementwise in the promoted dtype (each step rounded to
   * it), then reduced as {@code mean()} or {@code sum()} would.
   */
  public static Tensor mseCompute(Tensor self, Tensor target, long reduction) {
    List<SymInt> shape = ShapeRules.of("mse_loss").broadcastShapes(self.geometry().sizes(),
        target.geometry().sizes());
    DType dtype = mseType(self, target);
    if (!dtype.isFloatingPoint()) {
      throw ReductionTypes.notImplemented("mse_cpu", dtype);
    }
    long[] sizes = Geometry.longs(shape);
    double[] a = self.to(dtype).expand(sizes).toDoubleArray();
    double[] b = target.to(dtype).expand(sizes).toDoubleArray();
    Tensor squares = Tensor.zeros(dtype, sizes);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = round(dtype, a[i] - b[i]);
      double sq = round(dtype, d * d);
      squares.storage().setDouble(i, sq);
      sum += sq;
    }
    if (reduction == NONE) {
      return squares;
    }
    return Tensor.scalar(dtype, reduction == MEAN ? sum / a.length : sum);
  }

  private static double round(DType dtype, double v) {
    return dtype == DType.FLOAT32 ? (double) (float) v : v;
  }

  /** {@code nll_loss}: element 0 of {@code nll_loss_forward}. */
  public static Object nllLoss(Args a, Ops ops) {
    List<?> out = (List<?>) ops.call("aten.nll_loss_forward.default", a.get(0), a.get(1),
        a.get(2), a.get(3), a.get(4));
    return out.get(0);
  }

  /** {@code nll_loss2d}: element 0 of {@code nll_loss2d_forward}. */
  public static Object nllLoss2d(Args a, Ops ops) {
    List<?> out = (List<?>) ops.call("aten.nll_loss2d_forward.default", a.get(0), a.get(1),
        a.get(2), a.get(3), a.get(4));
    return out.get(0);
  }

  /**
   * {@code nll_loss_nd}: the batch sizes checked, then {@code nll_loss} for 1-d and 2-d inputs,
   * {@code nll_loss2d} for 4-d ones, and for the other ranks {@code nll_loss2d} of the input
   * viewed as {@code [N, C, 1, -1]} and the target as {@code [N, 1, -1]}, an unreduced loss
   * viewed back to {@code [N, d1, ...]}. The spatial sizes are compared with C++ SymInt
   * operators, which a trace records.
   *
   * @throws TensorError ({@code ValueError}) {@code Expected input batch_size (3) to match target
   *     batch_size (4).}; {@code Expected target size [2, 4], got [2, 5]}
   */
  public static Object nllLossNd(Args a, Ops ops) {
    TensorValue self = a.tensor(0);
    TensorValue target = a.tensor(1);
    Provenance why = Provenance.of(a.op().toString());
    if (self.dim() < 1) {
      throw new TensorError(TensorError.PythonType.VALUE_ERROR,
          "Expected 1 or more dimensions (got " + self.dim() + ")");
    }
    if (self.dim() != 1
        && PyScalars.truth(ops.scalarBinary("ne", size(self, 0), size(target, 0)), why)) {
      throw new TensorError(TensorError.PythonType.VALUE_ERROR, "Expected input batch_size ("
          + self.symSize(0) + ") to match target batch_size (" + target.symSize(0) + ").");
    }
    if (self.dim() <= 2) {
      return ops.call("aten.nll_loss.default", self, target, a.get(2), a.get(3), a.get(4));
    }
    if (self.dim() == 4) {
      return ops.call("aten.nll_loss2d.default", self, target, a.get(2), a.get(3), a.get(4));
    }
    Object n = size(self, 0);
    Object c = size(self, 1);
    List<Object> outSize = new ArrayList<>(List.of(n));
    for (int d = 2; d < self.dim(); d++) {
      outSize.add(size(self, d));
    }
    if (!sameTail(target, 1, self, 2, ops, why)) {
      throw TensorError.runtime("Expected target size " + outSize + ", got "
          + target.symSizes());
    }
    TensorValue input = (TensorValue) ops.call("aten.contiguous.default", self);
    TensorValue labels = (TensorValue) ops.call("aten.contiguous.default", target);
    Object flatInput = nonEmpty(input, ops, why)
        ? ops.call("aten.view.default", input, List.of(n, c, 1L, -1L))
        : ops.call("aten.view.default", input, List.of(n, c, 0L, 0L));
    Object flatTarget = nonEmpty(labels, ops, why)
        ? ops.call("aten.view.default", labels, List.of(n, 1L, -1L))
        : ops.call("aten.view.default", labels, List.of(n, 0L, 0L));
    Object out = ops.call("aten.nll_loss2d.default", flatInput, flatTarget, a.get(2), a.get(3),
        a.get(4));
    return a.longValue(3) == NONE ? ops.call("aten.view.default", out, outSize) : out;
  }

  private static Object size(TensorValue t, int d) {
    return PyScalars.normalize(t.symSize(d));
  }

  /** {@code a.sym_sizes().slice(from) == b.sym_sizes().slice(from)}, size by size. */
  private static boolean sameTail(TensorValue a, int aFrom, TensorValue b, int bFrom, Ops ops,
      Provenance why) {
    if (a.dim() - aFrom != b.dim() - bFrom) {
      return false;
    }
    for (int i = 0; aFrom + i < a.dim(); i++) {
      if (!PyScalars.truth(ops.scalarBinary("eq", size(a, aFrom + i), size(b, bFrom + i)),
          why)) {
        return false;
      }
    }
    return true;
  }

  /** {@code t.sym_numel() > 0}. */
  private static boolean nonEmpty(TensorValue t, Ops ops, Provenance why) {
    return PyScalars.truth(ops.scalarBinary("gt", PyScalars.normalize(t.symNumel()), 0L), why);
  }
}
