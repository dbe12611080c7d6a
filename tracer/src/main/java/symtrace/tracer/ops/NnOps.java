package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.linalg.MatrixShapes;
import symtrace.tracer.ops.nn.Attention;
import symtrace.tracer.ops.nn.Convolution;
import symtrace.tracer.ops.nn.CrossEntropy;
import symtrace.tracer.ops.nn.ConvolutionMode;
import symtrace.tracer.ops.nn.Embedding;
import symtrace.tracer.ops.nn.LayerNorm;
import symtrace.tracer.ops.nn.Losses;
import symtrace.tracer.ops.nn.NllLoss2d;
import symtrace.tracer.ops.nn.Padding;
import symtrace.tracer.ops.nn.Pooling;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * Neural-network operators: {@code convolution} and its {@code conv1d}/{@code conv2d}/{@code
 * conv3d} composites (with a padding string through {@code _convolution_mode}), {@code
 * max_pool2d_with_indices} (and {@code max_pool2d}), {@code avg_pool2d}, {@code
 * native_layer_norm} (and {@code layer_norm}), {@code embedding}, {@code dropout}, {@code
 * constant_pad_nd} (and {@code pad}), the losses, and scaled dot-product
 * attention.
 */
final class NnOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    registerConvolutions(r);
    registerPooling(r);
    registerNormalization(r);
    registerLosses(r);
    registerAttention(r);
  }

  private static Provenance why(Args a) {
    return Provenance.of(a.op().toString());
  }

  /** An int list argument as values a call passes on (Longs, or SymInts). */
  private static List<Object> values(List<SymInt> ints) {
    List<Object> out = new ArrayList<>();
    for (SymInt s : ints) {
      out.add(PyScalars.normalize(s));
    }
    return out;
  }

  private static void registerConvolutions(OpRegistry.Builder r) {
    r.op("convolution(Tensor input, Tensor weight, Tensor? bias, SymInt[] stride,"
            + " SymInt[] padding, SymInt[] dilation, bool transposed, SymInt[] output_padding,"
            + " SymInt groups) -> Tensor")
        .meta((a, ctx) -> {
          Convolution c = Convolution.of(a, ctx.provenance());
          return Metas.emptyStrided(c.dtype(), c.meta());
        })
        .kernel(a -> {
          Convolution c = Convolution.of(a, why(a));
          return c.compute(c.meta());
        })
        .register();
    r.composite("_convolution_mode(Tensor input, Tensor weight, Tensor? bias, SymInt[] stride,"
        + " str padding, SymInt[] dilation, SymInt groups) -> Tensor", ConvolutionMode::decompose);
    for (int spatial = 1; spatial <= 3; spatial++) {
      int dims = spatial;
      r.composite("conv" + dims + "d(Tensor input, Tensor weight, Tensor? bias=None,"
              + " SymInt[" + dims + "] stride=1, SymInt[" + dims + "] padding=0,"
              + " SymInt[" + dims + "] dilation=1, SymInt groups=1) -> Tensor",
          (a, ops) -> convNd(a, ops, dims));
      r.composite("conv" + dims + "d.padding(Tensor input, Tensor weight, Tensor? bias=None,"
              + " SymInt[" + dims + "] stride=1, str padding=\"valid\","
              + " SymInt[" + dims + "] dilation=1, SymInt groups=1) -> Tensor",
          (a, ops) -> convNdPadding(a, ops, dims));
    }
  }

  /** ATen's {@code conv1d}/{@code conv2d}/{@code conv3d}: an unbatched input gains a batch. */
  private static Object convNd(Args a, Ops ops, int spatial) {
    TensorValue input = a.tensor(0);
    TensorValue bias = a.optTensor(2);
    if (bias != null && bias.dtype() != input.dtype()) {
      throw TensorError.runtime("Input type (" + MatrixShapes.typeMetaName(input.dtype())
          + ") and bias type (" + MatrixShapes.typeMetaName(bias.dtype())
          + ") should be the same");
    }
    boolean batched = isBatched(input, spatial);
    Object x = batched ? input : ops.call("aten.unsqueeze.default", input, 0L);
    List<Object> outputPadding = new ArrayList<>();
    for (int i = 0; i < spatial; i++) {
      outputPadding.add(0L);
    }
    Object out = ops.call("aten.convolution.default", x, a.get(1), bias,
        values(a.symIntList(3)), values(a.symIntList(4)), values(a.symIntList(5)), false,
        outputPadding, PyScalars.normalize(a.symInt(6)));
    return batched ? out : ops.call("aten.squeeze.dim", out, 0L);
  }

  /**
   * The {@code padding} overloads ({@code padding="same"} or {@code "valid"}): batched as {@link
   * #convNd}, then {@code _convolution_mode}.
   */
  private static Object convNdPadding(Args a, Ops ops, int spatial) {
    TensorValue input = a.tensor(0);
    boolean batched = isBatched(input, spatial);
    Object x = batched ? input : ops.call("aten.unsqueeze.default", input, 0L);
    Object out = ops.call("aten._convolution_mode.default", x, a.get(1), a.get(2),
        values(a.symIntList(3)), a.string(4), values(a.symIntList(5)),
        PyScalars.normalize(a.symInt(6)));
    return batched ? out : ops.call("aten.squeeze.dim", out, 0L);
  }

  /** ATen's {@code batchify}: whether the input has its batch dim, checking its rank. */
  private static boolean isBatched(TensorValue input, int spatial) {
    boolean batched = input.dim() == spatial + 2;
    if (!(input.dim() == spatial + 1 || batched)) {
      throw TensorError.runtime("Expected " + (spatial + 1) + "D (unbatched) or " + (spatial + 2)
          + "D (batched) input to conv" + spatial + "d, but got input of size: "
          + input.symSizes());
    }
    return batched;
  }

  private static void registerPooling(OpRegistry.Builder r) {
    String window = "int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] dilation=1,"
        + " bool ceil_mode=False)";
    r.op("max_pool2d_with_indices(Tensor self, " + window + " -> (Tensor, Tensor)")
        .meta((a, ctx) -> {
          Pooling p = maxPool(a, ctx.provenance());
          return List.of(Metas.emptyStrided(a.tensor(0).dtype(), p.outputLayout()),
              Metas.emptyStrided(DType.INT64, p.outputLayout()));
        })
        .kernel(a -> maxPool(a, why(a)).maxKernel())
        .register();
    r.composite("max_pool2d(Tensor self, " + window + " -> Tensor",
        (a, ops) -> ((List<?>) ops.call("aten.max_pool2d_with_indices.default", a.get(0),
            values(a.symIntList(1)), values(a.symIntList(2)), values(a.symIntList(3)),
            values(a.symIntList(4)), a.get(5))).get(0));
    r.op("avg_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0,"
            + " bool ceil_mode=False, bool count_include_pad=True, int? divisor_override=None)"
            + " -> Tensor")
        .meta((a, ctx) -> Metas.emptyStrided(a.tensor(0).dtype(),
            avgPool(a, ctx.provenance()).outputLayout()))
        .kernel(a -> avgPool(a, why(a)).avgKernel(a.bool(5), a.optLong(6)))
        .register();
    r.op("constant_pad_nd(Tensor self, SymInt[] pad, Scalar value=0) -> Tensor")
        .meta((a, ctx) -> Metas.emptyStrided(a.tensor(0).dtype(),
            Padding.outputLayout(a.tensor(0), a.symIntList(1), ctx.provenance())))
        .kernel(a -> Padding.compute(a.realTensor(0), a.symIntList(1), a.doubleValue(2), why(a)))
        .register();
    r.composite("pad(Tensor self, SymInt[] pad, str mode=\"constant\", float? value=None)"
            + " -> Tensor",
        (a, ops) -> {
          String mode = a.string(2);
          if (!List.of("constant", "reflect", "replicate", "circular").contains(mode)) {
            throw TensorError.runtime("Unrecognised padding mode " + mode);
          }
          if (!mode.equals("constant")) {
            if (a.get(3) != null) {
              throw TensorError.runtime(
                  "Padding mode \"" + mode + "\" doesn't take in value argument");
            }
            throw TensorError.runtime("pad(): mode \"" + mode + "\" is not supported; only"
                + " mode=\"constant\" is");
          }
          Object value = a.get(3) == null ? (Object) 0.0 : a.get(3);
          return ops.call("aten.constant_pad_nd.default", a.get(0), values(a.symIntList(1)),
              value);
        });
  }

  private static Pooling maxPool(Args a, Provenance why) {
    return Pooling.max(a.tensor(0), a.longList(1), a.longList(2), a.longList(3), a.longList(4),
        a.bool(5), why);
  }

  private static Pooling avgPool(Args a, Provenance why) {
    return Pooling.avg(a.tensor(0), a.longList(1), a.longList(2), a.longList(3), a.bool(4),
        a.optLong(6), why);
  }

  private static void registerNormalization(OpRegistry.Builder r) {
    r.op("native_layer_norm(Tensor input, SymInt[] normalized_shape, Tensor? weight,"
            + " Tensor? bias, float eps) -> (Tensor, Tensor, Tensor)")
        .meta((a, ctx) -> layerNorm(a, ctx.provenance()).meta())
        .kernel(a -> layerNorm(a, why(a)).compute(a.doubleValue(4)))
        .register();
    r.composite("layer_norm(Tensor input, SymInt[] normalized_shape, Tensor? weight=None,"
            + " Tensor? bias=None, float eps=1e-05, bool cudnn_enable=True) -> Tensor",
        (a, ops) -> ((List<?>) ops.call("aten.native_layer_norm.default", a.get(0),
            values(a.symIntList(1)), a.get(2), a.get(3), a.get(4))).get(0));
    r.op("embedding(Tensor weight, Tensor indices, SymInt padding_idx=-1,"
            + " bool scale_grad_by_freq=False, bool sparse=False) -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(0).dtype(),
            Embedding.outputSizes(a.tensor(0), a.tensor(1))))
        .kernel(a -> Embedding.compute(a.realTensor(0), a.realTensor(1)))
        .register();
    // Without training or dropping: a clone in PyTorch's decomposition (torch._decomp), the
    // input itself in ATen's C++ kernel, which runs when the Python dispatcher is off
    r.composite("dropout(Tensor input, float p, bool train) -> Tensor", (a, ops) -> {
      double p = a.doubleValue(1);
      if (p < 0 || p > 1) {
        throw TensorError.runtime(
            "dropout probability has to be between 0 and 1, but got " + p);
      }
      if (a.bool(2) && p != 0) {
        throw TensorError.runtime("dropout with train=True and p > 0 draws random numbers,"
            + " which symtrace does not support; use training=False or p=0");
      }
      return ops.pythonDispatcher() ? ops.call("aten.clone.default", a.get(0)) : a.get(0);
    });
  }

  private static LayerNorm layerNorm(Args a, Provenance why) {
    return new LayerNorm(a.tensor(0), a.symIntList(1), a.optTensor(2), a.optTensor(3), why);
  }

  private static void registerLosses(OpRegistry.Builder r) {
    r.op("nll_loss_forward(Tensor self, Tensor target, Tensor? weight, int reduction,"
            + " SymInt ignore_index) -> (Tensor output, Tensor total_weight)")
        .meta((a, ctx) -> Losses.nllMeta(a, ctx.provenance()))
        .kernel(Losses::nllCompute)
        .register();
    r.composite("nll_loss(Tensor self, Tensor target, Tensor? weight=None, int reduction=Mean,"
        + " SymInt ignore_index=-100) -> Tensor", Losses::nllLoss);
    r.op("nll_loss2d_forward(Tensor self, Tensor target, Tensor? weight, int reduction,"
            + " SymInt ignore_index) -> (Tensor output, Tensor total_weight)")
        .meta((a, ctx) -> NllLoss2d.meta(a, ctx.provenance()))
        .kernel(NllLoss2d::compute)
        .register();
    r.composite("nll_loss2d(Tensor self, Tensor target, Tensor? weight=None, int reduction=Mean,"
        + " SymInt ignore_index=-100) -> Tensor", Losses::nllLoss2d);
    r.composite("nll_loss_nd(Tensor self, Tensor target, Tensor? weight=None,"
        + " int reduction=Mean, SymInt ignore_index=-100) -> Tensor", Losses::nllLossNd);
    r.composite("cross_entropy_loss(Tensor self, Tensor target, Tensor? weight=None,"
        + " int reduction=Mean, SymInt ignore_index=-100, float label_smoothing=0.0) -> Tensor",
        CrossEntropy::decompose);
    r.op("mse_loss(Tensor self, Tensor target, int reduction=Mean) -> Tensor")
        .meta((a, ctx) -> Losses.mseMeta(a.tensor(0), a.tensor(1), a.longValue(2),
            ctx.provenance()))
        .kernel(a -> Losses.mseCompute(a.realTensor(0), a.realTensor(1), a.longValue(2)))
        .register();
  }

  private static void registerAttention(OpRegistry.Builder r) {
    r.op("_scaled_dot_product_flash_attention_for_cpu(Tensor query, Tensor key, Tensor value,"
            + " float dropout_p=0.0, bool is_causal=False, *, Tensor? attn_mask=None,"
            + " float? scale=None) -> (Tensor output, Tensor logsumexp)")
        .meta((a, ctx) -> Attention.flashMeta(a, ctx.provenance()))
        .kernel(Attention::flashCompute)
        .register();
    r.composite("_scaled_dot_product_attention_math(Tensor query, Tensor key, Tensor value,"
        + " Tensor? attn_mask=None, float dropout_p=0.0, bool is_causal=False,"
        + " Tensor? dropout_mask=None, *, float? scale=None, bool enable_gqa=False)"
        + " -> (Tensor, Tensor)", Attention::math);
    r.composite("scaled_dot_product_attention(Tensor query, Tensor key, Tensor value,"
        + " Tensor? attn_mask=None, float dropout_p=0.0, bool is_causal=False, *,"
        + " float? scale=None, bool enable_gqa=False) -> Tensor", Attention::decompose);
  }
}
