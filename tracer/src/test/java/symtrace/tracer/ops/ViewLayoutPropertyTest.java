package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * A fixed-seed property: chains of random view and shape operators on random shapes give the
 * same sizes, strides and storage offset on a fake tensor with symbolic sizes (read at the
 * hints) as on the real tensor, share the input's storage exactly when the real result does
 * (a copying reshape does not), and fail together. Size arguments are sometimes symbolic
 * ({@code x.size(d) - k}), as a traced program passes them.
 */
class ViewLayoutPropertyTest {
  private static final long SEED = 0x5EED_1A40L;
  private static final int CASES = 400;
  private static final int STEPS = 4;

  /** One argument value for both runs: the real one, and its fake counterpart. */
  private record Arg(Object real, Function<TensorValue, Object> fake) {
    static Arg of(Object v) {
      return new Arg(v, t -> v);
    }

    /** {@code x.size(d) + k}: a number on the real tensor, a SymInt on the fake one. */
    static Arg size(Tensor r, int d, long k) {
      return new Arg(r.size(d) + k, t -> PyScalars.normalize(t.symSize(d).add(k)));
    }
  }

  /** One operator call; {@code pick} chooses an output of a multi-output operator. */
  private record Step(String op, List<Arg> args, int pick) {
    Step(String op, Arg... args) {
      this(op, List.of(args), 0);
    }

    @Override
    public String toString() {
      List<Object> shown = new ArrayList<>();
      args.forEach(a -> shown.add(a.real()));
      return op + shown;
    }
  }

  @Test
  void fakeViewsHaveTheRealLayoutAtTheHints() {
    Random rnd = new Random(SEED);
    int checked = 0;
    for (int c = 0; c < CASES; c++) {
      long[] shape = randomShape(rnd);
      Tensor real = Tensor.zeros(DType.FLOAT32, shape);
      try (OpTesting eager = OpTesting.real(); OpTesting traced = OpTesting.symbolic()) {
        TensorValue r = real;
        FakeTensor input = traced.input(DType.FLOAT32, shape);
        TensorValue f = input;
        List<Step> trail = new ArrayList<>();
        for (int s = 0; s < STEPS; s++) {
          Step step = randomStep(rnd, (Tensor) r);
          trail.add(step);
          String where = "shape " + Arrays.toString(shape) + ", steps " + trail;
          Object realOut;
          try {
            realOut = call(eager, step, r, null);
          } catch (TensorError e) {
            assertFails(traced, step, f, where + " (real: " + e.getMessage() + ")");
            break;
          }
          Object fakeOut = call(traced, step, f, f);
          if (realOut instanceof List<?> parts && parts.isEmpty()) {
            assertEquals(List.of(), fakeOut, where);
            break;
          }
          r = pick(realOut, step);
          f = pick(fakeOut, step);
          assertSameLayout((Tensor) r, f, where);
          // A reshape that cannot be a view copies (clone + _unsafe_view): then both copy.
          boolean realView = ((Tensor) r).isAliasOf(real);
          assertEquals(realView, ((FakeTensor) f).isAliasOf(input),
              where + ": the fake result is a view exactly when the real one is");
          checked++;
          if (!realView) {
            break;
          }
        }
      }
    }
    assertTrue(checked > CASES, "too few successful steps: " + checked);
  }

  private static Object call(OpTesting t, Step step, TensorValue self, TensorValue fake) {
    List<Object> args = new ArrayList<>();
    args.add(self);
    for (Arg a : step.args()) {
      args.add(fake == null ? a.real() : a.fake().apply(fake));
    }
    return t.call(step.op(), args.toArray());
  }

  private static void assertFails(OpTesting traced, Step step, TensorValue f, String where) {
    try {
      call(traced, step, f, f);
    } catch (TensorError expected) {
      return;
    }
    fail(where + ": the fake call succeeded");
  }

  private static TensorValue pick(Object out, Step step) {
    if (out instanceof List<?> l) {
      return (TensorValue) l.get(Math.min(step.pick(), l.size() - 1));
    }
    return (TensorValue) out;
  }

  private static void assertSameLayout(Tensor r, TensorValue f, String where) {
    assertInstanceOf(FakeTensor.class, f, where);
    assertEquals(ints(r.sizes()), hints(f.symSizes()), where + ": sizes");
    assertEquals(ints(r.strides()), hints(f.symStrides()), where + ": strides");
    assertEquals(r.storageOffset(), f.symStorageOffset().hint(), where + ": storage offset");
  }

  private static List<Long> ints(long[] values) {
    return OpTesting.ints(values);
  }

