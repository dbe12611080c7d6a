package symtrace.tracer.ops.nn;

import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.reduce.ReductionTypes;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/**
 * The CPU kernel of a checked {@link Convolution} over any number of spatial dims: a direct
 * convolution (or, transposed, its adjoint scatter) accumulated in double and rounded once when
 * stored, written in the layout the meta rule chose.
 */
final class ConvolutionKernel {
  private ConvolutionKernel() {}

  private static String typeName(DType d) {
    return "CPU" + d.scalarTypeName() + "Type";
  }

  private static long[] longs(List<SymInt> values) {
    return Geometry.longs(values);
  }

  private static int product(long[] sizes, int from) {
    long n = 1;
    for (int i = from; i < sizes.length; i++) {
      n *= sizes[i];
    }
    return Math.toIntExact(n);
  }

  /** Row-major coordinates of every position of a shape. */
  private static int[][] coordinates(long[] shape, int from) {
    int n = product(shape, from);
    int[][] out = new int[n][shape.length - from];
    for (int flat = 0; flat < n; flat++) {
      int rest = flat;
      for (int d = shape.length - 1; d >= from; d--) {
        out[flat][d - from] = (int) (rest % shape[d]);
        rest /= shape[d];
      }
    }
    return out;
  }

  static Tensor run(Convolution c, Geometry layout) {
    Tensor x = (Tensor) c.input();
    Tensor w = (Tensor) c.weight();
    Tensor b = (Tensor) c.bias();
    DType dtype = x.dtype();
    if (w.dtype() != dtype) {
      throw TensorError.runtime("Input type (" + typeName(dtype) + ") and weight type ("
          + typeName(w.dtype()) + ") should be the same");
    }
    if (b != null && b.dtype() != dtype) {
      throw TensorError.runtime("Input type (" + typeName(dtype) + ") and bias type ("
          + typeName(b.dtype()) + ") should be the same");
    }
    if (!dtype.isFloatingPoint()) {
      throw ReductionTypes.notImplemented("slow_conv2d_cpu", dtype);
    }
    long[] outSizes = longs(layout.sizes());
    long[] inSizes = x.sizes();
    long[] wSizes = w.sizes();
    long[] stride = longs(c.stride());
    long[] padding = longs(c.padding());
    long[] dilation = longs(c.dilation());
    int groups = c.groups();
    int batch = (int) inSizes[0];
    int inChannels = (int) inSizes[1];
    int outChannels = (int) outSizes[1];
    int inPlane = product(inSizes, 2);
    int outPlane = product(outSizes, 2);
    int kernelPlane = product(wSizes, 2);
    int[][] kernelAt = coordinates(wSizes, 2);
    double[] xv = x.toDoubleArray();
    double[] wv = w.toDoubleArray();
    double[] bv = b == null ? null : b.toDoubleArray();
    double[] out = new double[product(outSizes, 0)];
    int inPerGroup = inChannels / groups;
    if (!c.transposed()) {
      int outPerGroup = outChannels / groups;
      int[][] outAt = coordinates(outSizes, 2);
      for (int n = 0; n < batch; n++) {
        for (int oc = 0; oc < outChannels; oc++) {
          int g = oc / outPerGroup;
          for (int o = 0; o < outPlane; o++) {
            double acc = bv == null ? 0 : bv[oc];
            for (int icg = 0; icg < inPerGroup; icg++) {
              int ic = g * inPerGroup + icg;
              for (int k = 0; k < kernelPlane; k++) {
                int at = inputIndex(outAt[o], kernelAt[k], stride, padding, dilation, inSizes);
                if (at >= 0) {
                  acc += xv[(n * inChannels + ic) * inPlane + at]
                      * wv[(oc * inPerGroup + icg) * kernelPlane + k];
                }
              }
            }
            out[(n * outChannels + oc) * outPlane + o] = acc;
          }
        }
      }
    } else {
      int outPerGroup = (int) wSizes[1];
      int[][] inAt = coordinates(inSizes, 2);
      for (int n = 0; n < batch; n++) {
        for (int oc = 0; oc < outChannels; oc++) {
          for (int o = 0; o < outPlane; o++) {
            out[(n * outChannels + oc) * outPlane + o] = bv == null ? 0 : bv[oc];
          }
        }
        for (int ic = 0; ic < inChannels; ic++) {
          int g = ic / inPerGroup;
          for (int i = 0; i < inPlane; i++) {
            double v = xv[(n * inChannels + ic) * inPlane + i];
            for (int ocg = 0; ocg < outPerGroup; ocg++) {
              int oc = g * outPerGroup + ocg;
              for (int k = 0; k < kernelPlane; k++) {
                int at = outputIndex(inAt[i], kernelAt[k], stride, padding, dilation, outSizes);
                if (at >= 0) {
                  out[(n * outChannels + oc) * outPlane + at] +=
                      v * wv[(ic * outPerGroup + ocg) * kernelPlane + k];
                }
              }
            }
          }
        }
      }
    }
    Tensor result = Tensor.emptyStrided(dtype, outSizes, longs(layout.strides()));
    for (int i = 0; i < out.length; i++) {
      result.setDoubleFlat(i, out[i]);
    }
    return result;
  }

  /** The input plane position an output and kernel position read, or -1 in the padding. */
  private static int inputIndex(int[] out, int[] kernel, long[] stride, long[] padding,
      long[] dilation, long[] inSizes) {
    int at = 0;
    for (int d = 0; d < out.length; d++) {
      long pos = out[d] * stride[d] - padding[d] + kernel[d] * dilation[d];
      if (pos < 0 || pos >= inSizes[d + 2]) {
        return -1;
      }
      at = (int) (at * inSizes[d + 2] + pos);
    }
    return at;
  }

  /** The output plane position a transposed convolution writes, or -1 outside. */
  private static int outputIndex(int[] in, int[] kernel, long[] stride, long[] padding,
      long[] dilation, long[] outSizes) {
    int at = 0;
    for (int d = 0; d < in.length; d++) {
      long pos = in[d] * stride[d] - padding[d] + kernel[d] * dilation[d];
      if (pos < 0 || pos >= outSizes[d + 2]) {
        return -1;
      }
      at = (int) (at * outSizes[d + 2] + pos);
    }
    return at;
  }
}
