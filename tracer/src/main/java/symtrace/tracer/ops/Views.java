package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * A view of a real or fake tensor from its layout: the same storage seen through another
 * {@link Geometry}. The view operators compute one geometry for both kinds of tensor, so a real
 * view and a fake one cannot differ.
 */
final class Views {
  private Views() {}

  /** The view of {@code base} with layout {@code g} (a real view, or a fake one). */
  static TensorValue of(TensorValue base, Geometry g) {
    if (base instanceof Tensor t) {
      return Tensor.of(t.storage(), Geometry.longs(g.sizes()), Geometry.longs(g.strides()),
          g.storageOffset().constantValue());
    }
    return ((FakeTensor) base).view(g);
  }

  /** Views of one base, in order (the outputs of split and unbind). */
  static List<TensorValue> of(TensorValue base, List<Geometry> layouts) {
    List<TensorValue> out = new ArrayList<>(layouts.size());
    for (Geometry g : layouts) {
      out.add(of(base, g));
    }
    return out;
  }
}
