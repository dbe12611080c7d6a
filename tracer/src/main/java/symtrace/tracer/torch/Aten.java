package symtrace.tracer.torch;

import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.TensorValue;

/**
 * Calls of aten overloads by name through the dispatcher, for the Python layer's lowerings, and
 * the size arithmetic and comparisons those lowerings do: through {@link Ops#scalarBinary}, so
 * that on symbolic sizes a trace records them ({@code operator.gt}, ...) as PyTorch's
 * SymInt dispatch does, before the result is guarded.
 */
final class Aten {
  private final Ops ops;

  Aten(Ops ops) {
    this.ops = ops;
  }

  Ops ops() {
    return ops;
  }

  /** Calls {@code aten.<overload>} with positional values; defaults fill the rest. */
  Object call(String overload, Object... positional) {
    return ops.call("aten." + overload, positional);
  }

  /** Calls {@code aten.<overload>} with positional and keyword values. */
  Object call(String overload, List<?> positional, Map<String, ?> keywords) {
    return ops.call(ops.registry().get("aten." + overload), positional, keywords);
  }

  /** {@code a <op> b} on ints or bools ({@code gt}, {@code ne}, {@code and_}, {@code sub}, ...). */
  Object scalar(String op, Object a, Object b) {
    return PyScalars.normalize(ops.scalarBinary(op, a, b));
  }

  /** {@code guard_bool}: the truth of a condition, a guard when it is symbolic. */
  static boolean guard(Object condition, Provenance why) {
    return PyScalars.truth(condition, why);
  }

  /**
   * {@code expect_true}: a guard over backed sizes, a deferred runtime assert over unbacked
   * ones.
   */
  static boolean expect(Object condition, Provenance why) {
    return condition instanceof SymBool b ? b.expectTrue(why) : PyScalars.truth(condition, why);
  }

  /** An int argument the lowering needs as a number (a dim): a SymInt is specialized. */
  static long specialize(Object v, Provenance why) {
    Object n = PyScalars.normalize(v);
    return n instanceof Long l ? l : ((symtrace.symbolic.value.SymInt) n).guardInt(why);
  }

  /** A float argument the lowering needs as a number: a symbolic one is specialized. */
  static double specializeFloat(Object v, Provenance why) {
    Object n = PyScalars.normalize(v);
    if (n instanceof Number x) {
      return x.doubleValue();
    }
    return n instanceof symtrace.symbolic.value.SymFloat f ? f.guardFloat(why)
        : specialize(n, why);
  }

  /** A call whose result is one tensor. */
  TensorValue tensor(String overload, Object... positional) {
    return (TensorValue) call(overload, positional);
  }
}
