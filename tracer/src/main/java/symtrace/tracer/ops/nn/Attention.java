package symtrace.tracer.ops.nn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Metas;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.ops.linalg.MatrixShapes;
import symtrace.tracer.ops.linalg.TracedSizes;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * Scaled dot-product attention as ATen runs it on CPU: {@code scaled_dot_product_attention}
 * validates its inputs and asks {@code select_sdp_backend_cpp} for a backend; the fused {@code
 * _scaled_dot_product_flash_attention_for_cpu} takes 4-d inputs of one batch, head count and head
 * dim with unit last strides and no dropout, anything else goes to the composite {@code
 * _scaled_dot_product_attention_math} ({@code matmul}s and {@code _safe_softmax}). The backend
 * tests compare sizes, so on symbolic inputs they are guards.
 */
public final class Attention {
  private Attention() {}

  /** {@code validate_sdpa_input}. */
  private static void validate(TensorValue q, TensorValue k, TensorValue v, TensorValue mask) {
    if (q.dtype() != k.dtype() || q.dtype() != v.dtype()) {
      throw TensorError.runtime("Expected query, key, and value to have the same dtype, but got"
          + " query.dtype: " + name(q) + " key.dtype: " + name(k) + " and value.dtype: "
          + name(v) + " instead.");
    }
    if (q.dim() < 2 || k.dim() < 2 || v.dim() < 2) {
      throw TensorError.runtime("Expected query, key, and value to all be  at least 2"
          + " dimensional, but got query.dim: " + q.dim() + " key.dim: " + k.dim()
          + " and value.dim: " + v.dim() + " instead.");
    }
    if (mask != null && mask.dtype() != DType.BOOL && mask.dtype() != DType.FLOAT32
        && mask.dtype() != q.dtype()) {
      throw TensorError.runtime("Expected attn_mask dtype to be bool or float or to match query"
          + " dtype, but got attn_mask.dtype: " + name(mask) + " and  query.dtype: " + name(q)
          + " instead.");
    }
  }

  private static String name(TensorValue t) {
    return MatrixShapes.typeMetaName(t.dtype());
  }

  private static boolean eq(SymInt a, SymInt b, Provenance why) {
    return a.eq(b).guardBool(why);
  }

  /** {@code use_flash_attention_cpp}: its gates in ATen's order. */
  static boolean useFlash(TensorValue q, TensorValue k, TensorValue v, TensorValue mask,
      double dropout, Provenance why) {
    if (dropout > 0 || q.dim() != 4 || k.dim() != 4 || v.dim() != 4) {
      return false;
    }
    boolean sameBatch = eq(q.symSize(0), k.symSize(0), why) && eq(q.symSize(0), v.symSize(0), why);
    boolean sameHeads = eq(q.symSize(1), k.symSize(1), why) && eq(q.symSize(1), v.symSize(1), why);
    if (!sameBatch || !sameHeads) {
      return false;
    }
    if (mask != null && !maskShapeFits(q, k, mask, why)) {
      return false;
    }
    if (!(eq(q.symSize(3), k.symSize(3), why) && eq(q.symSize(3), v.symSize(3), why))) {
      return false;
    }
    boolean emptyQ = q.symSize(2).eq(0).guardBool(why);
    boolean emptyK = k.symSize(2).eq(0).guardBool(why);
    if (emptyQ || emptyK) {
      return false;
    }
    boolean unitStrides = q.symStride(3).eq(1).guardBool(why)
        && k.symStride(3).eq(1).guardBool(why) && v.symStride(3).eq(1).guardBool(why);
    if (mask != null) {
      // computed though a CPU kernel does not need it
      mask.symStride(mask.dim() - 1).eq(1).guardBool(why);
    }
    return unitStrides && q.dtype().isFloatingPoint();
  }

  /** {@code check_attn_mask_shape}: a 2-d mask, or 4-d broadcasting over batch and heads. */
  private static boolean maskShapeFits(TensorValue q, TensorValue k, TensorValue mask,
      Provenance why) {
    SymInt rows = mask.symSize(mask.dim() - 2);
    SymInt cols = mask.symSize(mask.dim() - 1);
    if (!eq(rows, q.symSize(2), why) && !rows.eq(1).guardBool(why)) {
      return false;
    }
    if (!eq(cols, k.symSize(2), why) && !cols.eq(1).guardBool(why)) {
      return false;
    }
    if (mask.dim() == 2) {
      return true;
    }
    return mask.dim() == 4
        && (mask.symSize(0).eq(1).guardBool(why) || eq(mask.symSize(0), q.symSize(0), why))
        && (mask.symSize(1).eq(1).guardBool(why) || eq(mask.symSize(1), q.symSize(1), why));
  }

