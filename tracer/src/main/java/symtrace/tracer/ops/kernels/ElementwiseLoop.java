package symtrace.tracer.ops.kernels;

import java.util.List;
import symtrace.tracer.tensor.BoolStorage;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FloatStorage;
import symtrace.tracer.tensor.OffsetCursor;
import symtrace.tracer.tensor.Storage;
import symtrace.tracer.tensor.Tensor;

/**
 * The CPU loop of every elementwise kernel: the inputs are broadcast to the output's shape
 * (stride 0 on stretched dimensions), and each output element, in row-major order, is {@link
 * ElementFn} of the input elements at the same position, each converted to the computation
 * dtype first as TensorIterator casts its operands to the common dtype (an int64 becomes a
 * float32 by one rounding, a float64 0-dim operand of a float32 computation is rounded to
 * float32). The output is written through its own layout, whatever its strides.
 *
 * <p>The output must not share storage with an input unless it is that input with the same
 * layout (each element is read before it is written); in-place operators that may alias compute
 * into a fresh tensor and copy.
 */
public final class ElementwiseLoop {
  private ElementwiseLoop() {}

  /**
   * Computes {@code fn(inputs)} into {@code out}.
   *
   * @param compute the computation dtype (from type promotion)
   * @throws symtrace.tracer.tensor.TensorError when {@code fn} has no version for the
   *     computation dtype (ATen's dispatch error)
   */
  public static void run(Tensor out, List<Tensor> inputs, DType compute, ElementFn fn) {
    fn.checkSupports(compute);
    int n = inputs.size();
    long[] sizes = out.sizes();
    Storage[] storages = new Storage[n];
    OffsetCursor[] cursors = new OffsetCursor[n];
    for (int k = 0; k < n; k++) {
      Tensor in = inputs.get(k).expand(sizes);
      storages[k] = in.storage();
      cursors[k] = in.cursor();
    }
    Storage target = out.storage();
    OffsetCursor o = out.cursor();
    if (compute.isFloatingPoint()) {
      ElementFn.Floating f = fn.floating();
      Precision p = Precision.of(compute);
      double[] x = new double[n];
      while (o.hasNext()) {
        for (int k = 0; k < n; k++) {
          x[k] = readFloating(storages[k], cursors[k].next(), p);
        }
        target.setDouble(o.next(), p.round(f.apply(x, p)));
      }
    } else {
      ElementFn.Integral f = compute == DType.BOOL ? fn.bool() : fn.integral();
      long[] x = new long[n];
      while (o.hasNext()) {
        for (int k = 0; k < n; k++) {
          x[k] = wrap(storages[k].getLong(cursors[k].next()), compute);
        }
        target.setLong(o.next(), wrap(f.apply(x), compute));
      }
    }
  }

  /** An element converted to a floating computation dtype by one rounding. */
  static double readFloating(Storage s, int index, Precision p) {
    if (s instanceof FloatStorage f) {
      return p.round(f.getDouble(index));
    }
    if (s instanceof BoolStorage b) {
      return b.getBool(index) ? 1 : 0;
    }
    long v = s.getLong(index);
    return p == Precision.SINGLE ? (double) (float) v : (double) v;
  }

  /** An integer as an integral computation dtype holds it (bool as 0/1, int32 wrapped). */
  static long wrap(long v, DType compute) {
    return switch (compute) {
      case BOOL -> v != 0 ? 1 : 0;
      case INT32 -> (int) v;
      default -> v;
    };
  }
}
