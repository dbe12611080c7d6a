package symtrace.tracer.torch;

import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Layout;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.TensorValue;

/**
 * The Python-level torch API a program calls, lowered to aten operators through an {@link
 * Ops} (the dispatcher, so that a trace sees every call): {@code torch.X}, {@code F.X} and
 * {@code torch.ops.aten.X.Y} calls, tensor attributes and methods, Python's operators on
 * tensors, indexing, and the conversions of one-element tensors to Python numbers.
 *
 * <p>Values follow the conventions of {@code symtrace.tracer.ops}, with Python's containers: a
 * tuple is a {@link PyTuple} (an operator's several results, {@code x.shape}, a split), a list
 * an {@link java.util.ArrayList}. Ints are normalized: a constant SymInt is a {@code Long}.
 * Errors a program can cause are {@link PythonError}s, or the operators' {@code TensorError}
 * and {@code SchemaError}; none carries a location.
 */
public final class TorchApi {
  private static final ApiRef TORCH = new ApiRef("torch");
  private static final ApiRef FUNCTIONAL = new ApiRef("torch.nn.functional");
  private static final String OPS = "torch.ops.";

  private final Ops ops;
  private final Aten aten;
  private final NativeFunctions natives;
  private final TorchFunctions torchFunctions;
  private final Functional functional;
  private final TensorMethods methods;
  private final TensorOperators operators;
  private final Indexing indexing;

  public TorchApi(Ops ops) {
    this.ops = ops;
    this.aten = new Aten(ops);
    ArgumentParser.ScalarReader scalars = t -> aten.call("item.default", t);
    this.natives = new NativeFunctions(ops);
    this.torchFunctions = new TorchFunctions(aten, scalars);
    this.functional = new Functional(aten, scalars);
    this.methods = new TensorMethods(aten, scalars);
    this.operators = new TensorOperators(natives);
    this.indexing = new Indexing(aten);
  }

  /** The {@code torch} module. */
  public static ApiRef torch() {
    return TORCH;
  }

  /** The {@code torch.nn.functional} module ({@code F}). */
  public static ApiRef functional() {
    return FUNCTIONAL;
  }

  /** The module (or function) an import statement names, such as {@code torch.nn}. */
  public Object module(String dottedName) {
    String[] parts = dottedName.split("\\.");
    if (!parts[0].equals("torch")) {
      throw new PythonError("ModuleNotFoundError", "No module named '" + dottedName + "'");
    }
    Object m = TORCH;
    for (int i = 1; i < parts.length; i++) {
      m = attribute((ApiRef) m, parts[i]);
    }
    return m;
  }

  static boolean isModule(String path) {
    return path.equals("torch") || path.equals("torch.nn") || path.equals("torch.nn.functional")
        || path.equals("torch.ops") || (path.startsWith(OPS) && path.indexOf('.', OPS.length())
            < 0);
  }

  // ---------------------------------------------------------------------------------------
  // Modules and functions

  /**
   * {@code module.name}: a dtype or other constant, a submodule, or a function.
   *
   * @throws PythonError ({@code AttributeError}) when there is no such attribute
   */
  public Object attribute(ApiRef ref, String name) {
    String path = ref.path();
    switch (path) {
      case "torch" -> {
        Object constant = torchConstant(name);
        if (constant != null) {
          return constant;
        }
        if (name.equals("nn") || name.equals("ops")
            || torchFunctions.has(name)
            || NativeFunctions.has(name, NativeFunctions.Form.FUNCTION)) {
          return ref.child(name);
        }
      }
      case "torch.nn" -> {
        if (name.equals("functional")) {
          return ref.child(name);
        }
      }
      case "torch.nn.functional" -> {
        if (functional.has(name) || NativeFunctions.has(name, NativeFunctions.Form.NN)) {
          return ref.child(name);
        }
      }
      case "torch.ops" -> {
        if (ops.registry().all().stream().anyMatch(op -> op.namespace().equals(name))) {
          return ref.child(name);
        }
      }
      default -> {
        if (path.startsWith(OPS)) {
          String qualified = path.substring(OPS.length()) + "." + name;
          boolean packet = isModule(path);
          if (packet ? !ops.registry().overloads(qualified).isEmpty()
              : ops.registry().find(qualified) != null) {
            return ref.child(name);
          }
          throw PythonError.attributeError("'" + (packet ? "_OpNamespace" : "OpOverloadPacket")
              + "' object '" + path.substring(OPS.length()) + "' has no attribute '" + name
              + "'");
        }
      }
    }
    if (isModule(path)) {
      throw PythonError.attributeError("module '" + path + "' has no attribute '" + name + "'");
    }
    throw PythonError.attributeError("'builtin_function_or_method' object has no attribute '"
        + name + "'");
  }