  /**
   * {@code convert_boolean_attn_mask}: a bool mask becomes additive ({@code -inf} where it is
   * false, 0 where true); another mask is already additive.
   */
  private static Object additiveMask(TensorValue mask, DType dtype, Ops ops) {
    if (mask == null || mask.dtype() != DType.BOOL) {
      return mask;
    }
    Object zero = ops.call(ops.registry().get("aten.scalar_tensor.default"), List.of(0.0),
        Map.of("dtype", dtype));
    return ops.call("aten.where.ScalarSelf", ops.call("aten.logical_not.default", mask),
        Double.NEGATIVE_INFINITY, zero);
  }

  /** {@code aten.scaled_dot_product_attention.default}. */
  public static Object decompose(Args a, Ops ops) {
    TensorValue q = a.tensor(0);
    TensorValue k = a.tensor(1);
    TensorValue v = a.tensor(2);
    TensorValue mask = a.optTensor(3);
    double dropout = a.doubleValue(4);
    boolean causal = a.bool(5);
    Object scale = a.get(6);
    validate(q, k, v, mask);
    Provenance why = Provenance.of(a.op().toString());
    boolean flash = useFlash(q, k, v, mask, dropout, why);
    Object additive = additiveMask(mask, q.dtype(), ops);
    if (flash) {
      List<?> out = (List<?>) ops.call(ops.registry().get(
          "aten._scaled_dot_product_flash_attention_for_cpu.default"), List.of(q, k, v,
          dropout, causal), scaleAndMask(additive, scale));
      return out.get(0);
    }
    List<?> out = (List<?>) ops.call(ops.registry().get(
        "aten._scaled_dot_product_attention_math.default"), Arrays.asList(q, k, v,
        additive, dropout, causal), scaleAndGqa(scale, a.bool(7)));
    return out.get(0);
  }

  private static Map<String, Object> scaleAndMask(Object mask, Object scale) {
    HashMap<String, Object> kw = new HashMap<>();
    if (mask != null) {
      kw.put("attn_mask", mask);
    }
    if (scale != null) {
      kw.put("scale", scale);
    }
    return kw;
  }

  private static Map<String, Object> scaleAndGqa(Object scale, boolean gqa) {
    HashMap<String, Object> kw = new HashMap<>();
    if (scale != null) {
      kw.put("scale", scale);
    }
    if (gqa) {
      kw.put("enable_gqa", true);
    }
    return kw;
  }

  /**
   * {@code _scaled_dot_product_attention_math}: query and key each scaled by the square root of
   * the scale (for stability), {@code matmul}, the mask added, {@code _safe_softmax} over the
   * keys, {@code matmul} with the values; returns {@code (output, attention weights)}.
   */
  public static Object math(Args a, Ops ops) {
    TensorValue q = a.tensor(0);
    TensorValue k = a.tensor(1);
    TensorValue v = a.tensor(2);
    Object mask = a.optTensor(3);
    if (a.doubleValue(4) > 0) {
      throw TensorError.runtime("scaled_dot_product_attention with dropout_p > 0 draws random"
          + " numbers, which symtrace does not support");
    }
    boolean causal = a.bool(5);
    Object scale = a.get(7);
    if (a.bool(8) && !eq(q.symSize(q.dim() - 3), k.symSize(k.dim() - 3),
        Provenance.of(a.op().toString()))) {
      throw TensorError.runtime("scaled_dot_product_attention with enable_gqa and fewer key"
          + " heads is not supported");
    }
    boolean negative = scale != null && a.doubleValue(7) < 0;
    Object factor = sqrt(ops, scale != null ? Math.abs(a.doubleValue(7))
        : ops.scalarBinary("truediv", 1.0, sqrt(ops, toFloat(ops,
            TracedSizes.size(q, q.dim() - 1)))));
    Object query = ops.call("aten.mul.Tensor", q,
        negative ? ops.scalarBinary("sub", 0.0, factor) : factor);
    if (causal) {
      if (mask != null) {
        throw TensorError.runtime("_scaled_dot_product_attention: Explicit attn_mask should not"
            + " be set when is_causal=True");
      }
      Object ones = ops.call(ops.registry().get("aten.ones.default"),
          List.of(List.of(TracedSizes.size((TensorValue) query, q.dim() - 2),
              TracedSizes.size(k, k.dim() - 2))), Map.of("dtype", DType.BOOL));
      mask = additiveMask((TensorValue) ops.call("aten.tril.default", ones), q.dtype(), ops);
    }
    Object keys = ops.call("aten.mul.Tensor", ops.call("aten.transpose.int", k, -2L, -1L),
        factor);
    Object attn = ops.call("aten.matmul.default", query, keys);
    if (mask != null) {
      attn = ops.call("aten.add.Tensor", attn, mask);
    }
    attn = ops.call("aten._safe_softmax.default", attn, -1L);
    return List.of(ops.call("aten.matmul.default", attn, v), attn);
  }

