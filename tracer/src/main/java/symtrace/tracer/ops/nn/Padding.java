package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.nn.MemoryFormats.Format;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code aten.constant_pad_nd.default}: {@code pad} lists (before, after) pairs from the last
 * dim backwards; a negative amount crops. The output has the input's memory format and the
 * padding holds {@code value}.
 */
public final class Padding {
  private Padding() {}

  /**
   * The output sizes, after ATen's checks ({@code new_dim >= 0}, as current ATen and
   * {@code torch._refs.constant_pad_nd} check it, a {@code torch._check} on symbolic sizes; an
   * empty result is allowed).
   *
   * @throws TensorError {@code Length of pad must be even but instead it equals 3}, and the
   *     texts of a pad longer than the input and of an empty result
   */
  public static List<SymInt> outputSizes(TensorValue self, List<SymInt> pad, Provenance why) {
    if (pad.size() % 2 != 0) {
      throw TensorError.runtime("Length of pad must be even but instead it equals "
          + pad.size());
    }
    int ndim = self.dim();
    int padded = pad.size() / 2;
    int unpadded = ndim - padded;
    if (ndim < padded) {
      throw TensorError.runtime("Length of pad should be no more than twice the number of"
          + " dimensions of the input. Pad length is " + pad.size() + "while the input has "
          + ndim + "dimensions.");
    }
    List<SymInt> sizes = new ArrayList<>(self.symSizes().subList(0, unpadded));
    for (int i = 0; i < padded; i++) {
      int padIdx = pad.size() - (i + 1) * 2;
      SymInt in = self.symSize(unpadded + i);
      SymInt size = in.add(pad.get(padIdx)).add(pad.get(padIdx + 1));
      if (!size.ge(0).expectTrue(why)) {
        throw TensorError.runtime("The input size " + in + ", plus negative padding "
            + pad.get(padIdx) + " and " + pad.get(padIdx + 1) + " resulted in a negative output"
            + " size, which is invalid. Check dimension " + (unpadded + i) + " of your input.");
      }
      sizes.add(size);
    }
    return sizes;
  }

  /** The output layout: in the memory format the input suggests. */
  public static Geometry outputLayout(TensorValue self, List<SymInt> pad, Provenance why) {
    List<SymInt> sizes = outputSizes(self, pad, why);
    Format format = MemoryFormats.suggestOblivious(self.geometry(), why);
    return MemoryFormats.layout(sizes, format);
  }

  /** The kernel: the output filled with {@code value}, then the (cropped) input copied in. */
  public static Tensor compute(Tensor self, List<SymInt> pad, double value, Provenance why) {
    Geometry layout = outputLayout(self, pad, why);
    Tensor out = Tensor.emptyStrided(self.dtype(), Geometry.longs(layout.sizes()),
        Geometry.longs(layout.strides()));
    out.fill_(value);
    Tensor src = self;
    Tensor dst = out;
    int ndim = self.dim();
    for (int i = ndim - pad.size() / 2; i < ndim; i++) {
      int padIdx = 2 * (ndim - i - 1);
      long before = pad.get(padIdx).constantValue();
      long after = pad.get(padIdx + 1).constantValue();
      src = src.narrow(i, Math.max(-before, 0),
          src.size(i) - Math.max(-before, 0) - Math.max(-after, 0));
      dst = dst.narrow(i, Math.max(before, 0),
          dst.size(i) - Math.max(before, 0) - Math.max(after, 0));
    }
    dst.copy_(src);
    return out;
  }
}
