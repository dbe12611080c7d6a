package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.nn.MemoryFormats.Format;
import symtrace.tracer.ops.reduce.ReductionTypes;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * 2-d max and average pooling over a 3-d {@code (C, H, W)} or 4-d {@code (N, C, H, W)} input:
 * the window parameters as PyTorch's meta functions unpack and check them, the output size
 * {@code (L + 2p - d(k-1) - 1 [+ s-1 with ceil_mode]) // s + 1} (one less with ceil_mode when the
 * last window would start in the padding), {@code pool2d_shape_check}, the memory format the
 * input suggests, and the CPU kernels. Immutable.
 */
public final class Pooling {
  private final TensorValue input;
  private final long kH;
  private final long kW;
  private final long dH;
  private final long dW;
  private final long padH;
  private final long padW;
  private final long dilationH;
  private final long dilationW;
  private final SymInt outH;
  private final SymInt outW;
  private final Format format;

  private Pooling(TensorValue input, long[] kernel, long[] stride, long[] padding,
      long[] dilation, boolean ceilMode, Provenance why) {
    this.input = input;
    this.kH = kernel[0];
    this.kW = kernel[1];
    this.dH = stride[0];
    this.dW = stride[1];
    this.padH = padding[0];
    this.padW = padding[1];
    this.dilationH = dilation[0];
    this.dilationW = dilation[1];
    SymInt planes = input.symSize(ShapeRules.wrapDim(-3, input.dim(), false));
    SymInt height = input.symSize(ShapeRules.wrapDim(-2, input.dim(), false));
    SymInt width = input.symSize(ShapeRules.wrapDim(-1, input.dim(), false));
    this.format = MemoryFormats.suggestOblivious(input.geometry(), why);
    if (format == Format.CHANNELS_LAST ? input.dim() != 4
        : input.dim() != 3 && input.dim() != 4) {
      throw TensorError.runtime(format == Format.CHANNELS_LAST
          ? "non-empty 4D (batch mode) tensor expected for input with channels_last layout"
          : "non-empty 3D or 4D (batch mode) tensor expected for input");
    }
    this.outH = outputSize(height, kH, padH, dH, dilationH, ceilMode, why);
    this.outW = outputSize(width, kW, padW, dW, dilationW, ceilMode, why);
    shapeCheck(planes, height, width, why);
  }

  /** {@code unpack(name, val)}: one value for both dims, or two. */
  private static long[] unpack(String fn, String name, long[] values) {
    if (values.length != 1 && values.length != 2) {
      throw TensorError.runtime(fn + ": " + name
          + " must either be a single int, or a tuple of two ints");
    }
    return new long[] {values[0], values.length == 1 ? values[0] : values[1]};
  }

  private static long[] strides(String fn, long[] stride, long[] kernel) {
    if (stride.length > 2) {
      throw TensorError.runtime(fn + ": stride must either be omitted, a single int, or a tuple"
          + " of two ints");
    }
    if (stride.length == 0) {
      return kernel;
    }
    return unpack(fn, "stride", stride);
  }

  /** {@code max_pool2d_with_indices}'s window. */
  public static Pooling max(TensorValue input, long[] kernel, long[] stride, long[] padding,
      long[] dilation, boolean ceilMode, Provenance why) {
    String fn = "max_pool2d";
    long[] k = unpack(fn, "kernel_size", kernel);
    return new Pooling(input, k, strides(fn, stride, k),
        unpack(fn, "padding", padding), unpack(fn, "dilation", dilation), ceilMode, why);
  }

  /**
   * {@code avg_pool2d}'s window (no dilation).
   *
   * @throws TensorError {@code divisor must be not zero}
   */
  public static Pooling avg(TensorValue input, long[] kernel, long[] stride, long[] padding,
      boolean ceilMode, Long divisorOverride, Provenance why) {
    String fn = "avg_pool2d";
    long[] k = unpack(fn, "kernel_size", kernel);
    long[] s = strides(fn, stride, k);
    long[] p = unpack(fn, "padding", padding);
    if (divisorOverride != null && divisorOverride == 0) {
      throw TensorError.runtime("divisor must be not zero");
    }
    return new Pooling(input, k, s, p, new long[] {1, 1}, ceilMode, why);
  }

