package symtrace.tracer.ops;

import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.DTypes;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.Operand;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.ViewRules;

/**
 * The view, copy and arithmetic operators the composites of this branch call ({@code view},
 * {@code reshape}, {@code t}, {@code expand}, {@code clone}, {@code add}, ...), written for the
 * tests from {@link ViewRules} and {@link Tensor}'s own methods, so that a decomposition can be
 * run end to end, really and symbolically, in a registry of its own. Only what those
 * composites need: no type promotion beyond two tensors, no alpha.
 */
final class StandInOps implements OpGroup {
  private static Provenance why(Args a) {
    return Provenance.of(a.op().toString());
  }

  private static long[] longs(List<SymInt> values) {
    return Geometry.longs(values);
  }

  @Override
  public void register(OpRegistry.Builder r) {
    r.op("view(Tensor(a) self, SymInt[] size) -> Tensor(a)").tags(Tag.VIEW)
        .meta((a, ctx) -> Metas.view(a.tensor(0),
            ViewRules.of(ctx.provenance()).view(a.tensor(0).geometry(), a.symIntList(1))))
        .kernel(a -> a.realTensor(0).view(longs(a.symIntList(1))))
        .register();
    r.op("_unsafe_view(Tensor self, SymInt[] size) -> Tensor")
        .meta((a, ctx) -> Metas.emptyStrided(a.tensor(0).dtype(),
            ViewRules.of(ctx.provenance()).view(a.tensor(0).geometry(), a.symIntList(1))))
        .kernel(a -> a.realTensor(0).view(longs(a.symIntList(1))))
        .register();
    r.composite("reshape(Tensor(a) self, SymInt[] shape) -> Tensor(a)", (a, ops) -> {
      TensorValue self = a.tensor(0);
      ShapeRules rules = ShapeRules.of(why(a));
      List<SymInt> shape = rules.inferSize(a.symIntList(1), self.symNumel());
      if (rules.computeStride(self.symSizes(), self.symStrides(), shape).isPresent()) {
        return ops.call("aten.view.default", self, a.get(1));
      }
      Object copy = ops.call(ops.registry().get("aten.clone.default"), List.of(self),
          Map.of("memory_format", "contiguous_format"));
      return ops.call("aten._unsafe_view.default", copy, a.get(1));
    });
    r.op("t(Tensor(a) self) -> Tensor(a)").tags(Tag.VIEW)
        .meta((a, ctx) -> Metas.view(a.tensor(0),
            ViewRules.of(ctx.provenance()).t(a.tensor(0).geometry())))
        .kernel(a -> a.realTensor(0).t())
        .register();
    r.op("transpose.int(Tensor(a) self, int dim0, int dim1) -> Tensor(a)").tags(Tag.VIEW)
        .meta((a, ctx) -> Metas.view(a.tensor(0), ViewRules.of(ctx.provenance())
            .transpose(a.tensor(0).geometry(), a.longValue(1), a.longValue(2))))
        .kernel(a -> a.realTensor(0).transpose(a.longValue(1), a.longValue(2)))
        .register();
    r.op("permute(Tensor(a) self, int[] dims) -> Tensor(a)").tags(Tag.VIEW)
        .meta((a, ctx) -> Metas.view(a.tensor(0), ViewRules.of(ctx.provenance())
            .permute(a.tensor(0).geometry(), a.longList(1))))
        .kernel(a -> a.realTensor(0).permute(a.longList(1)))
        .register();
    r.op("expand(Tensor(a) self, SymInt[] size, *, bool implicit=False) -> Tensor(a)")
        .tags(Tag.VIEW)
        .meta((a, ctx) -> Metas.view(a.tensor(0), ViewRules.of(ctx.provenance())
            .expand(a.tensor(0).geometry(), a.symIntList(1), a.tensor(0).dtype())))
        .kernel(a -> a.realTensor(0).expand(longs(a.symIntList(1))))
        .register();
    r.op("unsqueeze(Tensor(a) self, int dim) -> Tensor(a)").tags(Tag.VIEW)
        .meta((a, ctx) -> Metas.view(a.tensor(0), ViewRules.of(ctx.provenance())
            .unsqueeze(a.tensor(0).geometry(), a.longValue(1))))
        .kernel(a -> a.realTensor(0).unsqueeze(a.longValue(1)))
        .register();
    r.op("squeeze.dim(Tensor(a) self, int dim) -> Tensor(a)").tags(Tag.VIEW)
        .meta((a, ctx) -> Metas.view(a.tensor(0), ViewRules.of(ctx.provenance())
            .squeeze(a.tensor(0).geometry(), a.longValue(1))))
        .kernel(a -> a.realTensor(0).squeeze(a.longValue(1)))
        .register();
    r.op("clone(Tensor self, *, MemoryFormat? memory_format=None) -> Tensor")
        .meta((a, ctx) -> {
          TensorValue self = a.tensor(0);
          boolean contiguous = "contiguous_format".equals(a.get(1));
          ShapeRules rules = ShapeRules.of(ctx.provenance());
          Geometry g = contiguous ? Geometry.contiguous(self.symSizes())
              : rules.isNonOverlappingAndDense(self.geometry())
                  ? new Geometry(self.symSizes(), self.symStrides(), SymInt.of(0))
                  : new Geometry(self.symSizes(), rules.denseStrides(self.geometry()),
                      SymInt.of(0));
          return Metas.emptyStrided(self.dtype(), g);
        })
        .kernel(a -> a.realTensor(0).clone("contiguous_format".equals(a.get(1))
            ? MemoryFormat.CONTIGUOUS : MemoryFormat.PRESERVE))
        .register();
    r.composite("contiguous(Tensor(a) self, *, MemoryFormat memory_format=contiguous_format)"
        + " -> Tensor(a)", (a, ops) -> {
          TensorValue self = a.tensor(0);
          if (ShapeRules.of(why(a)).isContiguous(self.geometry())) {
            return self;
          }
          return ops.call(ops.registry().get("aten.clone.default"), List.of(self),
              Map.of("memory_format", "contiguous_format"));
        });
    for (String name : List.of("add", "sub", "mul", "div")) {
      r.op(name + ".Tensor(Tensor self, Tensor other"
              + (name.equals("mul") || name.equals("div") ? "" : ", *, Scalar alpha=1")
              + ") -> Tensor")
          .meta((a, ctx) -> Metas.empty(promoted(a), ShapeRules.of(ctx.provenance())
              .broadcastShapes(a.tensor(0).symSizes(), otherSizes(a))))
          .kernel(a -> binary(a, name))
          .register();
    }
    registerUnaryStandIns(r);
  }

