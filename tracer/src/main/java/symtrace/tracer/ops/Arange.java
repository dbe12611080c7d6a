package symtrace.tracer.ops;

import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/**
 * {@code arange}, as PyTorch's reference ({@code torch._refs.arange}) computes it for fake and
 * symbolic tensors: registered by {@link FactoryOps}.
 *
 * <ul>
 *   <li>dtype: given, else int64 when start, end and step are all ints (bools count, as in
 *       Python), else the default float32;
 *   <li>length: for int64 or integer bounds {@code (end - start + step - sgn(step)) // step} on
 *       the bounds truncated to ints, otherwise {@code ceil((end - start) / step)}; on SymInts
 *       and SymFloats both are symbolic expressions, not guards;
 *   <li>values: {@code start + i * step}, in int64 arithmetic for integer bounds and double
 *       otherwise, converted to the dtype.
 * </ul>
 */
final class Arange {
  /** The bounds and dtype of one call, checked. */
  private record Plan(DType dtype, SymInt length, Object start, Object step,
      boolean integerArgs) {}

  private Arange() {}

  static void register(OpRegistry.Builder r, String options) {
    r.op("arange(Scalar end, *, " + options + ") -> Tensor")
        .tags(Tag.FACTORY)
        .meta((a, ctx) -> meta(plan(ctx.provenance(), 0L, a.get(0), 1L, a.dtype(1))))
        .kernel(a -> run(plan(Elementwise.provenance(a), 0L, a.get(0), 1L, a.dtype(1))))
        .register();
    r.op("arange.start(Scalar start, Scalar end, *, " + options + ") -> Tensor")
        .tags(Tag.FACTORY)
        .meta((a, ctx) -> meta(plan(ctx.provenance(), a.get(0), a.get(1), 1L, a.dtype(2))))
        .kernel(a -> run(plan(Elementwise.provenance(a), a.get(0), a.get(1), 1L, a.dtype(2))))
        .register();
    r.op("arange.start_step(Scalar start, Scalar end, Scalar step=1, *, " + options
            + ") -> Tensor")
        .tags(Tag.FACTORY, Tag.CORE)
        .meta((a, ctx) -> meta(plan(ctx.provenance(), a.get(0), a.get(1), a.get(2),
            a.dtype(3))))
        .kernel(a -> run(plan(Elementwise.provenance(a), a.get(0), a.get(1), a.get(2),
            a.dtype(3))))
        .register();
  }

  /**
   * Checks the bounds and computes the dtype and length.
   *
   * @throws TensorError {@code step must be nonzero}, {@code upper bound and lower bound
   *     inconsistent with step sign}, {@code unsupported range: 0 -> inf}
   */
  private static Plan plan(Provenance why, Object start, Object end, Object step,
      DType dtype) {
    check(PyScalars.compare("!=", step, 0L), why, "step must be nonzero");
    if (PyScalars.truth(PyScalars.compare(">", step, 0L), why)) {
      check(PyScalars.compare(">=", end, start), why,
          "upper bound and lower bound inconsistent with step sign");
    } else if (PyScalars.truth(PyScalars.compare("<", step, 0L), why)) {
      check(PyScalars.compare("<=", end, start), why,
          "upper bound and lower bound inconsistent with step sign");
    }
    if (!finite(start) || !finite(end)) {
      throw TensorError.runtime("unsupported range: " + repr(start) + " -> " + repr(end));
    }
    if (!finite(step)) {
      throw TensorError.runtime("step must be finite but got " + repr(step));
    }
    boolean integerArgs = intLike(start) && intLike(end) && intLike(step);
    DType d = dtype != null ? dtype : integerArgs ? DType.INT64 : DType.DEFAULT_FLOAT;
    Object length;
    if (d == DType.INT64 || integerArgs) {
      Object xstart = PyScalars.toInt(start);
      Object xstep = PyScalars.toInt(step);
      long sgn = (PyScalars.truth(PyScalars.compare(">", xstep, 0L), why) ? 1 : 0)
          - (PyScalars.truth(PyScalars.compare("<", xstep, 0L), why) ? 1 : 0);
      Object span = PyScalars.sub(PyScalars.add(PyScalars.sub(PyScalars.toInt(end), xstart),
          xstep), sgn);
      length = PyScalars.floorDiv(span, xstep);
    } else {
      length = ceil(PyScalars.trueDiv(PyScalars.sub(end, start), step));
    }
    boolean integerValues = d.isInteger() || integerArgs;
    return new Plan(d, PyScalars.toSymInt(length),
        integerValues ? PyScalars.toInt(start) : start,
        integerValues ? PyScalars.toInt(step) : step, integerArgs);
  }

  private static Object meta(Plan p) {
    return Metas.empty(p.dtype(), java.util.List.of(p.length()));
  }

  private static Tensor run(Plan p) {
    long n = p.length().constantValue();
    Tensor out = Tensor.zeros(p.dtype(), n);
    if (p.dtype().isInteger() || p.integerArgs()) {
      long start = ((Number) PyScalars.normalize(p.start())).longValue();
      long step = ((Number) PyScalars.normalize(p.step())).longValue();
      for (long i = 0; i < n; i++) {
        out.setLongFlat(i, start + i * step);
      }
    } else {
      double start = ((Number) PyScalars.toFloat(PyScalars.normalize(p.start()))).doubleValue();
      double step = ((Number) PyScalars.toFloat(PyScalars.normalize(p.step()))).doubleValue();
      for (long i = 0; i < n; i++) {
        out.setDoubleFlat(i, start + step * i);
      }
    }
    return out;
  }

  /** {@code torch._check(cond)}: a guard on backed values, a runtime assert on unbacked ones. */
  private static void check(Object condition, Provenance why, String message) {
    boolean ok = condition instanceof SymBool b ? b.expectTrue(why) : (Boolean) condition;
    if (!ok) {
      throw TensorError.runtime(message);
    }
  }

  private static boolean intLike(Object v) {
    return PyScalars.isInt(v) || PyScalars.isBool(v);
  }

  private static boolean finite(Object v) {
    return !(v instanceof Double d) || Double.isFinite(d);
  }

  /** Python's text of a bound: {@code inf}, {@code nan} for the non-finite floats. */
  private static String repr(Object v) {
    if (v instanceof Double d && !Double.isFinite(d)) {
      return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
    }
    return String.valueOf(v);
  }

  private static Object ceil(Object v) {
    if (v instanceof SymFloat f) {
      return f.ceil();
    }
    return (long) Math.ceil((Double) v);
  }
}
