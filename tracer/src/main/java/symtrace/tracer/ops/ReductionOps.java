package symtrace.tracer.ops;

import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.reduce.ReduceKernels;
import symtrace.tracer.ops.reduce.ReductionChecks;
import symtrace.tracer.ops.reduce.ReductionDims;
import symtrace.tracer.ops.reduce.ReductionTypes;
import symtrace.tracer.ops.reduce.ScanKernels;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * Reductions ({@code sum}, {@code mean}, {@code amax}, {@code argmax}, {@code max.dim}, {@code
 * prod}, {@code var}, {@code std}, {@code all}, {@code any}), scans ({@code cumsum}) and the
 * softmaxes, with ATen's dtype rules: sums and products of bool and integers are int64, a mean of
 * integers is an error, indices are int64 and {@code all}/{@code any} are bool.
 *
 * <p>Each overload's meta rule and kernel share one plan (which dims, which dtype, which checks),
 * computed on SymInts: on a fake tensor its comparisons record guards, on a real one they are
 * arithmetic.
 */
final class ReductionOps implements OpGroup {
  /** What a reduction reduces and the dtype of its result. */
  private record Plan(ReductionDims dims, DType dtype) {
    Object fake() {
      return Metas.empty(dtype, dims.outSizes());
    }
  }

  @FunctionalInterface
  private interface Planner {
    Plan plan(Args a, Provenance why);
  }

  @FunctionalInterface
  private interface Runner {
    Object run(Tensor in, Plan plan, Args a);
  }

  @Override
  public void register(OpRegistry.Builder r) {
    registerSumsAndProducts(r);
    registerExtremes(r);
    registerStatistics(r);
    registerScans(r);
  }

  private static void reduction(OpRegistry.Builder r, String schema, Planner planner,
      Runner runner) {
    r.op(schema)
        .meta((a, ctx) -> planner.plan(a, ctx.provenance()).fake())
        .kernel(a -> runner.run(a.realTensor(0), planner.plan(a, why(a)), a))
        .register();
  }

  private static Provenance why(Args a) {
    return Provenance.of(a.op().toString());
  }

  private static DType dtypeArg(Args a) {
    return (DType) a.get("dtype");
  }

  private static ReductionDims dims(Args a, int dimArg, int keepdimArg) {
    return ReductionDims.of(a.tensor(0).symSizes(), a.optLongList(dimArg), a.bool(keepdimArg));
  }

