package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.nn.MemoryFormats.Format;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code aten.convolution.default}'s shape, checks and output layout, as PyTorch's fake
 * convolution computes them on CPU: ATen's {@code select_conv_backend} first ({@code
 * check_shape_forward}, then the backend choice whose size tests, such as a batch of 16 or more
 * or a kernel wider than 3, become guards), then {@code meta_conv} (the output size {@code (L +
 * 2p - d(k-1) - 1) // s + 1} per spatial dim, or {@code (L-1)s - 2p + d(k-1) + op + 1}
 * transposed) and the memory format the backend and the input suggest.
 */
public final class Convolution {
  /** The CPU backends whose choice decides an output's memory format. */
  enum Backend {
    EMPTY, MKLDNN, SLOW_2D, SLOW_DILATED_2D, SLOW_3D, SLOW_TRANSPOSE, NNPACK, OTHER
  }

  private final TensorValue input;
  private final TensorValue weight;
  private final TensorValue bias;
  private final List<SymInt> stride;
  private final List<SymInt> padding;
  private final List<SymInt> dilation;
  private final boolean transposed;
  private final List<SymInt> outputPadding;
  private final SymInt groups;
  private final Provenance why;

  private Convolution(Args a, Provenance why) {
    this.input = a.tensor(0);
    this.weight = a.tensor(1);
    this.bias = a.optTensor(2);
    this.why = why;
    int dim = weight.dim() - 2;
    if (dim <= 0) {
      throw TensorError.runtime("weight should have at least three dimensions");
    }
    this.stride = expand(a.symIntList(3), "stride", dim);
    this.padding = expand(a.symIntList(4), "padding", dim);
    this.dilation = expand(a.symIntList(5), "dilation", dim);
    this.transposed = a.bool(6);
    this.outputPadding = expand(a.symIntList(7), "output_padding", dim);
    this.groups = a.symInt(8);
  }

  /** The convolution of a call, checked; {@code why} names the guards it records. */
  public static Convolution of(Args a, Provenance why) {
    Convolution c = new Convolution(a, why);
    c.checkShapeForward();
    return c;
  }

  /** {@code expand_param_if_needed}: one value for every spatial dim. */
  private static List<SymInt> expand(List<SymInt> values, String name, int dim) {
    if (values.size() == 1) {
      List<SymInt> out = new ArrayList<>();
      for (int i = 0; i < dim; i++) {
        out.add(values.get(0));
      }
      return out;
    }
    if (values.size() != dim) {
      throw TensorError.runtime("expected " + name + " to be a single integer value or a list of "
          + dim + " values to match the convolution dimensions, but got " + name + "="
          + values);
    }
    return values;
  }

  List<SymInt> stride() {
    return stride;
  }

  List<SymInt> padding() {
    return padding;
  }

  List<SymInt> dilation() {
    return dilation;
  }

  boolean transposed() {
    return transposed;
  }

  int groups() {
    return Math.toIntExact(groups.isConstant() ? groups.constantValue() : groups.guardInt(why));
  }

  private boolean holds(SymBool b) {
    return b.guardBool(why);
  }

  private boolean any(List<SymInt> values, Predicate<SymInt> test) {
    return values.stream().anyMatch(test);
  }

  /** ATen's {@code check_shape_forward}, with its error texts. */
  private void checkShapeForward() {
    if (any(padding, p -> holds(p.lt(0)))) {
      throw TensorError.runtime("negative padding is not supported");
    }
    if (any(outputPadding, p -> holds(p.lt(0)))) {
      throw TensorError.runtime("negative output_padding is not supported");
    }
    if (any(stride, s -> holds(s.le(0)))) {
      throw TensorError.runtime("non-positive stride is not supported");
    }
    int k = input.dim();
    List<SymInt> w = weight.symSizes();
    if (w.size() != k) {
      throw TensorError.runtime("Expected " + w.size() + "-dimensional input for " + w.size()
          + "-dimensional weight " + w + ", but got " + k + "-dimensional input of size "
          + input.symSizes() + " instead");
    }
    if (!holds(w.get(0).ge(groups))) {
      throw TensorError.runtime("Given groups=" + groups + ", expected weight to be at least "
          + groups + " at dimension 0, but got weight of size " + w + " instead");
    }
    if (!holds(w.get(0).mod(groups).eq(0))) {
      throw TensorError.runtime("Given groups=" + groups + ", expected weight to be divisible by "
          + groups + " at dimension 0, but got weight of size [" + w + "] instead");
    }
    if (!transposed) {
      if (!holds(input.symSize(1).eq(w.get(1).mul(groups)))) {
        throw TensorError.runtime("Given groups=" + groups + ", weight of size " + w
            + ", expected input" + input.symSizes() + " to have " + w.get(1).mul(groups)
            + " channels, but got " + input.symSize(1) + " channels instead");
      }
      if (bias != null && !(bias.dim() == 1 && holds(bias.symSize(0).eq(w.get(0))))) {
        throw TensorError.runtime("Given weight of size " + w
            + ", expected bias to be 1-dimensional with " + w.get(0) + " elements, but got bias"
            + " of size " + bias.symSizes() + " instead");
      }
      List<SymInt> inputShape = new ArrayList<>();
      List<SymInt> kernelShape = new ArrayList<>();
      boolean fits = true;
      for (int i = 2; i < k; i++) {
        inputShape.add(input.symSize(i).add(padding.get(i - 2).mul(2)));
        kernelShape.add(dilation.get(i - 2).mul(w.get(i).sub(1)).add(1));
        if (holds(inputShape.get(i - 2).lt(kernelShape.get(i - 2)))) {
          fits = false;
        }
      }
      if (!fits) {
        throw TensorError.runtime("Calculated padded input size per channel: ("
            + join(inputShape) + "). Kernel size: (" + join(kernelShape)
            + "). Kernel size can't be greater than actual input size");
      }
    } else {
      if (!holds(input.symSize(1).eq(w.get(0)))) {
        throw TensorError.runtime("Given transposed=1, weight of size " + w
            + ", expected input" + input.symSizes() + " to have " + w.get(0)
            + " channels, but got " + input.symSize(1) + " channels instead");
      }
      if (bias != null && !(bias.dim() == 1 && holds(bias.symSize(0).eq(w.get(1).mul(groups))))) {
        throw TensorError.runtime("Given transposed=1, weight of size " + w
            + ", expected bias to be 1-dimensional with " + w.get(1).mul(groups)
            + " elements, but got bias of size " + bias.symSizes() + " instead");
      }
    }
  }

  private static String join(List<SymInt> values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : " x ").append(values.get(i));
    }
    return b.toString();
  }

  private boolean strided() {
    return any(stride, s -> holds(s.ne(1)));
  }

  private boolean dilated() {
    return any(dilation, d -> holds(d.ne(1)));
  }

  /**
   * {@code _select_conv_backend} on CPU for the inputs a 1-d convolution views as 2-d. Its size
   * tests are the guards; PyTorch skips the choice when the batch size has no hint.
   */
  Backend selectBackend() {
    List<SymInt> in = new ArrayList<>(input.symSizes());
    List<SymInt> w = new ArrayList<>(weight.symSizes());
    if (in.size() == 3) {
      in.add(2, SymInt.of(1));
      w.add(2, SymInt.of(1));
    }
    if (in.get(0).eq(0).guardOrFalse(why) || in.get(1).eq(0).guardOrFalse(why)) {
      return Backend.EMPTY;
    }
    if (input.symNumel().eq(0).guardOrFalse(why)) {
      throw TensorError.runtime("Only zero batch or zero channel inputs are supported, but got"
          + " input shape: " + input.symSizes());
    }
    if (useMkldnn(in, w)) {
      return Backend.MKLDNN;
    }
    boolean dilated = dilated();
    if (!transposed && in.size() == 5 && !dilated) {
      return Backend.SLOW_3D;
    }
    if (transposed) {
      return Backend.SLOW_TRANSPOSE;
    }
    if (in.size() == 4) {
      if (dilated) {
        return Backend.SLOW_DILATED_2D;
      }
      return useNnpack(in, w) ? Backend.NNPACK : Backend.SLOW_2D;
    }
    return Backend.OTHER;
  }

  /**
   * {@code ConvParams::use_mkldnn} for a float32 CPU input: any stride or dilation, a batch of
   * 16 or more, or a kernel other than 1x1 (one intra-op thread); and groups, a kernel larger
   * than 3x3, a batch above 1, or more than 20480 input elements.
   */
  private boolean useMkldnn(List<SymInt> in, List<SymInt> w) {
    if (input.dtype() != DType.FLOAT32 || transposed) {
      return false;
    }
    SymInt kw = w.get(w.size() - 1);
    SymInt kh = w.get(w.size() - 2);
    boolean worthIt = strided() || dilated() || holds(in.get(0).ge(16)) || holds(kw.ne(1))
        || holds(kh.ne(1));
    if (!worthIt) {
      return false;
    }
    return holds(groups.gt(1)) || (holds(kw.gt(3)) && holds(kh.gt(3))) || holds(in.get(0).gt(1))
        || holds(in.get(0).mul(in.get(1)).mul(in.get(2)).mul(in.get(3)).gt(20480));
  }

  /** {@code ConvParams::use_nnpack}: float32, kernels up to 16x16 and a batch of 16 or more. */
  private boolean useNnpack(List<SymInt> in, List<SymInt> w) {
    return input.dtype() == DType.FLOAT32 && !dilated() && !transposed && weight.dim() == 4
        && holds(w.get(2).lt(17)) && holds(w.get(3).lt(17)) && holds(in.get(0).ge(16));
  }

  /** {@code _conv_determine_backend_memory_format} on the operator's own input and weight. */
  Format backendFormat(Backend backend) {
    if (backend == Backend.MKLDNN || backend == Backend.SLOW_2D
        || backend == Backend.SLOW_DILATED_2D) {
      Format in = MemoryFormats.suggest(input.geometry(), why);
      Format w = MemoryFormats.suggest(weight.geometry(), why);
      boolean channelsLast = in == Format.CHANNELS_LAST || w == Format.CHANNELS_LAST;
      if (channelsLast && weight.dim() == 4) {
        return Format.CHANNELS_LAST;
      }
    }
    return Format.CONTIGUOUS;
  }

  /** {@code calc_conv_nd_return_shape}: the output sizes, checked not to be empty. */
  List<SymInt> outputSizes() {
    List<SymInt> w = weight.symSizes();
    List<SymInt> dims = input.symSizes().subList(2, input.dim());
    SymInt outChannels;
    if (transposed) {
      outChannels = groups.mul(w.get(1));
    } else {
      outChannels = w.get(0);
      if (holds(w.get(1).mul(groups).ne(input.symSize(1)))) {
        throw TensorError.runtime("Invalid channel dimensions");
      }
    }
    List<SymInt> out = new ArrayList<>(List.of(input.symSize(0), outChannels));
    for (int i = 0; i < dims.size(); i++) {
      SymInt k = w.get(i + 2);
      SymInt extent = dilation.get(i).mul(k.sub(1));
      SymInt size = transposed
          ? dims.get(i).sub(1).mul(stride.get(i)).sub(padding.get(i).mul(2)).add(extent)
              .add(outputPadding.get(i)).add(1)
          : dims.get(i).add(padding.get(i).mul(2)).sub(extent).sub(1).floorDiv(stride.get(i))
              .add(1);
      out.add(size);
    }
    // any(x > 0 for x in spatial sizes): each a bool until one holds
    boolean nonEmpty = false;
    for (int i = 2; i < out.size() && !nonEmpty; i++) {
      nonEmpty = holds(out.get(i).gt(0));
    }
    if (!nonEmpty) {
      throw TensorError.runtime("Given input size per channel: " + dims
          + ". Calculated output size per channel: " + out.subList(2, out.size())
          + ". Output size is too small");
    }
    if (holds(input.symSize(1).eq(0))) {
      out.set(1, SymInt.of(0));
    }
    return out;
  }

  /**
   * The output's layout: {@code meta_conv}'s {@code out.to(memory_format)} for the format the
   * input suggests, then the fake kernel's conversion to the backend's format (when a backend
   * was chosen). Each conversion first asks whether the output already has that format.
   */
  Geometry outputLayout(List<SymInt> sizes, Format backendFormat) {
    Format picked;
    if (MemoryFormats.suggestOblivious(input.geometry(), why) == Format.CHANNELS_LAST) {
      picked = Format.CHANNELS_LAST;
    } else if (ShapeRules.of(why).isContiguous(input.geometry())) {
      picked = Format.CONTIGUOUS;
    } else {
      picked = null;
    }
    Geometry out = Geometry.contiguous(sizes);
    if (picked != null) {
      out = convert(out, picked);
    }
    return backendFormat == null ? out : convert(out, backendFormat);
  }

  /** {@code t.to(memory_format=format)}: the same layout when it suggests that format. */
  private Geometry convert(Geometry g, Format format) {
    return MemoryFormats.suggest(g, why) == format ? g : MemoryFormats.layout(g.sizes(), format);
  }

  /** The meta rule: the checked output's layout (guards recorded on the way). */
  public Geometry meta() {
    Format backendFormat = null;
    if (input.symSize(0).hint() != null) {
      backendFormat = backendFormat(selectBackend());
    }
    return outputLayout(outputSizes(), backendFormat);
  }

  /** The kernel: real inputs convolved into the layout {@link #meta} chose for them. */
  public Tensor compute(Geometry layout) {
    return ConvolutionKernel.run(this, layout);
  }

  /** The dtype of the output: the input's. */
  public DType dtype() {
    return input.dtype();
  }

  TensorValue input() {
    return input;
  }

  TensorValue weight() {
    return weight;
  }

  TensorValue bias() {
    return bias;
  }
}
