package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * Property: for random valid calls of this branch's operators, the meta rule on symbolic inputs
 * (hinted by the real sizes) describes the kernel's result: the same dtypes, and sizes and
 * strides equal to the real ones at the hints. Fixed seed, so a failure names a reproducible
 * case.
 */
class FakeMatchesRealPropertyTest {
  private static final long SEED = 0x5EED_2024L;
  private static final int CASES_PER_FAMILY = 60;

  /** One input: a dtype and shape, and real data when the formula would not be valid. */
  private record Input(DType dtype, long[] sizes, Tensor data) {
    static Input of(DType dtype, long... sizes) {
      return new Input(dtype, sizes, null);
    }

    Tensor real(int k) {
      return data != null ? data : OpTesting.data(dtype, k, sizes);
    }

    @Override
    public String toString() {
      return dtype.shortName() + Arrays.toString(sizes);
    }
  }

  /** One call: the operator, its tensor inputs, and how its arguments are built from them. */
  private record Case(String op, List<Input> inputs, Function<List<TensorValue>, List<Object>> args,
      Map<String, Object> kwargs) {
    @Override
    public String toString() {
      return op + " on " + inputs + " with " + args.apply(placeholders()) + " " + kwargs;
    }

    private List<TensorValue> placeholders() {
      List<TensorValue> out = new ArrayList<>();
      for (Input in : inputs) {
        out.add(Tensor.zeros(in.dtype(), in.sizes()));
      }
      return out;
    }
  }

  @FunctionalInterface
  private interface Family {
    Case next(Random r);
  }

  private static long[] shape(Random r, int minDim, int maxDim, int maxSize) {
    long[] s = new long[minDim + r.nextInt(maxDim - minDim + 1)];
    for (int i = 0; i < s.length; i++) {
      s[i] = 1 + r.nextInt(maxSize);
    }
    return s;
  }

  private static List<Long> dimsSubset(Random r, int ndim, boolean nonEmpty) {
    List<Long> dims = new ArrayList<>();
    for (int d = 0; d < ndim; d++) {
      if (r.nextInt(2) == 0) {
        dims.add(r.nextBoolean() ? d : (long) d - ndim);
      }
    }
    if (dims.isEmpty() && nonEmpty && ndim > 0) {
      dims.add((long) r.nextInt(ndim));
    }
    return dims;
  }