  /** {@code pooling_output_shape}: the number of windows along one dim. */
  static SymInt outputSize(SymInt in, long kernel, long pad, long stride, long dilation,
      boolean ceilMode, Provenance why) {
    if (stride == 0) {
      throw TensorError.runtime("stride should not be zero");
    }
    if (pad < 0) {
      throw TensorError.runtime("pad must be non-negative, but got pad: " + pad);
    }
    if (pad > ((kernel - 1) * dilation + 1) / 2) {
      throw TensorError.runtime("pad should be at most half of effective kernel size, but got"
          + " pad=" + pad + ", kernel_size=" + kernel + " and dilation=" + dilation);
    }
    SymInt out = in.add(2 * pad - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0))
        .floorDiv(stride).add(1);
    if (ceilMode && out.sub(1).mul(stride).ge(in.add(pad)).guardBool(why)) {
      out = out.sub(1);
    }
    return out;
  }

  /** ATen's {@code pool2d_shape_check}, with its error texts. */
  private void shapeCheck(SymInt planes, SymInt height, SymInt width, Provenance why) {
    if (!(kW > 0 && kH > 0)) {
      throw TensorError.runtime("kernel size should be greater than zero, but got kH: " + kH
          + " kW: " + kW);
    }
    if (!(dW > 0 && dH > 0)) {
      throw TensorError.runtime("stride should be greater than zero, but got dH: " + dH
          + " dW: " + dW);
    }
    if (!(dilationH > 0 && dilationW > 0)) {
      throw TensorError.runtime("dilation should be greater than zero, but got dilationH: "
          + dilationH + " dilationW: " + dilationW);
    }
    int ndim = input.dim();
    boolean validDims = input.symSize(1).ne(0).guardBool(why)
        && input.symSize(2).ne(0).guardBool(why);
    if (format == Format.CHANNELS_LAST) {
      if (!(ndim == 4 && validDims && input.symSize(3).ne(0).guardBool(why))) {
        throw TensorError.runtime("Expected 4D (batch mode) tensor expected for input with"
            + " channels_last layout with optional 0 dim batch size for input, but got: "
            + input.symSizes());
      }
    } else if (!((ndim == 3 && input.symSize(0).ne(0).guardBool(why) && validDims)
        || (ndim == 4 && validDims && input.symSize(3).ne(0).guardBool(why)))) {
      throw TensorError.runtime("Expected 3D or 4D (batch mode) tensor with optional 0 dim"
          + " batch size for input, but got:" + input.symSizes());
    }
    if (!(kW / 2 >= padW && kH / 2 >= padH)) {
      throw TensorError.runtime("pad should be smaller than or equal to half of kernel size,"
          + " but got padW = " + padW + ", padH = " + padH + ", kW = " + kW + ", kH = " + kH);
    }
    SymBool nonEmpty = outW.ge(1).and(outH.ge(1));
    if (!nonEmpty.expectTrue(why)) {
      throw TensorError.runtime("Given input size: (" + planes + "x" + height + "x" + width
          + "). Calculated output size: (" + planes + "x" + outH + "x" + outW
          + "). Output size is too small");
    }
  }

  /** The output sizes: the input's leading dims, then the windows. */
  public List<SymInt> outputSizes() {
    List<SymInt> sizes = new ArrayList<>(input.symSizes().subList(0, input.dim() - 2));
    sizes.add(outH);
    sizes.add(outW);
    return sizes;
  }

  /** The output layout: in the memory format the input suggests. */
  public Geometry outputLayout() {
    return MemoryFormats.layout(outputSizes(), format);
  }

  private long[] planeShape() {
    long[] s = ((Tensor) input).sizes();
    return s.length == 4 ? s : new long[] {1, s[0], s[1], s[2]};
  }

  /**
   * The max-pooling kernel: per window the first maximum (a NaN replaces it, as ATen's {@code
   * val > max || isnan(val)}), and its flat index within the input plane.
   */
  public List<Tensor> maxKernel() {
    Tensor in = (Tensor) input;
    if (in.dtype().isBool()) {
      throw ReductionTypes.notImplemented("max_pool2d", in.dtype());
    }
    long[] s = planeShape();
    int planes = (int) (s[0] * s[1]);
    int h = (int) s[2];
    int w = (int) s[3];
    int oh = (int) outH.constantValue();
    int ow = (int) outW.constantValue();
    double[] x = in.toDoubleArray();
    Geometry layout = outputLayout();
    Tensor values = Tensor.emptyStrided(in.dtype(), Geometry.longs(layout.sizes()),
        Geometry.longs(layout.strides()));
    Tensor indices = Tensor.emptyStrided(DType.INT64, Geometry.longs(layout.sizes()),
        Geometry.longs(layout.strides()));
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          long h0 = i * dH - padH;
          long w0 = j * dW - padW;
          long h1 = Math.min(h0 + (kH - 1) * dilationH + 1, h);
          long w1 = Math.min(w0 + (kW - 1) * dilationW + 1, w);
          while (h0 < 0) {
            h0 += dilationH;
          }
          while (w0 < 0) {
            w0 += dilationW;
          }
          long best = h0 * w + w0;
          double max = Double.NEGATIVE_INFINITY;
          for (long y = h0; y < h1; y += dilationH) {
            for (long z = w0; z < w1; z += dilationW) {
              double v = x[(int) (p * (long) h * w + y * w + z)];
              if (v > max || Double.isNaN(v)) {
                max = v;
                best = y * w + z;
              }
            }
          }
          long flat = ((long) p * oh + i) * ow + j;
          values.setDoubleFlat(flat, max);
          indices.setLongFlat(flat, best);
        }
      }
    }
    return List.of(values, indices);
  }

  /**
   * The average-pooling kernel: each window's sum over its element count, counting the padding
   * when {@code countIncludePad}, or over {@code divisorOverride}; integers divide truncating.
   */
  public Tensor avgKernel(boolean countIncludePad, Long divisorOverride) {
    Tensor in = (Tensor) input;
    if (in.dtype().isBool()) {
      throw ReductionTypes.notImplemented("avg_pool2d", in.dtype());
    }
    long[] s = planeShape();
    int planes = (int) (s[0] * s[1]);
    int h = (int) s[2];
    int w = (int) s[3];
    int oh = (int) outH.constantValue();
    int ow = (int) outW.constantValue();
    boolean floating = in.dtype().isFloatingPoint();
    double[] x = floating ? in.toDoubleArray() : null;
    long[] xi = floating ? null : in.toLongArray();
    Geometry layout = outputLayout();
    Tensor out = Tensor.emptyStrided(in.dtype(), Geometry.longs(layout.sizes()),
        Geometry.longs(layout.strides()));
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          long h0 = i * dH - padH;
          long w0 = j * dW - padW;
          long h1 = Math.min(h0 + kH, h + padH);
          long w1 = Math.min(w0 + kW, w + padW);
          long poolSize = (h1 - h0) * (w1 - w0);
          h0 = Math.max(h0, 0);
          w0 = Math.max(w0, 0);
          h1 = Math.min(h1, h);
          w1 = Math.min(w1, w);
          long flat = ((long) p * oh + i) * ow + j;
          if (h0 >= h1 || w0 >= w1) {
            out.setDoubleFlat(flat, 0);
            continue;
          }
          long divisor = divisorOverride != null ? divisorOverride
              : countIncludePad ? poolSize : (h1 - h0) * (w1 - w0);
          double sum = 0;
          long isum = 0;
          for (long y = h0; y < h1; y++) {
            for (long z = w0; z < w1; z++) {
              int at = (int) (p * (long) h * w + y * w + z);
              if (floating) {
                sum += x[at];
              } else {
                isum += xi[at];
              }
            }
          }
          if (floating) {
            out.setDoubleFlat(flat, sum / divisor);
          } else {
            out.setLongFlat(flat, isum / divisor);
          }
        }
      }
    }
    return out;
  }
}
