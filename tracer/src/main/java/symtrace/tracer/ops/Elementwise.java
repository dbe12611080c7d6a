package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.kernels.Broadcast;
import symtrace.tracer.ops.kernels.ElementFn;
import symtrace.tracer.ops.kernels.ElementwiseLayout;
import symtrace.tracer.ops.kernels.ElementwiseLoop;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.DTypes;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Operand;
import symtrace.tracer.tensor.Promotion;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.TypePromotionKind;

/**
 * Elementwise calls, shared by meta rules and kernels: from the operands of one call (tensors
 * and Python numbers), the {@link Plan} of its output (broadcast shape, strides, computation
 * and result dtypes), then either a fake output or the CPU loop. Because the kernel computes the
 * same plan on its real tensors, real and fake execution agree on shapes, strides, dtypes and
 * errors by construction.
 *
 * <p>In-place calls check PyTorch's two rules on the plan (the result dtype must be castable to
 * {@code self}'s, the broadcast shape must be {@code self}'s) and compute into a fresh tensor
 * that is then copied into {@code self} through its layout, so inputs that alias {@code self}
 * are read before anything is written.
 */
final class Elementwise {
  private Elementwise() {}

  /**
   * One call: the values each element reads, in the element function's order, the promotion
   * that chose its dtypes, and its element function.
   *
   * @param contiguousOutput the output is contiguous whatever the inputs' layout ({@code
   *     masked_fill}, {@code pow.Scalar})
   */
  record Call(List<Object> operands, Promotion promotion, ElementFn fn,
      boolean contiguousOutput) {

    /** The same call with a contiguous output. */
    Call contiguous() {
      return new Call(operands, promotion, fn, true);
    }
  }

  /** How an elementwise overload turns its bound arguments into a call (and checks them). */
  @FunctionalInterface
  interface Rule {
    Call call(Args args, Provenance why);
  }

  /** What the output of a call looks like. */
  record Plan(List<SymInt> shape, List<SymInt> strides, DType compute, DType result) {}

  /** Registers an out-of-place elementwise overload; its meta rule and kernel share the rule. */
  static void elementwise(OpRegistry.Builder r, String schema, Rule rule, Tag... tags) {
    r.op(schema).tags(Tag.POINTWISE).tags(tags)
        .meta((a, ctx) -> meta(ctx.provenance(), rule.call(a, ctx.provenance())))
        .kernel(a -> run(provenance(a), rule.call(a, provenance(a))))
        .register();
  }

  /** Registers an in-place overload ({@code Tensor(a!) self} first): it returns {@code self}. */
  static void elementwiseInPlace(OpRegistry.Builder r, String schema, Rule rule) {
    r.op(schema).tags(Tag.POINTWISE)
        .meta((a, ctx) -> metaInPlace(ctx.provenance(), a.tensor(0),
            rule.call(a, ctx.provenance())))
        .kernel(a -> runInPlace(provenance(a), a.realTensor(0), rule.call(a, provenance(a))))
        .register();
  }

  /** A call whose dtypes come from elementwise promotion over {@code promoting}. */
  static Call call(List<Object> operands, List<Object> promoting, TypePromotionKind kind,
      ElementFn fn) {
    return new Call(operands, promote(kind, promoting), fn, false);
  }

  /** A call that promotes over all its operands. */
  static Call call(List<Object> operands, TypePromotionKind kind, ElementFn fn) {
    return call(operands, operands, kind, fn);
  }

  /** {@code elementwise_dtypes} of tensors and Python numbers (null entries are skipped). */
  static Promotion promote(TypePromotionKind kind, List<Object> values) {
    List<Operand> operands = new ArrayList<>();
    for (Object v : values) {
      if (v != null) {
        operands.add(operand(v));
      }
    }
    return DTypes.promote(kind, operands);
  }

  /** The promotion operand of a tensor or a Python number (a wrapped number). */
  static Operand operand(Object v) {
    if (v instanceof TensorValue t) {
      return Operand.tensor(t.dtype(), t.dim());
    }
    if (PyScalars.isBool(v)) {
      return Operand.pyBool();
    }
    if (PyScalars.isInt(v)) {
      return Operand.pyInt();
    }
    if (PyScalars.isFloat(v)) {
      return Operand.pyFloat();
    }
    throw new IllegalArgumentException("not a tensor or a number: " + v);
  }

