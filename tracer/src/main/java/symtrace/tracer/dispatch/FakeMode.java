package symtrace.tracer.dispatch;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Argument;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;

/**
 * PyTorch's {@code FakeTensorMode}: every operator runs its meta rule, real tensor arguments
 * (captured constants) are first converted to fake tensors that remember their values, and
 * factories make fake tensors. Conversion is memoized by identity, so one real tensor is one
 * fake tensor for the whole trace, and views of it share its fake storage.
 */
public final class FakeMode implements DispatchMode {
  private final Dispatcher dispatcher;
  private final Map<Tensor, FakeTensor> converted = new IdentityHashMap<>();

  public FakeMode(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public Object dispatch(Args call, Next next) {
    Args fake = fakeify(call);
    Object out = dispatcher.meta(fake);
    if (call.op().isMutable()) {
      recordWrites(fake);
    }
    return out;
  }

  /** Scalar calls reach the meta rules, which only compute. */
  @Override
  public ScalarEffects scalarEffects() {
    return ScalarEffects.NONE;
  }

  /** Bumps the memory version of every tensor an in-place operator wrote ({@code Tensor(a!)}). */
  private static void recordWrites(Args call) {
    List<Argument> arguments = call.op().schema().arguments();
    for (int i = 0; i < arguments.size() && i < call.size(); i++) {
      if (arguments.get(i).type().mutable() && call.get(i) instanceof FakeTensor t) {
        t.storage().bump();
      }
    }
  }

  /** The fake tensor standing for a real one (the same one each time). */
  public FakeTensor fromReal(Tensor real) {
    return converted.computeIfAbsent(real, r -> FakeTensor.of(r.dtype(),
        Geometry.of(r.sizes(), r.strides(), r.storageOffset())).withConstant(r));
  }

  private Args fakeify(Args call) {
    Object[] values = null;
    for (int i = 0; i < call.size(); i++) {
      Object v = call.get(i);
      Object f = fakeValue(v);
      if (f != v) {
        if (values == null) {
          values = call.values();
        }
        values[i] = f;
      }
    }
    return values == null ? call : new Args(call.op(), values);
  }

  private Object fakeValue(Object v) {
    if (v instanceof Tensor t) {
      return fromReal(t);
    }
    if (v instanceof List<?> l) {
      List<Object> out = null;
      for (int i = 0; i < l.size(); i++) {
        Object item = l.get(i);
        Object f = item instanceof Tensor t ? fromReal(t) : item;
        if (f != item && out == null) {
          out = new ArrayList<>(l);
        }
        if (out != null) {
          out.set(i, f);
        }
      }
      return out == null ? v : out;
    }
    return v;
  }
}