  private static List<Long> hints(List<SymInt> values) {
    List<Long> out = new ArrayList<>();
    values.forEach(v -> out.add(v.hint()));
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // Generators

  private static long[] randomShape(Random rnd) {
    long[] shape = new long[1 + rnd.nextInt(4)];
    for (int d = 0; d < shape.length; d++) {
      int r = rnd.nextInt(10);
      shape[d] = r == 0 ? 0 : r == 1 ? 1 : 2 + rnd.nextInt(4);
    }
    return shape;
  }

  private static Step randomStep(Random rnd, Tensor r) {
    int ndim = r.dim();
    long[] sizes = r.sizes();
    int d = ndim == 0 ? 0 : rnd.nextInt(ndim);
    long size = ndim == 0 ? 1 : sizes[d];
    switch (rnd.nextInt(16)) {
      case 0:
        return new Step("aten.view.default", Arg.of(regroup(rnd, sizes)));
      case 1:
        return new Step("aten.reshape.default", Arg.of(regroup(rnd, sizes)));
      case 2:
        return new Step("aten.permute.default", Arg.of(permutation(rnd, ndim)));
      case 3:
        return new Step("aten.transpose.int", Arg.of((long) d),
            Arg.of((long) (ndim == 0 ? 0 : rnd.nextInt(ndim)) - (rnd.nextBoolean() ? ndim : 0)));
      case 4:
        return new Step("aten.unsqueeze.default", Arg.of((long) rnd.nextInt(ndim + 1)));
      case 5:
        return rnd.nextBoolean() ? new Step("aten.squeeze.default")
            : new Step("aten.squeeze.dim", Arg.of((long) d));
      case 6:
        return new Step("aten.expand.default", Arg.of(expansion(rnd, sizes)));
      case 7:
        return new Step("aten.select.int", Arg.of((long) d),
            size == 0 ? Arg.of(0L) : Arg.of(rnd.nextLong(-size, size)));
      case 8:
        return new Step("aten.slice.Tensor", Arg.of((long) d), bound(rnd, r, d), bound(rnd, r, d),
            Arg.of(1L + rnd.nextInt(3)));
      case 9: {
        long start = size == 0 ? 0 : rnd.nextLong(0, size + 1);
        Arg length = ndim > 0 && rnd.nextBoolean() ? Arg.size(r, d, -start)
            : Arg.of(rnd.nextLong(0, size - start + 1));
        return new Step("aten.narrow.default", Arg.of((long) d), Arg.of(start), length);
      }
      case 10:
        return new Step("aten.unfold.default", Arg.of((long) d),
            Arg.of(rnd.nextLong(0, size + 1)), Arg.of(1L + rnd.nextInt(2)));
      case 11:
        return ndim < 2 ? new Step("aten.t.default")
            : new Step("aten.diagonal.default", Arg.of((long) rnd.nextInt(5) - 2), Arg.of(0L),
                Arg.of((long) ndim - 1));
      case 12:
        return new Step("aten.split.Tensor", List.of(Arg.of(1L + rnd.nextInt(3)),
            Arg.of((long) d)), rnd.nextInt(3));
      case 13:
        return new Step("aten.unbind.int", List.of(Arg.of((long) d)), rnd.nextInt(3));
      case 14: {
        long start = ndim == 0 ? 0 : rnd.nextInt(ndim);
        return new Step("aten.flatten.using_ints", Arg.of(start),
            Arg.of(start + (ndim == 0 ? 0 : rnd.nextInt((int) (ndim - start)))));
      }
      default:
        return new Step("aten.unflatten.int", Arg.of((long) d), Arg.of(factors(rnd, size)));
    }
  }

  /** A slice bound: omitted, a number around the size, a symbolic size offset, or the end. */
  private static Arg bound(Random rnd, Tensor r, int d) {
    long size = r.dim() == 0 ? 1 : r.size(d);
    switch (rnd.nextInt(4)) {
      case 0:
        return Arg.of(null);
      case 1:
        return Arg.of(rnd.nextLong(-size - 2, size + 3));
      case 2:
        return r.dim() == 0 ? Arg.of(Long.MAX_VALUE) : Arg.size(r, d, -rnd.nextInt(3));
      default:
        return Arg.of(Long.MAX_VALUE);
    }
  }

  /** A shape of the same element count: dimensions merged or split, maybe one {@code -1}. */
  private static List<Long> regroup(Random rnd, long[] sizes) {
    List<Long> out = new ArrayList<>();
    for (long s : sizes) {
      if (!out.isEmpty() && rnd.nextInt(3) == 0) {
        out.set(out.size() - 1, out.get(out.size() - 1) * s);
      } else {
        out.addAll(factors(rnd, s));
      }
    }
    if (!out.isEmpty() && rnd.nextInt(3) == 0) {
      int i = rnd.nextInt(out.size());
      if (out.get(i) != 0) {
        out.set(i, -1L);
      }
    }
    return out;
  }

  /** {@code s} as one or two factors in some order. */
  private static List<Long> factors(Random rnd, long s) {
    for (long f = 2; f < s; f++) {
      if (s % f == 0 && rnd.nextBoolean()) {
        return rnd.nextBoolean() ? List.of(f, s / f) : List.of(s / f, f);
      }
    }
    return List.of(s);
  }

  private static List<Long> permutation(Random rnd, int ndim) {
    List<Long> dims = new ArrayList<>();
    for (long d = 0; d < ndim; d++) {
      dims.add(d);
    }
    Collections.shuffle(dims, rnd);
    return dims;
  }

  /** An expand target: size-1 dimensions stretched, {@code -1} kept, maybe a new leading one. */
  private static List<Long> expansion(Random rnd, long[] sizes) {
    List<Long> out = new ArrayList<>();
    if (rnd.nextBoolean()) {
      out.add(1L + rnd.nextInt(3));
    }
    for (long s : sizes) {
      out.add(s == 1 ? (long) rnd.nextInt(4) : rnd.nextBoolean() ? -1L : s);
    }
    return out;
  }
}