  private static long dim(Random r, int ndim) {
    int d = r.nextInt(Math.max(ndim, 1));
    return r.nextBoolean() ? d : d - Math.max(ndim, 1);
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  private static Case unary(String op, Input x, Function<TensorValue, List<Object>> rest) {
    return new Case(op, List.of(x), t -> {
      List<Object> args = new ArrayList<>(List.of(t.get(0)));
      args.addAll(rest.apply(t.get(0)));
      return args;
    }, Map.of());
  }

  private static final List<Family> FAMILIES = List.of(
      r -> {
        Input x = Input.of(pick(r, DType.FLOAT32, DType.INT64, DType.BOOL), shape(r, 0, 4, 4));
        List<Long> dims = dimsSubset(r, x.sizes().length, false);
        boolean keep = r.nextBoolean();
        return unary("aten.sum.dim_IntList", x, t -> List.of(dims, keep));
      },
      r -> {
        Input x = Input.of(DType.FLOAT32, shape(r, 1, 4, 4));
        List<Long> dims = dimsSubset(r, x.sizes().length, true);
        boolean keep = r.nextBoolean();
        return unary(r.nextBoolean() ? "aten.mean.dim" : "aten.amax.default", x,
            t -> List.of(dims, keep));
      },
      r -> {
        Input x = Input.of(pick(r, DType.FLOAT32, DType.INT64), shape(r, 1, 4, 4));
        long d = dim(r, x.sizes().length);
        boolean keep = r.nextBoolean();
        String op = pick(r, "aten.argmax.default", "aten.argmin.default", "aten.max.dim",
            "aten.min.dim", "aten.prod.dim_int", "aten.cumsum.default", "aten.all.dim");
        if (op.equals("aten.cumsum.default")) {
          return unary(op, x, t -> List.of(d));
        }
        Object dimArg = op.startsWith("aten.arg") && r.nextInt(4) == 0 ? null : d;
        return unary(op, x, t -> Arrays.asList(dimArg, keep));
      },
      r -> {
        Input x = Input.of(DType.FLOAT32, shape(r, 1, 4, 4));
        List<Long> dims = dimsSubset(r, x.sizes().length, false);
        String op = r.nextBoolean() ? "aten.var.correction" : "aten.std.correction";
        return new Case(op, List.of(x), t -> List.of(t.get(0), dims),
            Map.of("correction", (long) r.nextInt(2), "keepdim", r.nextBoolean()));
      },
      r -> {
        Input x = Input.of(pick(r, DType.FLOAT32, DType.FLOAT64), shape(r, 0, 4, 4));
        long d = dim(r, x.sizes().length);
        return unary(r.nextBoolean() ? "aten._softmax.default" : "aten._log_softmax.default",
            x, t -> List.of(d, false));
      },
      r -> {
        long n = 1 + r.nextInt(4);
        long m = 1 + r.nextInt(4);
        long p = 1 + r.nextInt(4);
        return switch (r.nextInt(5)) {
          case 0 -> new Case("aten.mm.default", List.of(Input.of(DType.FLOAT32, n, m),
              Input.of(DType.FLOAT32, m, p)), t -> List.of(t.get(0), t.get(1)), Map.of());
          case 1 -> new Case("aten.bmm.default", List.of(Input.of(DType.FLOAT32, 2, n, m),
              Input.of(DType.FLOAT32, 2, m, p)), t -> List.of(t.get(0), t.get(1)), Map.of());
          case 2 -> new Case("aten.addmm.default", List.of(
              Input.of(DType.FLOAT32, r.nextBoolean() ? new long[] {p} : new long[] {n, p}),
              Input.of(DType.FLOAT32, n, m), Input.of(DType.FLOAT32, m, p)),
              t -> List.of(t.get(0), t.get(1), t.get(2)), Map.of("beta", 0.5, "alpha", 2L));
          case 3 -> new Case("aten.dot.default", List.of(Input.of(DType.FLOAT32, m),
              Input.of(DType.FLOAT32, m)), t -> List.of(t.get(0), t.get(1)), Map.of());
          default -> new Case("aten.mv.default", List.of(Input.of(DType.FLOAT32, n, m),
              Input.of(DType.FLOAT32, m)), t -> List.of(t.get(0), t.get(1)), Map.of());
        };
      },
      r -> {
        // matmul of any ranks from 1 to 4 with broadcastable batches: every path of the
        // decomposition (dot, mv, mm, folding, bmm)
        long n = 1 + r.nextInt(3);
        long m = 1 + r.nextInt(3);
        long p = 1 + r.nextInt(3);
        int d1 = 1 + r.nextInt(4);
        int d2 = 1 + r.nextInt(4);
        long[] batch = shape(r, 2, 2, 3);
        long[] a = new long[d1];
        long[] b = new long[d2];
        for (int i = 0; i < d1 - 2; i++) {
          a[i] = r.nextBoolean() ? batch[i] : 1;
        }
        for (int i = 0; i < d2 - 2; i++) {
          b[i] = r.nextBoolean() ? batch[i] : 1;
        }
        if (d1 >= 2) {
          a[d1 - 2] = n;
        }
        a[d1 - 1] = m;
        if (d2 >= 2) {
          b[d2 - 2] = m;
          b[d2 - 1] = p;
        } else {
          b[0] = m;
        }
        alignBatches(a, d1, b, d2);
        return new Case("aten.matmul.default", List.of(Input.of(DType.FLOAT32, a),
            Input.of(DType.FLOAT32, b)), t -> List.of(t.get(0), t.get(1)), Map.of());
      },
      r -> {
        int spatial = 1 + r.nextInt(2);
        long groups = 1 + r.nextInt(2);
        long inPerGroup = 1 + r.nextInt(2);
        long outPerGroup = 1 + r.nextInt(2);
        long[] kernel = new long[spatial];
        long[] stride = new long[spatial];
        long[] padding = new long[spatial];
        long[] dilation = new long[spatial];
        long[] in = new long[spatial + 2];
        in[0] = 1 + r.nextInt(2);
        in[1] = groups * inPerGroup;
        for (int i = 0; i < spatial; i++) {
          kernel[i] = 1 + r.nextInt(3);
          stride[i] = 1 + r.nextInt(2);
          padding[i] = r.nextInt(2);
          dilation[i] = 1 + r.nextInt(2);
          long needed = Math.max(1, dilation[i] * (kernel[i] - 1) + 1 - 2 * padding[i]);
          in[i + 2] = needed + r.nextInt(4);
        }
        long[] w = new long[spatial + 2];
        w[0] = groups * outPerGroup;
        w[1] = inPerGroup;
        System.arraycopy(kernel, 0, w, 2, spatial);
        boolean bias = r.nextBoolean();
        DType dtype = pick(r, DType.FLOAT32, DType.FLOAT64);
        List<Input> inputs = new ArrayList<>(List.of(Input.of(dtype, in), Input.of(dtype, w)));
        if (bias) {
          inputs.add(Input.of(dtype, w[0]));
        }
        return new Case("aten.convolution.default", inputs, t -> Arrays.asList(t.get(0),
            t.get(1), bias ? t.get(2) : null, longs(stride), longs(padding), longs(dilation),
            false, longs(new long[spatial]), groups), Map.of());
      },
      r -> {
        long k = 1 + r.nextInt(3);
        long s = r.nextInt(3);
        long dil = r.nextBoolean() ? 1 : 2;
        boolean max = r.nextBoolean();
        long pad = r.nextInt((int) (k / 2) + 1);
        if (max) {
          pad = Math.min(pad, ((k - 1) * dil + 1) / 2);
        } else {
          dil = 1;
        }
        long needed = Math.max(1, dil * (k - 1) + 1 - 2 * pad);
        long[] x = r.nextBoolean()
            ? new long[] {1 + r.nextInt(2), 1 + r.nextInt(3), needed + r.nextInt(4),
                needed + r.nextInt(4)}
            : new long[] {1 + r.nextInt(3), needed + r.nextInt(4), needed + r.nextInt(4)};
        List<Long> strideArg = s == 0 ? List.of() : List.of(s);
        boolean ceil = r.nextBoolean();
        long p = pad;
        long d = dil;
        if (max) {
          return unary("aten.max_pool2d_with_indices.default", Input.of(DType.FLOAT32, x),
              t -> List.of(List.of(k), strideArg, List.of(p), List.of(d), ceil));
        }
        boolean countPad = r.nextBoolean();
        return unary("aten.avg_pool2d.default", Input.of(DType.FLOAT32, x),
            t -> List.of(List.of(k), strideArg, List.of(p), ceil, countPad));
      },
      r -> {
        long[] x = shape(r, 1, 4, 4);
        int n = 1 + r.nextInt(Math.min(2, x.length));
        long[] normalized = Arrays.copyOfRange(x, x.length - n, x.length);
        boolean affine = r.nextBoolean();
        List<Input> inputs = new ArrayList<>(List.of(Input.of(DType.FLOAT32, x)));
        if (affine) {
          inputs.add(Input.of(DType.FLOAT32, normalized));
          inputs.add(Input.of(DType.FLOAT32, normalized));
        }
        return new Case("aten.native_layer_norm.default", inputs, t -> Arrays.asList(t.get(0),
            longs(normalized), affine ? t.get(1) : null, affine ? t.get(2) : null, 1e-5),
            Map.of());
      },
      r -> {
        long rows = 1 + r.nextInt(5);
        long[] ids = shape(r, 1, 3, 3);
        Tensor idData = Tensor.zeros(DType.INT64, ids);
        for (int i = 0; i < idData.numel(); i++) {
          idData.setLongFlat(i, r.nextInt((int) rows));
        }
        return new Case("aten.embedding.default", List.of(
            Input.of(DType.FLOAT32, rows, 1 + r.nextInt(4)),
            new Input(DType.INT64, ids, idData)), t -> List.of(t.get(0), t.get(1)), Map.of());
      },
      r -> {
        long[] x = shape(r, 1, 4, 4);
        int padded = 1 + r.nextInt(x.length);
        List<Long> pad = new ArrayList<>();
        for (int i = 0; i < padded; i++) {
          long size = x[x.length - 1 - i];
          long before = r.nextInt(3) - (size > 1 ? 1 : 0);
          pad.add(before);
          pad.add((long) r.nextInt(3));
        }
        return unary("aten.constant_pad_nd.default", Input.of(DType.FLOAT32, x),
            t -> List.of(pad, 0.5));
      },
      r -> {
        long classes = 1 + r.nextInt(4);
        boolean batched = r.nextBoolean();
        long batch = 1 + r.nextInt(4);
        long[] targetShape = batched ? new long[] {batch} : new long[0];
        Tensor target = Tensor.zeros(DType.INT64, targetShape);
        for (int i = 0; i < target.numel(); i++) {
          target.setLongFlat(i, r.nextInt(5) == 0 ? -100 : r.nextInt((int) classes));
        }
        boolean weighted = r.nextBoolean();
        List<Input> inputs = new ArrayList<>(List.of(
            Input.of(DType.FLOAT32, batched ? new long[] {batch, classes} : new long[] {classes}),
            new Input(DType.INT64, targetShape, target)));
        if (weighted) {
          inputs.add(Input.of(DType.FLOAT32, classes));
        }
        long reduction = r.nextInt(3);
        return new Case("aten.nll_loss_forward.default", inputs, t -> Arrays.asList(t.get(0),
            t.get(1), weighted ? t.get(2) : null, reduction, -100L), Map.of());
      },
      r -> {
        long[] q = shape(r, 4, 4, 3);
        long[] kv = q.clone();
        kv[2] = 1 + r.nextInt(3);
        boolean causal = r.nextBoolean();
        return new Case("aten._scaled_dot_product_flash_attention_for_cpu.default",
            List.of(Input.of(DType.FLOAT32, q), Input.of(DType.FLOAT32, kv),
                Input.of(DType.FLOAT32, kv)),
            t -> List.of(t.get(0), t.get(1), t.get(2), 0.0, causal), Map.of("scale", 0.5));
      },
      r -> {
        long[] a = shape(r, 1, 3, 3);
        long[] b = Arrays.copyOfRange(a, r.nextInt(a.length), a.length);
        long reduction = r.nextInt(3);
        return new Case("aten.mse_loss.default", List.of(Input.of(DType.FLOAT32, a),
            Input.of(DType.FLOAT32, b)), t -> List.of(t.get(0), t.get(1), reduction), Map.of());
      });

  /** Makes the batch dims of two matmul operands broadcast: aligned from the right, 1 or equal. */
  private static void alignBatches(long[] a, int d1, long[] b, int d2) {
    int ba = Math.max(d1 - 2, 0);
    int bb = Math.max(d2 - 2, 0);
    for (int i = 1; i <= Math.min(ba, bb); i++) {
      long x = a[ba - i];
      long y = b[bb - i];
      if (x != y && x != 1 && y != 1) {
        b[bb - i] = x;
      }
    }
  }

  private static List<Long> longs(long[] values) {
    List<Long> out = new ArrayList<>();
    for (long v : values) {
      out.add(v);
    }
    return out;
  }

  @Test
  void metaRulesDescribeKernelResultsAtTheHints() {
    Random r = new Random(SEED);
    for (Family family : FAMILIES) {
      for (int i = 0; i < CASES_PER_FAMILY; i++) {
        check(family.next(r));
      }
    }
  }

  private static void check(Case c) {
    Object real;
    try (OpHarness h = OpHarness.real()) {
      List<TensorValue> tensors = new ArrayList<>();
      for (int k = 0; k < c.inputs().size(); k++) {
        tensors.add(c.inputs().get(k).real(k));
      }
      real = h.callKw(c.op(), c.args().apply(tensors), c.kwargs());
    } catch (RuntimeException e) {
      throw new AssertionError("real run of " + c + " failed", e);
    }
    Object fake;
    try (OpHarness h = OpHarness.symbolic()) {
      List<TensorValue> tensors = new ArrayList<>();
      for (Input in : c.inputs()) {
        tensors.add(h.input(in.dtype(), in.sizes()));
      }
      fake = h.callKw(c.op(), c.args().apply(tensors), c.kwargs());
    } catch (RuntimeException e) {
      throw new AssertionError("symbolic run of " + c + " failed", e);
    }
    agree(c, real, fake);
  }

  private static void agree(Case c, Object real, Object fake) {
    if (real instanceof List<?> rs) {
      List<?> fs = (List<?>) fake;
      assertEquals(rs.size(), fs.size(), c.toString());
      for (int i = 0; i < rs.size(); i++) {
        agree(c, rs.get(i), fs.get(i));
      }
      return;
    }
    if (!(real instanceof Tensor t) || !(fake instanceof FakeTensor f)) {
      fail(c + ": real " + real + " but fake " + fake);
      return;
    }
    assertEquals(t.dtype(), f.dtype(), c + ": dtype");
    assertEquals(longs(t.sizes()), hints(f.symSizes()), c + ": sizes");
    assertEquals(longs(t.strides()), hints(f.symStrides()), c + ": strides");
  }

  private static List<Long> hints(List<SymInt> values) {
    List<Long> out = new ArrayList<>();
    for (SymInt s : values) {
      out.add(s.hint());
    }
    return out;
  }
}
