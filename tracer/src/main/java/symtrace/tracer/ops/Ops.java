package symtrace.tracer.ops;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import symtrace.symbolic.value.SymInt;

/**
 * Calling operators: the dispatcher implements this, and decompositions and the program
 * interpreter call through it, so that the modes (fake, proxy) see every call.
 */
public interface Ops {
  OpRegistry registry();

  /** Calls an overload with bound arguments. */
  Object call(Args args);

  /**
   * Whether PyTorch's Python dispatcher is on (make_fx enables it for symbolic tracing only):
   * then a composite with a Python decomposition ({@code torch._decomp}, registered for
   * CompositeImplicitAutograd) runs that one; otherwise the C++ kernel runs, whose operators can
   * differ ({@code matmul} ends with {@code _unsafe_view} instead of {@code view}, {@code
   * dropout} returns its input instead of a clone).
   */
  default boolean pythonDispatcher() {
    return false;
  }

  /**
   * Runs {@code body}, a computation made only of scalar calls on {@code inputs} and constants,
   * whose result depends on nothing else (the shape environment aside). The dispatcher may
   * instead replay what an earlier run over equal inputs did to the modes and give that run's
   * result, its inputs replaced by these. Only results that hold nothing a mode could track
   * besides the inputs are kept for that: constants, inputs, and lists of them. By default it
   * just runs.
   */
  default <T> T memoized(String computation, List<Object> inputs,
      Function<List<Object>, T> body) {
    return body.apply(inputs);
  }

  /** Calls an overload with positional values; defaults fill the rest. */
  default Object call(OpOverload op, Object... positional) {
    if (op.schema().takesAllPositionally(positional.length)) {
      // The varargs array is this call's own: it becomes the bound vector as it is.
      return call(new Args(op, positional));
    }
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

  // ---------------------------------------------------------------------------------------
  // Python arithmetic on sizes, as composites do it: plain numbers are computed at once,
  // symbolic ones are dispatched as operator.* calls so that a trace records them.

  default Object scalarBinary(String name, Object a, Object b) {
    if (!PyScalars.isSymbolic(a) && !PyScalars.isSymbolic(b)) {
      OpOverload op = registry().operator(name);
      return PyScalars.normalize(op.kernel().apply(op.bind(java.util.List.of(
          PyScalars.normalize(a), PyScalars.normalize(b)), Map.of())));
    }
    return tracedBinary(name, a, b);
  }

  /**
   * The {@code operator} call itself, always dispatched (a SymInt whose value is known is still
   * traced), after SymNode's {@code promote2}: an int operand of a float operation becomes a
   * float first, a symbolic one through a traced {@code torch.sym_float} (so {@code n ** 0.5}
   * is {@code sym_float(n) ** 0.5}).
   */
  default Object tracedBinary(String name, Object a, Object b) {
    if ((PyScalars.isFloat(a) || PyScalars.isFloat(b)) && FLOAT_PROMOTING.contains(name)) {
      a = toFloatOperand(a);
      b = toFloatOperand(b);
    }
    return call(registry().operator(name), a, b);
  }

  /** The operations SymNode's {@code promote2} runs on floats when either operand is one. */
  Set<String> FLOAT_PROMOTING = Set.of("add", "sub", "mul", "mod", "pow",
      "truediv", "eq", "ne", "lt", "le", "gt", "ge");

  private Object toFloatOperand(Object v) {
    if (v instanceof SymInt) {
      return call("torch.sym_float", v);
    }
    return PyScalars.isInt(v) ? (Object) (double) ((Number) v).longValue() : v;
  }

  default Object add(Object a, Object b) {
    return scalarBinary("add", a, b);
  }

  default Object sub(Object a, Object b) {
    return scalarBinary("sub", a, b);
  }

  default Object mul(Object a, Object b) {
    return scalarBinary("mul", a, b);
  }

  default Object floorDiv(Object a, Object b) {
    return scalarBinary("floordiv", a, b);
  }

  default Object mod(Object a, Object b) {
    return scalarBinary("mod", a, b);
  }

  /** The product of sizes, multiplied left to right as PyTorch's C++ does. */
  default Object product(List<?> values) {
    Object p = 1L;
    for (Object v : values) {
      p = mul(p, v);
    }
    return p;
  }
}