  private static void registerUnaryStandIns(OpRegistry.Builder r) {
    r.op("gt.Scalar(Tensor self, Scalar other) -> Tensor")
        .meta((a, ctx) -> Metas.empty(DType.BOOL, a.tensor(0).symSizes()))
        .kernel(a -> {
          Tensor x = a.realTensor(0);
          double bound = a.doubleValue(1);
          double[] v = x.toDoubleArray();
          boolean[] out = new boolean[v.length];
          for (int i = 0; i < v.length; i++) {
            out[i] = v[i] > bound;
          }
          return Tensor.ofBools(DType.BOOL, x.sizes(), out);
        })
        .register();
    r.op("exp(Tensor self) -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(0).dtype(), a.tensor(0).symSizes()))
        .kernel(a -> {
          Tensor x = a.realTensor(0);
          double[] v = x.toDoubleArray();
          for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(v[i]);
          }
          return Tensor.ofDoubles(x.dtype(), x.sizes(), v);
        })
        .register();
  }

  /** The dtype of a binary operator; a Python number stands for a wrapped 0-d tensor. */
  private static DType promoted(Args a) {
    Object other = a.get(1);
    Operand second = other instanceof TensorValue t ? Operand.tensor(t.dtype(), t.dim())
        : other instanceof Double ? Operand.pyFloat() : Operand.pyInt();
    return DTypes.promote(Operand.tensor(a.tensor(0).dtype(), a.tensor(0).dim()), second);
  }

  private static List<SymInt> otherSizes(Args a) {
    return a.get(1) instanceof TensorValue t ? t.symSizes() : List.of();
  }

  private static Tensor binary(Args a, String name) {
    Tensor x = a.realTensor(0);
    Tensor y = a.get(1) instanceof Tensor t ? t
        : Tensor.scalar(promoted(a), ((Number) a.get(1)).doubleValue());
    long[] shape = longs(ShapeRules.of(why(a)).broadcastShapes(x.geometry().sizes(),
        y.geometry().sizes()));
    DType dtype = promoted(a);
    double[] u = x.to(dtype).expand(shape).toDoubleArray();
    double[] v = y.to(dtype).expand(shape).toDoubleArray();
    Tensor out = Tensor.zeros(dtype, shape);
    for (int i = 0; i < u.length; i++) {
      double r = switch (name) {
        case "add" -> u[i] + v[i];
        case "sub" -> u[i] - v[i];
        case "div" -> u[i] / v[i];
        default -> u[i] * v[i];
      };
      out.storage().setDouble(i, r);
    }
    return out;
  }
}
