package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.List;
import symtrace.tracer.torch.PyObject;
import symtrace.tracer.torch.PythonError;

/**
 * Python's {@code range(start, stop, step)} over ints (symbolic bounds are specialized before
 * a range is made); loops over it are unrolled.
 */
record PyRange(long start, long stop, long step) implements PyObject {
  PyRange {
    if (step == 0) {
      throw new IllegalArgumentException("range step 0");
    }
  }

  /** {@code len(range(...))}. */
  long length() {
    if (step > 0) {
      return start >= stop ? 0 : (stop - start - 1) / step + 1;
    }
    return start <= stop ? 0 : (start - stop - 1) / -step + 1;
  }

  /** The most items a range may unroll to: a loop is unrolled, not run. */
  static final long MAX_ITEMS = 1_000_000;

  /**
   * The values, in order.
   *
   * @throws PythonError ({@code NotImplementedError}) for a range too long to unroll
   */
  List<Object> values() {
    long n = length();
    if (n > MAX_ITEMS) {
      throw PythonError.unsupported(this + " has " + n + " items; loops are unrolled, and at most"
          + " " + MAX_ITEMS + " iterations are supported");
    }
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(start + i * step);
    }
    return out;
  }

  @Override
  public String pythonTypeName() {
    return "range";
  }

  @Override
  public String toString() {
    return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
  }
}