  private static Object toFloat(Ops ops, Object size) {
    return PyScalars.isSymbolic(size) ? ops.call("torch.sym_float", size)
        : (Object) ((Number) size).doubleValue();
  }

  /** {@code x.sqrt()} of a Python float: {@code x ** 0.5} when symbolic. */
  private static Object sqrt(Ops ops, Object x) {
    return PyScalars.isSymbolic(x) ? ops.scalarBinary("pow", x, 0.5)
        : (Object) Math.sqrt(((Number) x).doubleValue());
  }

  /**
   * The fake outputs of {@code _scaled_dot_product_flash_attention_for_cpu}: the output like the
   * query ({@code empty_like}), the float32 logsumexp as a transposed {@code (B, L, H)}.
   */
  public static List<Object> flashMeta(Args a, Provenance why) {
    TensorValue q = a.tensor(0);
    List<SymInt> lse = List.of(q.symSize(0), q.symSize(2), q.symSize(1));
    Geometry t = Geometry.contiguous(lse);
    Geometry transposed = new Geometry(List.of(q.symSize(0), q.symSize(1), q.symSize(2)),
        List.of(t.stride(0), t.stride(2), t.stride(1)), SymInt.of(0));
    return List.of(Metas.emptyStrided(q.dtype(), likeLayout(q, why)),
        Metas.emptyStrided(DType.FLOAT32, transposed));
  }

  /** {@code empty_like(t)}: the same strides when dense, else dense ones in the same order. */
  private static Geometry likeLayout(TensorValue t, Provenance why) {
    ShapeRules rules = ShapeRules.of(why);
    List<SymInt> strides = rules.isNonOverlappingAndDense(t.geometry()) ? t.symStrides()
        : rules.denseStrides(t.geometry());
    return new Geometry(t.symSizes(), strides, SymInt.of(0));
  }

  /**
   * The kernel: per query row, scores {@code q . k * scale} (default {@code 1/sqrt(E)}), plus the
   * additive mask, keys after the row dropped when causal (aligned top-left), a softmax in double,
   * and the weighted values; the logsumexp of the scores.
   */
  public static List<Tensor> flashCompute(Args a) {
    Tensor q = a.realTensor(0);
    Tensor k = a.realTensor(1);
    Tensor v = a.realTensor(2);
    boolean causal = a.bool(4);
    Tensor mask = (Tensor) a.optTensor(5);
    int b = (int) q.size(0);
    int h = (int) q.size(1);
    int l = (int) q.size(2);
    int e = (int) q.size(3);
    int s = (int) k.size(2);
    int ev = (int) v.size(3);
    double scale = a.isNone(6) ? 1 / Math.sqrt(e) : a.doubleValue(6);
    double[] qv = q.toDoubleArray();
    double[] kv = k.toDoubleArray();
    double[] vv = v.toDoubleArray();
    double[] mv = mask == null ? null : mask.expand(b, h, l, s).toDoubleArray();
    Tensor out = q.emptyLike(q.dtype(), MemoryFormat.PRESERVE);
    Tensor lse = Tensor.zeros(DType.FLOAT32, b, l, h).transpose(1, 2);
    double[] scores = new double[s];
    for (int bh = 0; bh < b * h; bh++) {
      for (int i = 0; i < l; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < s; j++) {
          double dot = 0;
          for (int c = 0; c < e; c++) {
            dot += qv[(bh * l + i) * e + c] * kv[(bh * s + j) * e + c];
          }
          double score = dot * scale + (mv == null ? 0 : mv[(bh * l + i) * s + j]);
          scores[j] = causal && j > i ? Double.NEGATIVE_INFINITY : score;
          max = Math.max(max, scores[j]);
        }
        double sum = 0;
        for (int j = 0; j < s; j++) {
          scores[j] = Math.exp(scores[j] - max);
          sum += scores[j];
        }
        for (int c = 0; c < ev; c++) {
          double acc = 0;
          for (int j = 0; j < s; j++) {
            acc += scores[j] * vv[(bh * s + j) * ev + c];
          }
          out.setDoubleFlat((long) (bh * l + i) * ev + c, acc / sum);
        }
        lse.setDoubleFlat((long) bh * l + i, max + Math.log(sum));
      }
    }
    return List.of(out, lse);
  }
}