  private static void registerSumsAndProducts(OpRegistry.Builder r) {
    Runner sum = (in, p, a) -> ReduceKernels.sum(in, p.dims(), p.dtype());
    Runner prod = (in, p, a) -> ReduceKernels.prod(in, p.dims(), p.dtype());
    reduction(r, "sum(Tensor self, *, ScalarType? dtype=None) -> Tensor",
        (a, why) -> new Plan(ReductionDims.all(a.tensor(0).symSizes()),
            ReductionTypes.promotingIntegers(a.tensor(0).dtype(), dtypeArg(a))), sum);
    reduction(r, "sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *,"
            + " ScalarType? dtype=None) -> Tensor",
        (a, why) -> new Plan(dims(a, 1, 2),
            ReductionTypes.promotingIntegers(a.tensor(0).dtype(), dtypeArg(a))), sum);
    reduction(r, "prod(Tensor self, *, ScalarType? dtype=None) -> Tensor",
        (a, why) -> new Plan(ReductionDims.all(a.tensor(0).symSizes()),
            ReductionTypes.promotingIntegers(a.tensor(0).dtype(), dtypeArg(a))), prod);
    reduction(r, "prod.dim_int(Tensor self, int dim, bool keepdim=False, *,"
            + " ScalarType? dtype=None) -> Tensor",
        (a, why) -> new Plan(ReductionDims.single(a.tensor(0).symSizes(), a.longValue(1),
            a.bool(2)), ReductionTypes.promotingIntegers(a.tensor(0).dtype(), dtypeArg(a))),
        prod);
    Runner mean = (in, p, a) -> ReduceKernels.mean(in, p.dims(), p.dtype());
    reduction(r, "mean(Tensor self, *, ScalarType? dtype=None) -> Tensor",
        (a, why) -> {
          DType dtype = ReductionTypes.mean(a.tensor(0).dtype(), dtypeArg(a));
          return new Plan(ReductionDims.all(a.tensor(0).symSizes()), dtype);
        }, mean);
    reduction(r, "mean.dim(Tensor self, int[1]? dim, bool keepdim=False, *,"
            + " ScalarType? dtype=None) -> Tensor",
        (a, why) -> {
          DType dtype = ReductionTypes.mean(a.tensor(0).dtype(), dtypeArg(a));
          return new Plan(dims(a, 1, 2), dtype);
        }, mean);
    Runner all = (in, p, a) -> ReduceKernels.allAny(in, p.dims(), true);
    Runner any = (in, p, a) -> ReduceKernels.allAny(in, p.dims(), false);
    Planner whole = (a, why) -> new Plan(ReductionDims.all(a.tensor(0).symSizes()), DType.BOOL);
    Planner oneDim = (a, why) -> new Plan(ReductionDims.single(a.tensor(0).symSizes(),
        a.longValue(1), a.bool(2)), DType.BOOL);
    reduction(r, "all(Tensor self) -> Tensor", whole, all);
    reduction(r, "all.dim(Tensor self, int dim, bool keepdim=False) -> Tensor", oneDim, all);
    reduction(r, "any(Tensor self) -> Tensor", whole, any);
    reduction(r, "any.dim(Tensor self, int dim, bool keepdim=False) -> Tensor", oneDim, any);
    Planner someDims = (a, why) -> new Plan(dims(a, 1, 2), DType.BOOL);
    reduction(r, "all.dims(Tensor self, int[]? dim=None, bool keepdim=False) -> Tensor",
        someDims, all);
    reduction(r, "any.dims(Tensor self, int[]? dim=None, bool keepdim=False) -> Tensor",
        someDims, any);
  }

