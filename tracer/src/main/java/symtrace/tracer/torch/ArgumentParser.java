package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.ArgType;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Layout;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.TensorValue;

/**
 * PyTorch's Python argument parser ({@code python_arg_parser.cpp}) over {@link PySignature}s:
 * positional and keyword arguments are matched to parameters, defaults fill the rest, and each
 * value must have its parameter's type. A call that does not fit gives the reason, so that
 * overload resolution can try the next signature and report PyTorch's message when none fits.
 *
 * <p>Types are checked as PyTorch does: a bool is not an int, an int is a float, a number is a
 * {@code Scalar} (so is a zero-dimensional tensor), an int stands for an {@code int[N]}, and a
 * number stands for a {@code Tensor} only where the signature allows numbers as tensors. When
 * the one positional parameter is an int list, positional ints are gathered into it ({@code
 * x.view(2, -1)}).
 */
final class ArgumentParser {
  private ArgumentParser() {}

  /** The outcome of matching one call to one signature: the values, or why not. */
  record Match(Object[] values, String mismatch) {
    boolean ok() {
      return mismatch == null;
    }
  }

  /**
   * Matches a call to a signature.
   *
   * @return the values in parameter order (defaults filled, not yet converted), or the reason
   *     the call does not fit, worded as PyTorch's {@code TypeError}
   */
  static Match match(PySignature sig, List<?> args, Map<String, ?> kwargs) {
    List<PySignature.Param> params = sig.params();
    int maxPositional = sig.maxPositional();
    boolean varargs = sig.takesVarargsInts();
    if (args.size() > maxPositional && !varargs) {
      return fail(sig.name() + "() takes " + maxPositional + " positional argument"
          + (maxPositional == 1 ? "" : "s") + " but " + args.size()
          + (args.size() == 1 ? " was" : " were") + " given");
    }
    Object[] out = new Object[params.size()];
    Set<String> used = new HashSet<>();
    int position = 0;
    for (int i = 0; i < params.size(); i++) {
      PySignature.Param p = params.get(i);
      boolean positional = position < args.size() && !p.kwOnly();
      Object value;
      if (positional) {
        value = args.get(position++);
        if (kwargs.containsKey(p.name())) {
          return fail(sig.name() + "() got multiple values for argument '" + p.name() + "'");
        }
      } else if (kwargs.containsKey(p.name())) {
        value = kwargs.get(p.name());
        used.add(p.name());
      } else if (p.hasDefault()) {
        out[i] = p.defaultValue();
        continue;
      } else {
        return fail(sig.name() + "() missing required argument '" + p.name() + "' (pos "
            + (i + 1) + ")");
      }
      if (accepts(p.type(), value, sig.numbersAsTensors())) {
        out[i] = value;
      } else if (varargs && i == 0 && positional && isIntLike(value)) {
        // permute(1, 2, 0) means permute((1, 2, 0)): every positional argument is an element.
        if (!accepts(p.type(), args, false)) {
          return fail(wrongType(sig, p, i, args));
        }
        out[i] = args;
        position = args.size();
      } else {
        return fail(wrongType(sig, p, i, value));
      }
    }
    if (position < args.size()) {
      return fail(sig.name() + "() takes " + maxPositional + " positional argument"
          + (maxPositional == 1 ? "" : "s") + " but " + args.size() + " were given");
    }
    for (String key : kwargs.keySet()) {
      if (!used.contains(key)) {
        return fail(sig.name() + "() got an unexpected keyword argument '" + key + "'");
      }
    }
    return new Match(out, null);
  }

  private static Match fail(String why) {
    return new Match(null, why);
  }

  private static String wrongType(PySignature sig, PySignature.Param p, int i, Object value) {
    return sig.name() + "(): argument '" + p.name() + "' (position " + (i + 1) + ") must be "
        + typeName(p.type()) + ", not " + PyTypes.name(value);
  }

  /** An int, or what PyTorch takes for one. */
  private static boolean isIntLike(Object v) {
    return isIndex(v) || isIntTensor(v);
  }

  private static boolean isIndex(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof SymInt;
  }

  /**
   * A one-element integer tensor, which PyTorch's {@code is_int_or_symint} takes for an int
   * ({@code torch.zeros([t])}); it is converted with {@code item()}. The element count is read
   * as {@code guard_or_false(numel == 1)}: a symbolic count is not 1.
   */
  private static boolean isIntTensor(Object v) {
    if (!(v instanceof TensorValue t) || !t.dtype().isInteger()) {
      return false;
    }
    SymInt numel = t.symNumel();
    return numel.isConstant() && numel.constantValue() == 1L;
  }

