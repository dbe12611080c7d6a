package symtrace.tracer.lang;

import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.torch.ApiRef;
import symtrace.tracer.torch.PyTypes;
import symtrace.tracer.torch.PythonError;
import symtrace.tracer.torch.TorchApi;

/**
 * Python's builtins in the language ({@code len}, {@code range}, {@code min}, {@code max},
 * {@code abs}, {@code int}, {@code float}, {@code bool}, {@code sum}), the {@code operator}
 * module a printed graph calls ({@code operator.mul}, also spelled {@code _operator_mul} by
 * FX), and the names every program sees without importing them: {@code torch}, {@code F},
 * {@code operator}, and what FX's printed code uses: {@code device} (as in {@code
 * device(type='cpu')}), {@code inf} and {@code nan}.
 *
 * <p>Comparisons inside {@code min} and {@code max} are Python's, so on symbolic sizes they
 * record guards, as under PyTorch.
 */
final class Builtins {
  private static final Set<String> FUNCTIONS = Set.of("len", "range", "min", "max", "abs",
      "int", "float", "bool", "sum", "device");
  private static final Set<String> OPERATOR_FUNCTIONS = Set.of("add", "sub", "mul", "truediv",
      "floordiv", "mod", "pow", "matmul", "eq", "ne", "lt", "le", "gt", "ge", "neg", "pos",
      "abs", "not_", "truth", "getitem", "and_", "or_");
  /** Builtins outside the language, named in the error rather than reported as undefined. */
  private static final Set<String> UNSUPPORTED = Set.of("isinstance", "print", "type", "list",
      "tuple", "dict", "set", "zip", "enumerate", "reversed", "sorted", "map", "filter",
      "getattr", "setattr", "hasattr", "iter", "next", "round", "pow", "divmod", "any", "all",
      "str", "repr", "id", "hash", "open", "super", "object", "vars", "globals", "locals",
      "eval", "exec", "input", "callable", "issubclass", "format", "slice");

  private final PyOperators operators;
  private final TorchApi api;

  Builtins(PyOperators operators, TorchApi api) {
    this.operators = operators;
    this.api = api;
  }