  private static void registerExtremes(OpRegistry.Builder r) {
    for (boolean max : new boolean[] {true, false}) {
      String name = max ? "max" : "min";
      String a = max ? "amax" : "amin";
      reduction(r, a + "(Tensor self, int[1] dim=[], bool keepdim=False) -> Tensor",
          (args, why) -> {
            TensorValue self = args.tensor(0);
            long[] dims = args.longList(1);
            if (ReductionChecks.isEmpty(self, why)) {
              ReductionChecks.nonEmptyDims(self, dims, a + "()", why);
            }
            return new Plan(ReductionDims.of(self.symSizes(), dims, args.bool(2)),
                self.dtype());
          },
          (in, p, args) -> ReduceKernels.extreme(in, p.dims(), max));
      reduction(r, name + "(Tensor self) -> Tensor",
          (args, why) -> {
            TensorValue self = args.tensor(0);
            if (ReductionChecks.isEmpty(self, why)) {
              throw TensorError.runtime(name + "(): Expected reduction dim to be specified for"
                  + " input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
            }
            return new Plan(ReductionDims.all(self.symSizes()), self.dtype());
          },
          (in, p, args) -> ReduceKernels.extreme(in, p.dims(), max));
      reduction(r, "arg" + name + "(Tensor self, int? dim=None, bool keepdim=False) -> Tensor",
          (args, why) -> {
            TensorValue self = args.tensor(0);
            Long dim = args.optLong(1);
            if (dim == null) {
              if (ReductionChecks.isEmpty(self, why)) {
                throw TensorError.index("arg" + name + "(): Expected reduction dim to be"
                    + " specified for input.numel() == 0.");
              }
              return new Plan(ReductionDims.of(self.symSizes(), null, args.bool(2)),
                  DType.INT64);
            }
            int wrapped = ShapeRules.wrapDim(dim, self.dim());
            ReductionChecks.nonEmptyDim(self, wrapped, "arg" + name + "()", why);
            return new Plan(ReductionDims.single(self.symSizes(), wrapped, args.bool(2)),
                DType.INT64);
          },
          (in, p, args) -> ReduceKernels.argExtreme(in, p.dims(), max));
      Planner withIndices = (args, why) -> {
        TensorValue self = args.tensor(0);
        int wrapped = ShapeRules.wrapDim(args.longValue(1), self.dim());
        ReductionChecks.nonEmptyDim(self, wrapped, name + "()", why);
        return new Plan(ReductionDims.single(self.symSizes(), wrapped, args.bool(2)),
            self.dtype());
      };
      r.op(name + ".dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values,"
              + " Tensor indices)")
          .meta((args, ctx) -> {
            Plan p = withIndices.plan(args, ctx.provenance());
            return List.of(p.fake(), Metas.empty(DType.INT64, p.dims().outSizes()));
          })
          .kernel(args -> ReduceKernels.extremeWithIndex(args.realTensor(0),
              withIndices.plan(args, why(args)).dims(), max))
          .register();
    }
  }

  private static void registerStatistics(OpRegistry.Builder r) {
    for (boolean std : new boolean[] {false, true}) {
      reduction(r, (std ? "std" : "var") + ".correction(Tensor self, int[1]? dim=None, *,"
              + " Scalar? correction=None, bool keepdim=False) -> Tensor",
          (a, why) -> new Plan(dims(a, 1, 3), ReductionTypes.variance(a.tensor(0).dtype())),
          (in, p, a) -> {
            Double correction = a.optDouble(2);
            return ReduceKernels.variance(in, p.dims(), correction == null ? 1 : correction,
                std);
          });
    }
  }

  private static void registerScans(OpRegistry.Builder r) {
    r.op("cumsum(Tensor self, int dim, *, ScalarType? dtype=None) -> Tensor")
        .meta((a, ctx) -> {
          TensorValue self = a.tensor(0);
          ShapeRules.wrapDim(a.longValue(1), self.dim());
          return Metas.empty(ReductionTypes.promotingIntegers(self.dtype(), dtypeArg(a)),
              self.symSizes());
        })
        .kernel(a -> {
          Tensor self = a.realTensor(0);
          return ScanKernels.cumsum(self, ShapeRules.wrapDim(a.longValue(1), self.dim()),
              ReductionTypes.promotingIntegers(self.dtype(), dtypeArg(a)));
        })
        .register();
    for (boolean log : new boolean[] {false, true}) {
      String name = log ? "_log_softmax" : "_softmax";
      r.op(name + "(Tensor self, int dim, bool half_to_float) -> Tensor")
          .meta((a, ctx) -> {
            TensorValue self = a.tensor(0);
            ShapeRules.wrapDim(a.longValue(1), self.dim());
            return Metas.empty(a.bool(2) ? DType.FLOAT32 : self.dtype(), self.symSizes());
          })
          .kernel(a -> {
            Tensor self = a.realTensor(0);
            int dim = ShapeRules.wrapDim(a.longValue(1), self.dim());
            if (a.bool(2)) {
              throw TensorError.runtime(
                  "softmax with half to float conversion is not supported on CPU");
            }
            return ScanKernels.softmax(self, dim, log);
          })
          .register();
      if (!log) {
        r.op("_safe_softmax(Tensor self, int dim, ScalarType? dtype=None) -> Tensor")
            .meta((a, ctx) -> {
              TensorValue self = a.tensor(0);
              ShapeRules.wrapDim(a.longValue(1), self.dim());
              DType dtype = a.dtype(2);
              return Metas.empty(dtype == null ? self.dtype() : dtype, self.symSizes());
            })
            .kernel(a -> {
              Tensor self = a.dtype(2) == null ? a.realTensor(0) : a.realTensor(0).to(a.dtype(2));
              return ScanKernels.safeSoftmax(self, ShapeRules.wrapDim(a.longValue(1),
                  self.dim()));
            })
            .register();
      }
      // CompositeImplicitAutograd: a requested dtype converts the input first; on CPU the
      // half-to-float fusion never applies.
      r.composite((log ? "log_softmax" : "softmax")
              + ".int(Tensor self, int dim, ScalarType? dtype=None) -> Tensor",
          (a, ops) -> {
            TensorValue self = a.tensor(0);
            DType dtype = a.dtype(2);
            Object converted = dtype == null || dtype == self.dtype() ? self
                : ops.call(ops.registry().get("aten._to_copy.default"), List.of(self),
                    Map.of("dtype", dtype));
            return ops.call("aten." + name + ".default", converted, a.get(1), false);
          });
    }
  }
}
