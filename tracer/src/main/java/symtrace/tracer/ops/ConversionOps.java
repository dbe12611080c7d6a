package symtrace.tracer.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * Copies and dtype conversions: {@code _to_copy}, {@code clone}, {@code lift_fresh_copy}, and
 * the composites that lower to {@code _to_copy} as ATen's {@code to_impl} does: {@code
 * to.dtype}, {@code to.dtype_layout}, {@code to.other} and {@code type_as}. A {@code to} that
 * changes nothing returns {@code self} itself (no node in a trace); otherwise it is one {@code
 * _to_copy}, as PyTorch's {@code make_fx} graphs show ({@code x.float()} is {@code
 * _to_copy.default(x, dtype = torch.float32)}).
 *
 * <p>A copy preserves {@code self}'s layout when it is non-overlapping and dense, else takes
 * dense strides in its stride order ({@link MemoryFormats#like}); the values convert as C++
 * casts do (float to int truncates, anything non-zero to bool is true).
 */
final class ConversionOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    r.op("_to_copy(Tensor self, *, ScalarType? dtype=None, Layout? layout=None,"
            + " Device? device=None, bool? pin_memory=None, bool non_blocking=False,"
            + " MemoryFormat? memory_format=None) -> Tensor")
        .tags(Tag.CORE)
        .meta((a, ctx) -> copyMeta(ctx.provenance(), a.tensor(0), dtypeOr(a, 1),
            MemoryFormats.of(a.get(6))))
        .kernel(a -> copy(Elementwise.provenance(a), a.realTensor(0), dtypeOr(a, 1),
            MemoryFormats.of(a.get(6))))
        .register();
    r.op("clone(Tensor self, *, MemoryFormat? memory_format=None) -> Tensor")
        .tags(Tag.CORE)
        .meta((a, ctx) -> copyMeta(ctx.provenance(), a.tensor(0), a.tensor(0).dtype(),
            MemoryFormats.of(a.get(1))))
        .kernel(a -> copy(Elementwise.provenance(a), a.realTensor(0), a.tensor(0).dtype(),
            MemoryFormats.of(a.get(1))))
        .register();
    r.op("lift_fresh_copy(Tensor self) -> Tensor")
        .meta((a, ctx) -> copyMeta(ctx.provenance(), a.tensor(0), a.tensor(0).dtype(),
            MemoryFormat.PRESERVE))
        .kernel(a -> copy(Elementwise.provenance(a), a.realTensor(0), a.tensor(0).dtype(),
            MemoryFormat.PRESERVE))
        .register();

    r.composite("to.dtype(Tensor(a) self, ScalarType dtype, bool non_blocking=False,"
        + " bool copy=False, MemoryFormat? memory_format=None) -> Tensor(a)",
        (a, ops) -> to(ops, a.tensor(0), a.dtype(1), null, null, null, a.bool(2), a.bool(3),
            a.get(4)));
    r.composite("to.dtype_layout(Tensor(a) self, *, ScalarType? dtype=None,"
        + " Layout? layout=None, Device? device=None, bool? pin_memory=None,"
        + " bool non_blocking=False, bool copy=False, MemoryFormat? memory_format=None)"
        + " -> Tensor(a)",
        (a, ops) -> to(ops, a.tensor(0), a.dtype(1), a.get(2), a.get(3), a.get(4), a.bool(5),
            a.bool(6), a.get(7)));
    r.composite("to.other(Tensor(a) self, Tensor other, bool non_blocking=False,"
        + " bool copy=False, MemoryFormat? memory_format=None) -> Tensor(a)",
        (a, ops) -> to(ops, a.tensor(0), a.tensor(1).dtype(), Layout.STRIDED, Device.CPU,
            false, a.bool(2), a.bool(3), a.get(4)));
    // self.to(other.options()): the options carry dtype, layout and device, no pinning
    r.composite("type_as(Tensor self, Tensor other) -> Tensor",
        (a, ops) -> {
          Map<String, Object> kw = new LinkedHashMap<>();
          kw.put("dtype", a.tensor(1).dtype());
          kw.put("layout", Layout.STRIDED);
          kw.put("device", Device.CPU);
          return ops.call(ops.registry().get("aten.to.dtype_layout"), List.of(a.tensor(0)), kw);
        });
  }

  private static DType dtypeOr(Args a, int i) {
    return a.isNone(i) ? a.tensor(0).dtype() : a.dtype(i);
  }

  private static TensorValue copyMeta(Provenance why, TensorValue self, DType dtype,
      MemoryFormat format) {
    return Metas.emptyStrided(dtype, MemoryFormats.like(why, self, format));
  }

  /** A converted copy of a real tensor in the layout {@link MemoryFormats#like} gives. */
  static Tensor copy(Provenance why, Tensor self, DType dtype, MemoryFormat format) {
    Geometry g = MemoryFormats.like(why, self, format);
    return Tensor.emptyStrided(dtype, Geometry.longs(g.sizes()), Geometry.longs(g.strides()))
        .copy_(self);
  }

  /**
   * ATen's {@code to_impl}: {@code self} when nothing changes ({@code to_will_alias}: same
   * dtype, no copy asked, preserve or contiguous format, which every symtrace tensor
   * suggests), else {@code _to_copy}.
   */
  private static Object to(Ops ops, TensorValue self, DType dtype, Object layout, Object device,
      Object pinMemory, boolean nonBlocking, boolean copy, Object memoryFormat) {
    MemoryFormats.of(memoryFormat);
    if ((dtype == null || dtype == self.dtype()) && !copy) {
      return self;
    }
    Map<String, Object> kw = new LinkedHashMap<>();
    kw.put("dtype", dtype);
    kw.put("layout", layout);
    kw.put("device", device);
    kw.put("pin_memory", pinMemory);
    kw.put("non_blocking", nonBlocking);
    kw.put("memory_format", memoryFormat);
    return ops.call(ops.registry().get("aten._to_copy"), List.of(self), kw);
  }
}
