package symtrace.tracer.torch;

import java.util.List;
import java.util.Map;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.tensor.TensorValue;

/** Calls of aten overloads by name through the dispatcher, for the Python layer's lowerings. */
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

  /** A call whose result is one tensor. */
  TensorValue tensor(String overload, Object... positional) {
    return (TensorValue) call(overload, positional);
  }
}
