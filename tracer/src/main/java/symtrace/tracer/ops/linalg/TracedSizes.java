package symtrace.tracer.ops.linalg;

import java.util.ArrayList;
import java.util.List;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.TensorValue;

/**
 * Sizes as a composite passes them to the operators it calls: a plain {@code Long} for a
 * constant, the SymInt otherwise, so that a trace sees the tensor's own size values.
 */
public final class TracedSizes {
  private TracedSizes() {}

  /** {@code t.size(d)} for a dim already wrapped. */
  public static Object size(TensorValue t, int d) {
    return PyScalars.normalize(t.symSize(d));
  }

  /** {@code t.shape[from:to]}. */
  public static List<Object> range(TensorValue t, int from, int to) {
    List<Object> out = new ArrayList<>();
    for (int d = from; d < to; d++) {
      out.add(size(t, d));
    }
    return out;
  }

  /**
   * {@code functools.reduce(operator.mul, values)}: multiplied left to right from the first
   * value (1 for none), each step through {@link Ops#mul} so that symbolic products are traced;
   * a multiplication by an initial 1, which PyTorch's tracer drops, is never made.
   */
  public static Object product(Ops ops, List<?> values) {
    if (values.isEmpty()) {
      return 1L;
    }
    Object p = PyScalars.normalize(values.get(0));
    for (int i = 1; i < values.size(); i++) {
      p = ops.mul(p, values.get(i));
    }
    return p;
  }
}