  /** The dtype a value has as a tensor: its own, or its wrapped number's. */
  static DType dtypeOf(Object v) {
    if (v instanceof TensorValue t) {
      return t.dtype();
    }
    return PyScalars.isBool(v) ? DType.BOOL : PyScalars.isInt(v) ? DType.INT64 : DType.FLOAT64;
  }

  /** The broadcast shape, the strides and the dtypes of a call's output. */
  static Plan plan(Provenance why, Call call) {
    call.fn().checkSupports(call.promotion().computation());
    List<List<SymInt>> shapes = new ArrayList<>();
    List<Geometry> layouts = new ArrayList<>();
    for (Object v : call.operands()) {
      if (v instanceof TensorValue t) {
        shapes.add(t.symSizes());
        layouts.add(t.geometry());
      }
    }
    List<SymInt> shape = Broadcast.shapes(why, shapes);
    List<SymInt> strides = call.contiguousOutput()
        ? ShapeRules.contiguousStrides(shape)
        : ElementwiseLayout.strides(why, shape, layouts);
    return new Plan(shape, strides, call.promotion().computation(), call.promotion().result());
  }

  /** The fake output of an out-of-place call. */
  static FakeTensor meta(Provenance why, Call call) {
    Plan p = plan(why, call);
    return Metas.emptyStrided(p.result(), new Geometry(p.shape(), p.strides(), SymInt.of(0)));
  }

  /** Runs an out-of-place call on real tensors. */
  static Tensor run(Provenance why, Call call) {
    Plan p = plan(why, call);
    Tensor out = Tensor.emptyStrided(p.result(), Geometry.longs(p.shape()),
        Geometry.longs(p.strides()));
    ElementwiseLoop.run(out, realOperands(call.operands()), p.compute(), call.fn());
    return out;
  }

  /** Checks an in-place call on {@code self} (fake or real) and returns {@code self}. */
  static TensorValue metaInPlace(Provenance why, TensorValue self, Call call) {
    Plan p = plan(why, call);
    checkInPlace(why, self, p);
    return self;
  }

  /** Runs an in-place call: the result is computed, then written into {@code self}. */
  static Tensor runInPlace(Provenance why, Tensor self, Call call) {
    Plan p = plan(why, call);
    checkInPlace(why, self, p);
    Tensor result = Tensor.zeros(self.dtype(), self.sizes());
    ElementwiseLoop.run(result, realOperands(call.operands()), p.compute(), call.fn());
    return self.copy_(result);
  }

  /**
   * PyTorch's in-place rules: {@code result type Float can't be cast to the desired output type
   * Long}, and {@code output with shape [3] doesn't match the broadcast shape [2, 3]}.
   */
  static void checkInPlace(Provenance why, TensorValue self, Plan p) {
    if (!DTypes.canCast(p.result(), self.dtype())) {
      throw TensorError.runtime("result type " + p.result().scalarTypeName()
          + " can't be cast to the desired output type " + self.dtype().scalarTypeName());
    }
    Broadcast.checkInPlace(why, self.symSizes(), p.shape());
  }

  /** Real tensors for a kernel's operands: a Python number becomes its wrapped 0-dim tensor. */
  static List<Tensor> realOperands(List<Object> operands) {
    List<Tensor> out = new ArrayList<>();
    for (Object v : operands) {
      out.add(wrap(v));
    }
    return out;
  }

  /** A Python number as a 0-dim tensor of its wrapped dtype (bool, int64, float64). */
  static Tensor wrap(Object v) {
    if (v instanceof Tensor t) {
      return t;
    }
    Object n = PyScalars.normalize(v);
    if (n instanceof Boolean b) {
      return Tensor.ofBools(DType.BOOL, new long[0], b);
    }
    if (n instanceof Long l) {
      return Tensor.ofLongs(DType.INT64, new long[0], l);
    }
    if (n instanceof Double d) {
      return Tensor.scalar(DType.FLOAT64, d);
    }
    throw new IllegalArgumentException("a kernel needs a concrete tensor or number, got " + v);
  }

  /** The provenance of a kernel's checks (no guards arise from constant sizes). */
  static Provenance provenance(Args args) {
    return Provenance.of(args.op().toString());
  }
}
