package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * Property: for random operators of the pointwise, conversion and factory groups on random
 * broadcasting shapes, dtypes and layouts (some transposed, some sizes 1, some that do not
 * broadcast), symbolic fake execution gives the output dtype, sizes and strides that real
 * execution gives at the hints, and fails exactly when real execution fails for a reason that
 * does not depend on values. The seed is fixed.
 */
class PointwiseFakeRealPropertyTest {
  private static final long SEED = 0x5eed_2024L;
  private static final int CASES = 600;
  private static final DType[] DTYPES = DType.values();

  /** An operator and the kinds of its arguments: T tensor, B bool tensor, S number, D dtype. */
  private record Spec(String op, String kinds, boolean inPlace, Map<String, Object> kwargs) {
    static Spec of(String op, String kinds) {
      return new Spec(op, kinds, op.contains("_."), Map.of());
    }
  }

  private static final List<Spec> SPECS = List.of(
      Spec.of("aten.add.Tensor", "TT"), Spec.of("aten.sub.Tensor", "TT"),
      Spec.of("aten.rsub.Tensor", "TT"), Spec.of("aten.mul.Tensor", "TT"),
      Spec.of("aten.div.Tensor", "TT"), Spec.of("aten.floor_divide.default", "TT"),
      Spec.of("aten.remainder.Tensor", "TT"), Spec.of("aten.pow.Tensor_Tensor", "TT"),
      Spec.of("aten.maximum.default", "TT"), Spec.of("aten.minimum.default", "TT"),
      Spec.of("aten.eq.Tensor", "TT"), Spec.of("aten.lt.Tensor", "TT"),
      Spec.of("aten.ge.Tensor", "TT"), Spec.of("aten.logical_and.default", "TT"),
      Spec.of("aten.logical_or.default", "TT"), Spec.of("aten.add.Tensor", "TS"),
      Spec.of("aten.mul.Tensor", "TS"), Spec.of("aten.add.Scalar", "TS"),
      Spec.of("aten.div.Scalar", "TS"), Spec.of("aten.remainder.Scalar", "TS"),
      Spec.of("aten.pow.Tensor_Scalar", "TS"), Spec.of("aten.pow.Scalar", "ST"),
      Spec.of("aten.gt.Scalar", "TS"), Spec.of("aten.ne.Scalar", "TS"),
      new Spec("aten.div.Tensor_mode", "TT", false, Map.of("rounding_mode", "floor")),
      new Spec("aten.div.Tensor_mode", "TT", false, Map.of("rounding_mode", "trunc")),
      Spec.of("aten.neg.default", "T"), Spec.of("aten.abs.default", "T"),
      Spec.of("aten.exp.default", "T"), Spec.of("aten.log.default", "T"),
      Spec.of("aten.sqrt.default", "T"), Spec.of("aten.rsqrt.default", "T"),
      Spec.of("aten.sin.default", "T"), Spec.of("aten.tanh.default", "T"),
      Spec.of("aten.sigmoid.default", "T"), Spec.of("aten.relu.default", "T"),
      Spec.of("aten.gelu.default", "T"), Spec.of("aten.silu.default", "T"),
      Spec.of("aten.logical_not.default", "T"), Spec.of("aten.reciprocal.default", "T"),
      Spec.of("aten.clamp.default", "TSS"), Spec.of("aten.clamp.Tensor", "TTT"),
      Spec.of("aten.where.self", "BTT"), Spec.of("aten.where.ScalarOther", "BTS"),
      Spec.of("aten.masked_fill.Scalar", "TBS"),
      Spec.of("aten.clone.default", "T"), Spec.of("aten.to.dtype", "TD"),
      Spec.of("aten._to_copy.default", "T"), Spec.of("aten.zeros_like.default", "T"),
      Spec.of("aten.full_like.default", "TS"), Spec.of("aten.new_ones.default", "TZ"),
      Spec.of("aten.add_.Tensor", "TT"), Spec.of("aten.sub_.Tensor", "TT"),
      Spec.of("aten.mul_.Tensor", "TT"), Spec.of("aten.div_.Tensor", "TT"),
      Spec.of("aten.relu_.default", "T"), Spec.of("aten.clamp_.default", "TSS"),
      Spec.of("aten.masked_fill_.Scalar", "TBS"), Spec.of("aten.copy_.default", "TT"),
      Spec.of("aten.fill_.Scalar", "TS"), Spec.of("aten.zero_.default", "T"));

  /** One tensor argument: its dtype, its sizes, and whether it is a transposed view. */
  private record TensorArg(DType dtype, long[] sizes, boolean transposed, int position) {}