  private static Object torchConstant(String name) {
    return switch (name) {
      case "float32", "float" -> DType.FLOAT32;
      case "float64", "double" -> DType.FLOAT64;
      case "int64", "long" -> DType.INT64;
      case "int32", "int" -> DType.INT32;
      case "bool" -> DType.BOOL;
      case "strided" -> Layout.STRIDED;
      case "contiguous_format" -> MemoryFormat.CONTIGUOUS;
      case "preserve_format" -> MemoryFormat.PRESERVE;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> null;
    };
  }

  /**
   * Calls a function of the API: {@code torch.X}, {@code torch.nn.functional.X}, or an operator
   * overload or packet {@code torch.ops.<namespace>.<name>[.<overload>]}.
   */
  public Object call(ApiRef fn, List<?> args, Map<String, ?> kwargs) {
    String path = fn.path();
    if (path.startsWith(OPS) && !isModule(path)) {
      String qualified = path.substring(OPS.length());
      OpOverload op = ops.registry().find(qualified);
      List<OpOverload> overloads = qualified.chars().filter(c -> c == '.').count() == 1
          ? ops.registry().overloads(qualified) : List.of(op);
      return wrap(natives.callDirect(qualified, overloads, args, kwargs));
    }
    if (path.startsWith("torch.nn.functional.")) {
      String name = path.substring("torch.nn.functional.".length());
      return wrap(functional.has(name) ? functional.call(name, args, kwargs)
          : natives.call(name, NativeFunctions.Form.NN, null, args, kwargs));
    }
    if (path.startsWith("torch.") && !isModule(path)) {
      String name = path.substring("torch.".length());
      return wrap(torchFunctions.has(name) ? torchFunctions.call(name, args, kwargs)
          : natives.call(name, NativeFunctions.Form.FUNCTION, null, args, kwargs));
    }
    throw PythonError.typeError("'module' object is not callable");
  }

  // ---------------------------------------------------------------------------------------
  // Tensors

  /**
   * {@code x.name}: an attribute ({@code shape}, {@code dtype}, ...) or a bound method.
   *
   * @throws PythonError ({@code AttributeError}) when the tensor has neither
   */
  public Object attribute(TensorValue t, String name) {
    Object v = methods.attribute(t, name);
    if (v != null) {
      return wrap(v);
    }
    if (methods.has(name) || NativeFunctions.has(name, NativeFunctions.Form.METHOD)) {
      return new BoundMethod(t, name);
    }
    throw PythonError.attributeError("'Tensor' object has no attribute '" + name + "'");
  }

  /** {@code x.name(args...)}. */
  public Object callMethod(TensorValue t, String name, List<?> args, Map<String, ?> kwargs) {
    if (methods.has(name)) {
      return wrap(methods.call(t, name, args, kwargs));
    }
    if (NativeFunctions.has(name, NativeFunctions.Form.METHOD)) {
      return wrap(natives.call(name, NativeFunctions.Form.METHOD, t, args, kwargs));
    }
    throw PythonError.attributeError("'Tensor' object has no attribute '" + name + "'");
  }

  /** Calls a bound method. */
  public Object call(BoundMethod m, List<?> args, Map<String, ?> kwargs) {
    return callMethod(m.self(), m.name(), args, kwargs);
  }

  /**
   * {@code a <op> b} with a tensor operand; {@code op} is named as in Python's {@code operator}
   * module ({@code add}, {@code truediv}, {@code matmul}, {@code lt}, ...).
   */
  public Object binary(String op, Object a, Object b) {
    return wrap(operators.binary(op, a, b));
  }

  /** {@code a <op>= b} on a tensor {@code a}: in place where the tensor has the method. */
  public Object inplace(String op, TensorValue a, Object b) {
    return wrap(operators.inplace(op, a, b));
  }

  /** {@code -x} ({@code neg}), {@code +x} ({@code pos}), {@code abs(x)} ({@code abs}). */
  public Object unary(String op, TensorValue x) {
    return wrap(operators.unary(op, x));
  }

  /** Whether {@code op} is one of the binary operators {@link #binary} takes. */
  public static boolean isBinaryOperator(String op) {
    return TensorOperators.isBinary(op);
  }

  /** {@code x[index]}; the index is a value, a {@link PySlice}, {@link PyEllipsis} or tuple. */
  public Object getItem(TensorValue t, Object index) {
    return wrap(indexing.get(t, index));
  }

  /** {@code x[index] = value}. */
  public void setItem(TensorValue t, Object index, Object value) {
    indexing.set(t, index, value);
  }

  /** {@code iter(x)}: the tensor unbound along its first dimension. */
  public PyTuple iterate(TensorValue t) {
    if (t.dim() == 0) {
      throw PythonError.typeError("iteration over a 0-d tensor");
    }
    return (PyTuple) wrap(ops.call("aten.unbind.int", t, 0L));
  }

