package symtrace.tracer.tensor.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Storage;
import symtrace.tracer.tensor.Tensor;

/**
 * The deterministic real inputs of {@code program-language.md} ("Deterministic input data"):
 * every tool builds the same tensors from a spec alone. For the input at parameter position
 * {@code k} (0-based, counting every parameter, scalars included) and the element at row-major
 * index {@code i}:
 *
 * <ul>
 *   <li>float dtypes: {@code ((i * 7 + k * 3) % 17 - 8) / 4.0}
 *   <li>integer dtypes without a range: {@code (i * 5 + k) % 11 - 3}
 *   <li>integer dtypes with a range {@code {lo..hi}}: {@code lo + (i * 7 + k * 3) % (hi - lo + 1)}
 *   <li>bool: {@code (i * 3 + k) % 2 == 0}
 * </ul>
 *
 * A scalar input's value is the one its spec states. Every float value is a multiple of 1/4 in
 * [-2, 2], exact in float32. Tensors come out contiguous, in a new storage each.
 */
public final class InputData {
  private InputData() {}

  /** The float formula, {@code ((i * 7 + k * 3) % 17 - 8) / 4.0}. */
  public static double floatValue(long i, int k) {
    return ((i * 7 + k * 3L) % 17 - 8) / 4.0;
  }

  /** The integer formula without a range, {@code (i * 5 + k) % 11 - 3}. */
  public static long intValue(long i, int k) {
    return (i * 5 + k) % 11 - 3;
  }

  /** The integer formula with the range {@code lo..hi}, {@code lo + (i*7 + k*3) % (hi-lo+1)}. */
  public static long rangedIntValue(long i, int k, long lo, long hi) {
    return lo + (i * 7 + k * 3L) % (hi - lo + 1);
  }

  /** The bool formula, {@code (i * 3 + k) % 2 == 0}. */
  public static boolean boolValue(long i, int k) {
    return (i * 3 + k) % 2 == 0;
  }

  /** The tensor for {@code spec} at parameter position {@code k}. */
  public static Tensor tensor(InputSpec.TensorInput spec, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("negative parameter position " + k);
    }
    Tensor t = Tensor.zeros(spec.dtype(), spec.sizes());
    Storage s = t.storage();
    int n = s.size();
    DType dtype = spec.dtype();
    for (int i = 0; i < n; i++) {
      if (dtype.isFloatingPoint()) {
        s.setDouble(i, floatValue(i, k));
      } else if (dtype.isBool()) {
        s.setBool(i, boolValue(i, k));
      } else if (spec.hasRange()) {
        s.setLong(i, rangedIntValue(i, k, spec.low(), spec.high()));
      } else {
        s.setLong(i, intValue(i, k));
      }
    }
    return t;
  }

  /**
   * The input for {@code spec} at parameter position {@code k}: a {@link Tensor}, or a {@code
   * Long}, {@code Double} or {@code Boolean} for a scalar.
   */
  public static Object value(InputSpec spec, int k) {
    if (spec instanceof InputSpec.TensorInput t) {
      return tensor(t, k);
    }
    if (spec instanceof InputSpec.IntInput i) {
      return i.value();
    }
    if (spec instanceof InputSpec.FloatInput f) {
      return f.value();
    }
    return ((InputSpec.BoolInput) spec).value();
  }

  /** The inputs of all parameters, each at its position in {@code specs}. */
  public static List<Object> values(Collection<? extends InputSpec> specs) {
    List<Object> out = new ArrayList<>(specs.size());
    int k = 0;
    for (InputSpec spec : specs) {
      out.add(value(spec, k++));
    }
    return out;
  }
}
