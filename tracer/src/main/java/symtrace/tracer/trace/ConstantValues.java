package symtrace.tracer.trace;

import com.google.common.collect.MapMaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Argument;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.ops.Tag;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * What a trace knows of tensors' values, as PyTorch's {@code proxy_call} keeps a proxy's {@code
 * constant}: a lifted tensor of at most one element ({@code lift_fresh_copy}) and the small
 * results of operators on constants. A data-dependent operator on constants is computed, not
 * traced ({@code torch.tensor([2]).item()} is 2). The inputs and what is computed from them are
 * traced values, so reading one is a data-dependent error (real mode) or an unbacked symbol.
 *
 * <p>A fake tensor carries its value ({@link FakeTensor#constant()}); a captured real tensor the
 * trace does not track is its own value; a tracked real tensor (real mode) has one only when
 * this records it.
 */
final class ConstantValues {
  private final Predicate<TensorValue> tracked;
  private final OpOverload liftFreshCopy;
  private final Map<TensorValue, Tensor> realConstants = new MapMaker().weakKeys().makeMap();

  ConstantValues(Predicate<TensorValue> tracked, OpOverload liftFreshCopy) {
    this.tracked = tracked;
    this.liftFreshCopy = liftFreshCopy;
  }

  /** The value a tensor is known to hold, or null. */
  Tensor valueOf(TensorValue t) {
    if (t instanceof Tensor real) {
      return tracked.test(real) ? realConstants.get(real) : real;
    }
    return ((FakeTensor) t).constant();
  }

  /**
   * PyTorch's {@code all_constant}: every tensor argument has a known value and no argument is
   * symbolic.
   */
  boolean allKnown(Args call) {
    for (int i = 0; i < call.size(); i++) {
      Object v = call.get(i);
      if (PyScalars.isSymbolic(v)) {
        return false;
      }
      for (TensorValue t : tensorsIn(v)) {
        if (valueOf(t) == null) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether some tracked tensor argument has a known value (PyTorch's {@code any_constant}). */
  private boolean anyTrackedKnown(Args call) {
    for (int i = 0; i < call.size(); i++) {
      Object v = call.get(i);
      if (v instanceof TensorValue t) {
        if (tracked.test(t) && valueOf(t) != null) {
          return true;
        }
      } else if (v instanceof List<?>) {
        for (TensorValue t : tensorsIn(v)) {
          if (tracked.test(t) && valueOf(t) != null) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The operator's kernel run on the arguments' values. */
  Object callOnValues(Args call) {
    Object[] values = call.values();
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof TensorValue t) {
        values[i] = valueOf(t);
      }
    }
    return call.op().kernel().apply(new Args(call.op(), values));
  }

  /**
   * After a real-mode call, which outputs are constants: a lifted tensor of at most one
   * element, or, for an operator that draws no random numbers, the outputs of constant arguments
   * when each has at most one element. Their own values are the constants, since real mode
   * computed them. Other outputs, an in-place result included, are no longer constants.
   */
  void afterRealCall(Args call, Object out) {
    List<TensorValue> outputs = tensorsIn(out);
    boolean small = outputs.stream().allMatch(t -> ((Tensor) t).numel() <= 1);
    boolean constant = call.op() == liftFreshCopy
        ? small
        : !call.op().hasTag(Tag.NONDETERMINISTIC_SEEDED) && allKnown(call)
            && anyTrackedKnown(call) && small;
    for (TensorValue t : outputs) {
      if (constant) {
        realConstants.put(t, (Tensor) t);
      } else {
        realConstants.remove(t);
      }
    }
  }

  /**
   * After a fake or symbolic call, its fake result carrying its value when it is a constant by
   * the same rule: the operator is re-run on the arguments' values. An in-place result stays
   * the tensor it wrote ({@link #afterWrite}).
   */
  Object afterFakeCall(Args call, Object out) {
    if (call.op().isMutable()) {
      afterWrite(call);
      return out;
    }
    if (!(out instanceof FakeTensor fake)) {
      return out;
    }
    // The cheap tests first: almost every call has no argument with a value.
    boolean constant = call.op() == liftFreshCopy
        ? allKnown(call)
        : anyTrackedKnown(call) && allKnown(call)
            && !call.op().hasTag(Tag.NONDETERMINISTIC_SEEDED);
    if (!constant || !fake.symNumel().isConstant() || fake.symNumel().constantValue() > 1) {
      return out;
    }
    return callOnValues(call) instanceof Tensor value ? fake.withConstant(value) : out;
  }

  /**
   * An in-place call on tensors with values: run on the values too when every argument has one
   * (as proxy_call re-runs it on the constants), so they stay the tensors' values; otherwise a
   * written tensor's value is no longer known.
   */
  private void afterWrite(Args call) {
    List<Argument> arguments = call.op().schema().arguments();
    boolean writesKnown = false;
    for (int i = 0; i < arguments.size() && i < call.size(); i++) {
      writesKnown |= arguments.get(i).type().mutable() && call.get(i) instanceof FakeTensor t
          && t.constant() != null;
    }
    if (!writesKnown) {
      return;
    }
    if (allKnown(call) && !call.op().hasTag(Tag.NONDETERMINISTIC_SEEDED)) {
      // Written values are copies: a value may be a tensor the program captured, which tracing
      // must not change.
      Object[] values = call.values();
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof TensorValue t) {
          Tensor value = valueOf(t);
          boolean written = i < arguments.size() && arguments.get(i).type().mutable();
          values[i] = written ? value.clone(MemoryFormat.PRESERVE) : value;
        }
      }
      call.op().kernel().apply(new Args(call.op(), values));
      for (int i = 0; i < arguments.size() && i < call.size(); i++) {
        if (arguments.get(i).type().mutable() && call.get(i) instanceof FakeTensor t) {
          t.rememberConstant((Tensor) values[i]);
        }
      }
      return;
    }
    for (int i = 0; i < arguments.size() && i < call.size(); i++) {
      if (arguments.get(i).type().mutable() && call.get(i) instanceof FakeTensor t) {
        t.forgetConstant();
      }
    }
  }

  private static List<TensorValue> tensorsIn(Object v) {
    if (v instanceof TensorValue t) {
      return List.of(t);
    }
    if (v instanceof List<?> items) {
      List<TensorValue> out = new ArrayList<>();
      for (Object item : items) {
        if (item instanceof TensorValue t) {
          out.add(t);
        }
      }
      return out;
    }
    return List.of();
  }
}