  /** {@code len(x)}: the first size, specialized to an int. */
  public long length(TensorValue t) {
    return TensorMethods.length(t);
  }

  // ---------------------------------------------------------------------------------------
  // Python numbers

  /**
   * Python's {@code int(v)}: a number truncated; a symbolic one specialized by a guard, as
   * {@code SymInt.__int__} does; a one-element tensor read first ({@code item}).
   */
  public long toInt(Object v) {
    Object x = v instanceof TensorValue t ? item(t, "int") : PyScalars.normalize(v);
    if (x instanceof Long l) {
      return l;
    }
    if (x instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (x instanceof Double d) {
      return truncate(d);
    }
    if (x instanceof SymInt s) {
      return s.guardInt(Provenance.of("int"));
    }
    if (x instanceof SymFloat f) {
      // SymFloat.__int__ is self.__trunc__().__int__(): the guard is on the truncated int
      // (TruncToInt(s0/2) == 2 holds for s0 = 4 and 5), not on the float itself.
      Object truncated = PyScalars.normalize(f.trunc());
      return truncated instanceof SymInt s ? s.guardInt(Provenance.of("int")) : (Long) truncated;
    }
    if (x instanceof SymBool b) {
      return b.guardBool(Provenance.of("int")) ? 1 : 0;
    }
    if (x instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        throw PythonError.valueError("invalid literal for int() with base 10: '" + s + "'");
      }
    }
    throw PythonError.typeError("int() argument must be a string, a bytes-like object or a real"
        + " number, not '" + PyTypes.name(v) + "'");
  }

  private static long truncate(double d) {
    if (Double.isNaN(d)) {
      throw PythonError.valueError("cannot convert float NaN to integer");
    }
    if (Double.isInfinite(d)) {
      throw new PythonError("OverflowError", "cannot convert float infinity to integer");
    }
    return (long) d;
  }

  /** Python's {@code float(v)}, specializing a symbolic number as {@code __float__} does. */
  public double toFloat(Object v) {
    Object x = v instanceof TensorValue t ? item(t, "float") : PyScalars.normalize(v);
    if (x instanceof Double d) {
      return d;
    }
    if (x instanceof Long l) {
      return l;
    }
    if (x instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (x instanceof SymFloat f) {
      return f.guardFloat(Provenance.of("float"));
    }
    if (x instanceof SymInt s) {
      return s.guardInt(Provenance.of("float"));
    }
    if (x instanceof SymBool b) {
      return b.guardBool(Provenance.of("float")) ? 1 : 0;
    }
    if (x instanceof String s) {
      return parseFloat(s);
    }
    throw PythonError.typeError("float() argument must be a string or a real number, not '"
        + PyTypes.name(v) + "'");
  }

  private static double parseFloat(String s) {
    String t = s.strip().toLowerCase(java.util.Locale.ROOT);
    switch (t) {
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan", "+nan", "-nan" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw PythonError.valueError("could not convert string to float: '" + s + "'");
        }
      }
    }
  }

  /**
   * The truth of a tensor, {@code bool(x)} or {@code if x:} ({@code Tensor.__bool__}): its one
   * value read ({@code item}), then tested, which on a data-dependent value in a trace is a
   * guard the shape environment cannot decide.
   */
  public boolean truth(TensorValue t, Provenance why) {
    Object n = PyScalars.normalize(t.symNumel());
    if (Aten.guard(aten.scalar("eq", n, 0L), why)) {
      throw PythonError.runtimeError("Boolean value of Tensor with no values is ambiguous");
    }
    if (Aten.guard(aten.scalar("gt", n, 1L), why)) {
      throw PythonError.runtimeError("Boolean value of Tensor with more than one value is"
          + " ambiguous");
    }
    return PyScalars.truth(ops.call("aten.item.default", t), why);
  }

  /** {@code dispatch_to}: a one-element tensor's value, for {@code int(t)} and {@code float(t)}. */
  private Object item(TensorValue t, String what) {
    Object n = PyScalars.normalize(t.symNumel());
    if (!Aten.guard(aten.scalar("eq", n, 1L), Provenance.of(what))) {
      throw PythonError.valueError("only one element tensors can be converted to Python"
          + " scalars");
    }
    return PyScalars.normalize(ops.call("aten.item.default", t));
  }

  /** An operator's result as a Python value: several results or a list are a tuple. */
  static Object wrap(Object v) {
    if (v instanceof PyTuple) {
      return v;
    }
    if (v instanceof List<?> l) {
      Object[] items = new Object[l.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = wrap(l.get(i));
      }
      return PyTuple.of(items);
    }
    return PyScalars.normalize(v);
  }

  /** The Python spelling of an operator name ({@code truediv} is {@code /}), for messages. */
  public static String operatorSymbol(String name) {
    return TensorOperators.symbol(name);
  }
}