  @Test
  void fakeExecutionAgreesWithRealExecutionAtTheHints() {
    Random rnd = new Random(SEED);
    int failures = 0;
    int successes = 0;
    for (int i = 0; i < CASES; i++) {
      Spec spec = SPECS.get(rnd.nextInt(SPECS.size()));
      List<Object> plan = arguments(spec, rnd);
      String what = "case " + i + ": " + spec.op() + " " + describe(plan);
      Object realOut;
      try {
        realOut = OpTesting.real().callKw(spec.op(), realArgs(plan), spec.kwargs());
      } catch (TensorError e) {
        if (e.getMessage().equals("ZeroDivisionError")) {
          continue;
        }
        assertFakeFails(spec, plan, e, what);
        failures++;
        continue;
      }
      try (OpTesting s = OpTesting.symbolic()) {
        List<Object> fakeArgs = fakeArgs(s, plan);
        Object fakeOut;
        try {
          fakeOut = s.callKw(spec.op(), fakeArgs, spec.kwargs());
        } catch (TensorError e) {
          throw new AssertionError(what + ": fake execution failed: " + e.getMessage(), e);
        }
        Tensor r = (Tensor) realOut;
        TensorValue f = (TensorValue) fakeOut;
        assertEquals(r.dtype(), f.dtype(), what);
        assertEquals(Arrays.toString(r.sizes()), hints(f.symSizes()), what);
        assertEquals(Arrays.toString(r.strides()), hints(f.symStrides()), what);
        if (spec.inPlace()) {
          assertSame(fakeArgs.get(0), fakeOut, what);
        }
        successes++;
      }
    }
    assertTrue(successes > CASES / 2, "successes " + successes);
    assertTrue(failures > 10, "failures " + failures);
  }

  private static void assertFakeFails(Spec spec, List<Object> plan, TensorError real,
      String what) {
    try (OpTesting s = OpTesting.symbolic()) {
      s.callKw(spec.op(), fakeArgs(s, plan), spec.kwargs());
      fail(what + ": real execution failed (" + real.getMessage() + ") but fake succeeded");
    } catch (TensorError e) {
      assertEquals(real.pythonType(), e.pythonType(), what);
    }
  }

  /** Random arguments: tensors whose shapes broadcast to one random shape (mostly). */
  private static List<Object> arguments(Spec spec, Random rnd) {
    int ndim = rnd.nextInt(4);
    long[] out = new long[ndim];
    for (int d = 0; d < ndim; d++) {
      out[d] = 1 + rnd.nextInt(4);
    }
    List<Object> args = new ArrayList<>();
    for (int k = 0; k < spec.kinds().length(); k++) {
      char kind = spec.kinds().charAt(k);
      switch (kind) {
        case 'S' -> args.add(new Object[] {2L, -1L, 2.5, 0.5, true}[rnd.nextInt(5)]);
        case 'D' -> args.add(DTYPES[rnd.nextInt(DTYPES.length)]);
        case 'Z' -> args.add(OpTesting.ints(Arrays.copyOf(out, out.length)));
        default -> {
          DType dtype = kind == 'B' ? DType.BOOL : DTYPES[rnd.nextInt(DTYPES.length)];
          long[] sizes = k == 0 && spec.inPlace() ? out.clone() : broadcastable(out, rnd);
          boolean transposed = sizes.length >= 2 && rnd.nextInt(3) == 0;
          args.add(new TensorArg(dtype, sizes, transposed, k));
        }
      }
    }
    return args;
  }

  /** A shape that broadcasts to {@code out}, or rarely one that does not. */
  private static long[] broadcastable(long[] out, Random rnd) {
    int ndim = out.length - (out.length > 0 ? rnd.nextInt(out.length + 1) : 0);
    long[] sizes = Arrays.copyOfRange(out, out.length - ndim, out.length);
    for (int d = 0; d < sizes.length; d++) {
      int r = rnd.nextInt(10);
      if (r < 2) {
        sizes[d] = 1;
      } else if (r == 2 && sizes[d] > 1) {
        sizes[d] = sizes[d] + 1;
      }
    }
    return sizes;
  }

  private static List<Object> realArgs(List<Object> plan) {
    List<Object> out = new ArrayList<>();
    for (Object a : plan) {
      if (a instanceof TensorArg t) {
        if (t.transposed()) {
          Tensor base = OpTesting.data(t.dtype(), t.position(), swapLast(t.sizes()));
          out.add(base.transpose(-1, -2));
        } else {
          out.add(OpTesting.data(t.dtype(), t.position(), t.sizes()));
        }
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static List<Object> fakeArgs(OpTesting s, List<Object> plan) {
    List<Object> out = new ArrayList<>();
    for (Object a : plan) {
      if (a instanceof TensorArg t) {
        if (t.transposed()) {
          FakeTensor base = s.input(t.dtype(), swapLast(t.sizes()));
          out.add(base.view(transposeLast(base.geometry())));
        } else {
          out.add(s.input(t.dtype(), t.sizes()));
        }
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static long[] swapLast(long[] sizes) {
    long[] s = sizes.clone();
    int n = s.length;
    long tmp = s[n - 1];
    s[n - 1] = s[n - 2];
    s[n - 2] = tmp;
    return s;
  }

  private static Geometry transposeLast(Geometry g) {
    List<SymInt> sizes = new ArrayList<>(g.sizes());
    List<SymInt> strides = new ArrayList<>(g.strides());
    int n = sizes.size();
    java.util.Collections.swap(sizes, n - 1, n - 2);
    java.util.Collections.swap(strides, n - 1, n - 2);
    return new Geometry(sizes, strides, g.storageOffset());
  }

  private static String hints(List<SymInt> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).hint();
    }
    return Arrays.toString(out);
  }

  private static String describe(List<Object> plan) {
    List<String> parts = new ArrayList<>();
    for (Object a : plan) {
      parts.add(a instanceof TensorArg t
          ? t.dtype().shortName() + Arrays.toString(t.sizes()) + (t.transposed() ? ".T" : "")
          : String.valueOf(a));
    }
    return parts.toString();
  }
}
