package symtrace.tracer.ops;

import java.util.List;
import java.util.Map;

/**
 * Calling operators: the dispatcher implements this, and decompositions and the program
 * interpreter call through it, so that the modes (fake, proxy) see every call.
 */
public interface Ops {
  OpRegistry registry();

  /** Calls an overload with bound arguments. */
  Object call(Args args);

  /** Calls an overload with positional values; defaults fill the rest. */
  default Object call(OpOverload op, Object... positional) {
    return call(op.bind(java.util.Arrays.asList(positional), Map.of()));
  }

  /** Calls an overload by name ({@code aten.view.default}, {@code operator.mul}). */
  default Object call(String qualifiedName, Object... positional) {
    return call(registry().get(qualifiedName), positional);
  }

  /** Calls with positional and keyword values. */
  default Object call(OpOverload op, List<?> positional, Map<String, ?> keywords) {
    return call(op.bind(positional, keywords));
  }
}
