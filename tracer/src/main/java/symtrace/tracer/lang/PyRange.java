package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.List;
import symtrace.tracer.torch.PyObject;

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

  /** The values, in order. */
  List<Object> values() {
    List<Object> out = new ArrayList<>();
    long n = length();
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