  /** Whether {@code v} can be passed for a parameter of type {@code t}. */
  static boolean accepts(ArgType t, Object v, boolean numbersAsTensors) {
    if (v == null) {
      return t.optional();
    }
    if (t.list()) {
      if (v instanceof List<?> items) {
        for (Object item : items) {
          if (item == null ? !t.elementOptional() : !acceptsElement(t.kind(), item, false)) {
            return false;
          }
        }
        return true;
      }
      // int[2] takes a single int and repeats it.
      return t.listLength() > 0 && (t.kind() == ArgType.Kind.INT
          || t.kind() == ArgType.Kind.SYMINT) && isIntLike(v);
    }
    return acceptsElement(t.kind(), v, numbersAsTensors);
  }

  private static boolean acceptsElement(ArgType.Kind kind, Object v, boolean numbersAsTensors) {
    return switch (kind) {
      case TENSOR -> v instanceof TensorValue || (numbersAsTensors && isNumber(v));
      case INT, SYMINT -> isIntLike(v);
      case FLOAT -> v instanceof Double || v instanceof SymFloat || isIndex(v);
      case BOOL -> v instanceof Boolean || v instanceof SymBool;
      case SCALAR -> isNumber(v) || (v instanceof TensorValue t && t.dim() == 0);
      case STR -> v instanceof String;
      case SCALAR_TYPE -> v instanceof DType;
      case DEVICE -> v instanceof Device || v instanceof String;
      case LAYOUT -> v instanceof Layout;
      case MEMORY_FORMAT -> v instanceof MemoryFormat;
      case GENERATOR, DIMNAME -> false;
      case ANY -> true;
    };
  }

  /** A Python number: int, float, bool, or a symbolic one. */
  static boolean isNumber(Object v) {
    return PyScalars.isScalar(v);
  }

  /**
   * The device a string names; symtrace computes on the CPU only.
   *
   * @throws PythonError ({@code RuntimeError}) for any other device
   */
  static Device device(String name) {
    Device d = Device.parse(name);
    if (!d.type().equals("cpu")) {
      throw PythonError.runtimeError("device '" + name + "' is not available: symtrace"
          + " computes on the cpu only");
    }
    return d;
  }

  /** How PyTorch names a parameter type in its messages. */
  static String typeName(ArgType t) {
    String base = switch (t.kind()) {
      case TENSOR -> "Tensor";
      case INT, SYMINT -> "int";
      case FLOAT -> "float";
      case BOOL -> "bool";
      case SCALAR -> "Number";
      case STR -> "str";
      case SCALAR_TYPE -> "torch.dtype";
      case DEVICE -> "torch.device";
      case LAYOUT -> "torch.layout";
      case MEMORY_FORMAT -> "torch.memory_format";
      case GENERATOR -> "torch.Generator";
      case DIMNAME -> "name";
      case ANY -> "object";
    };
    return t.list() ? "tuple of " + base + "s" : base;
  }

  /**
   * Converts matched values to what operators take: an int for an {@code int[N]} becomes N
   * copies, sequences become lists, symbolic constants become numbers, a device name a {@link
   * Device}, and a zero-dimensional tensor given for a {@code Scalar} its value ({@code item},
   * through {@code scalarOf}).
   */
  static Object[] convert(PySignature sig, Object[] values, ScalarReader scalarOf) {
    Object[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = convert(sig.params().get(i).type(), out[i], scalarOf);
    }
    return out;
  }

  /** Reads the Python number a zero-dimensional tensor holds. */
  interface ScalarReader {
    Object item(TensorValue t);
  }

  /** A list element or int argument: an int tensor's value, a number as it is. */
  private static Object index(Object v, ScalarReader scalarOf) {
    return isIntTensor(v) ? scalarOf.item((TensorValue) v) : PyScalars.normalize(v);
  }

  static Object convert(ArgType t, Object v, ScalarReader scalarOf) {
    if (v == null) {
      return null;
    }
    if (t.list()) {
      if (v instanceof List<?> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
          out.add(index(item, scalarOf));
        }
        return out;
      }
      if (isIntLike(v)) {
        Object index = index(v, scalarOf);
        List<Object> out = new ArrayList<>(t.listLength());
        for (int k = 0; k < t.listLength(); k++) {
          out.add(index);
        }
        return out;
      }
      return v;
    }
    if ((t.kind() == ArgType.Kind.INT || t.kind() == ArgType.Kind.SYMINT) && isIntTensor(v)) {
      return index(v, scalarOf);
    }
    if (t.kind() == ArgType.Kind.SCALAR && v instanceof TensorValue tensor) {
      return scalarOf.item(tensor);
    }
    if (t.kind() == ArgType.Kind.DEVICE && v instanceof String name) {
      return device(name);
    }
    return PyScalars.normalize(v);
  }
}