  /** The value of a name no scope binds, or null when there is none. */
  static Object lookup(String name) {
    switch (name) {
      case "torch" -> {
        return TorchApi.torch();
      }
      case "F" -> {
        return TorchApi.functional();
      }
      case "operator" -> {
        return new PyModule("operator");
      }
      case "inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "nan" -> {
        return Double.NaN;
      }
      default -> {
      }
    }
    if (FUNCTIONS.contains(name) || UNSUPPORTED.contains(name)) {
      return new Builtin(name);
    }
    if (name.startsWith("_operator_")
        && OPERATOR_FUNCTIONS.contains(name.substring("_operator_".length()))) {
      return new Builtin("operator." + name.substring("_operator_".length()));
    }
    return null;
  }

  /** {@code operator.<name>}. */
  static Object operatorFunction(String name) {
    if (!OPERATOR_FUNCTIONS.contains(name)) {
      throw PythonError.attributeError("module 'operator' has no attribute '" + name + "'");
    }
    return new Builtin("operator." + name);
  }

  Object call(Builtin fn, List<Object> args, Map<String, Object> kwargs) {
    String name = fn.name();
    if (name.startsWith("operator.")) {
      noKeywords(name, kwargs);
      return operator(name.substring("operator.".length()), args);
    }
    if (UNSUPPORTED.contains(name)) {
      throw PythonError.unsupported("the builtin " + name + "() is not supported");
    }
    if (name.equals("device")) {
      return api.call(new ApiRef("torch.device"), args, kwargs);
    }
    if (name.equals("sum")) {
      return sum(args, kwargs);
    }
    noKeywords(name, kwargs);
    return switch (name) {
      case "len" -> len(one(name, args));
      case "range" -> range(args);
      case "min" -> extreme("min", "lt", args);
      case "max" -> extreme("max", "gt", args);
      case "abs" -> operators.unary("abs", one(name, args));
      case "int" -> args.isEmpty() ? (Object) 0L : (Object) api.toInt(oneConversion(name, args));
      case "float" -> args.isEmpty() ? (Object) 0.0
          : (Object) api.toFloat(oneConversion(name, args));
      case "bool" -> args.isEmpty() ? Boolean.FALSE
          : (Object) operators.truth(oneConversion(name, args), Provenance.of("bool"));
      default -> throw new IllegalStateException(name);
    };
  }

  private Object operator(String name, List<Object> args) {
    switch (name) {
      case "neg", "pos", "abs" -> {
        return operators.unary(name, exactly(name, args, 1).get(0));
      }
      case "not_" -> {
        return !operators.truth(exactly(name, args, 1).get(0), Provenance.of("not"));
      }
      case "truth" -> {
        return operators.truth(exactly(name, args, 1).get(0), Provenance.of("bool"));
      }
      case "getitem" -> {
        List<Object> a = exactly(name, args, 2);
        return operators.getItem(a.get(0), a.get(1));
      }
      default -> {
        List<Object> a = exactly(name, args, 2);
        if ((name.equals("and_") || name.equals("or_"))
            && (a.get(0) instanceof TensorValue || a.get(1) instanceof TensorValue)) {
          throw PythonError.unsupported("bitwise operators on tensors are not supported; use"
              + " torch.logical_and or torch.logical_or");
        }
        return operators.binary(name, a.get(0), a.get(1));
      }
    }
  }

  private static Object one(String name, List<Object> args) {
    if (args.size() != 1) {
      throw PythonError.typeError(name + "() takes exactly one argument (" + args.size()
          + " given)");
    }
    return args.get(0);
  }

  private static Object oneConversion(String name, List<Object> args) {
    if (args.size() > 1) {
      throw PythonError.unsupported(name + "() with more than one argument is not supported");
    }
    return args.get(0);
  }

  private static List<Object> exactly(String name, List<Object> args, int n) {
    if (args.size() != n) {
      throw PythonError.typeError(name + " expected " + n + " argument" + (n == 1 ? "" : "s")
          + ", got " + args.size());
    }
    return args;
  }

  private static void noKeywords(String name, Map<String, Object> kwargs) {
    if (!kwargs.isEmpty()) {
      throw PythonError.typeError(name + "() takes no keyword arguments");
    }
  }

  private Object len(Object v) {
    if (v instanceof List<?> l) {
      return (long) l.size();
    }
    if (v instanceof String s) {
      return (long) s.length();
    }
    if (v instanceof PyRange r) {
      return r.length();
    }
    if (v instanceof TensorValue t) {
      return api.length(t);
    }
    throw PythonError.typeError("object of type '" + PyTypes.name(v) + "' has no len()");
  }

  /** {@code range(...)}: symbolic bounds are specialized ({@code __index__} guards them). */
  private static Object range(List<Object> args) {
    if (args.isEmpty() || args.size() > 3) {
      throw PythonError.typeError(args.isEmpty() ? "range expected at least 1 argument, got 0"
          : "range expected at most 3 arguments, got " + args.size());
    }
    long[] v = new long[args.size()];
    for (int i = 0; i < v.length; i++) {
      Object a = args.get(i);
      if (!symtrace.tracer.ops.PyScalars.isInt(a) && !(a instanceof Boolean)) {
        throw PythonError.typeError("'" + PyTypes.name(a)
            + "' object cannot be interpreted as an integer");
      }
      v[i] = PyOperators.specialize(a, "range");
    }
    if (v.length == 3 && v[2] == 0) {
      throw PythonError.valueError("range() arg 3 must not be zero");
    }
    return switch (v.length) {
      case 1 -> new PyRange(0, v[0], 1);
      case 2 -> new PyRange(v[0], v[1], 1);
      default -> new PyRange(v[0], v[1], v[2]);
    };
  }

  /**
   * {@code min}/{@code max} of several arguments or of one iterable: the first item that no
   * later item beats, compared with Python's {@code <} or {@code >} and its truth.
   */
  private Object extreme(String name, String op, List<Object> args) {
    if (args.isEmpty()) {
      throw PythonError.typeError(name + " expected at least 1 argument, got 0");
    }
    List<Object> items = args.size() == 1 ? operators.iterate(args.get(0)) : args;
    if (items.isEmpty()) {
      throw PythonError.valueError(name + "() iterable argument is empty");
    }
    Object best = items.get(0);
    for (Object item : items.subList(1, items.size())) {
      if (operators.truth(operators.binary(op, item, best), Provenance.of(name))) {
        best = item;
      }
    }
    return best;
  }

  /** {@code sum(iterable, start=0)}: {@code start + item + ...}, left to right. */
  private Object sum(List<Object> args, Map<String, Object> kwargs) {
    if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && kwargs.containsKey("start"))) {
      throw PythonError.typeError("sum() takes at most 2 arguments and needs an iterable");
    }
    for (String key : kwargs.keySet()) {
      if (!key.equals("start")) {
        throw PythonError.typeError("sum() got an unexpected keyword argument '" + key + "'");
      }
    }
    Object acc = args.size() == 2 ? args.get(1) : kwargs.getOrDefault("start", 0L);
    if (acc instanceof String) {
      throw PythonError.typeError("sum() can't sum strings [use ''.join(seq) instead]");
    }
    for (Object item : operators.iterate(args.get(0))) {
      acc = operators.binary("add", acc, item);
    }
    return acc;
  }
}
