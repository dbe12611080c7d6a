package symtrace.tracer.ops;

import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code memory_format} arguments and the layout of a new tensor made like another ({@code
 * clone}, {@code _to_copy}, {@code empty_like} and the other {@code *_like} factories).
 *
 * <p>A value is a {@link MemoryFormat}, or its name as a schema default or a program writes it
 * ({@code contiguous_format}, {@code torch.preserve_format}); None means {@code
 * preserve_format}, the default of every operator here.
 */
final class MemoryFormats {
  private MemoryFormats() {}

  /**
   * The memory format an argument names.
   *
   * @throws TensorError for a format symtrace does not support ({@code channels_last})
   */
  static MemoryFormat of(Object value) {
    if (value == null) {
      return MemoryFormat.PRESERVE;
    }
    if (value instanceof MemoryFormat f) {
      return f;
    }
    String name = String.valueOf(value);
    name = name.startsWith("torch.") ? name.substring("torch.".length()) : name;
    return switch (name) {
      case "contiguous_format" -> MemoryFormat.CONTIGUOUS;
      case "preserve_format" -> MemoryFormat.PRESERVE;
      default -> throw TensorError.runtime("unsupported memory format " + value
          + " (symtrace supports torch.contiguous_format and torch.preserve_format)");
    };
  }

  /**
   * The layout of a new tensor like {@code self} at offset 0: contiguous, or for {@code
   * preserve_format} {@code self}'s strides when it is non-overlapping and dense, else dense
   * strides in the order of {@code self}'s ({@code infer_dense_strides}).
   */
  static Geometry like(Provenance why, TensorValue self, MemoryFormat format) {
    Geometry g = self.geometry();
    List<SymInt> strides;
    if (format == MemoryFormat.CONTIGUOUS) {
      strides = ShapeRules.contiguousStrides(g.sizes());
    } else {
      ShapeRules rules = ShapeRules.of(why);
      strides = rules.isNonOverlappingAndDense(g) ? g.strides() : rules.denseStrides(g);
    }
    return new Geometry(g.sizes(), strides, SymInt.of(0));
  }
}
