package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.symbolic.value.SymNode;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.torch.PySlice;
import symtrace.tracer.torch.PyTypes;
import symtrace.tracer.torch.PythonError;
import symtrace.tracer.torch.TorchApi;

/**
 * Python's operators over the language's values. A tensor operand hands the operation to the
 * {@link TorchApi} ({@code x + 2} is {@code aten.add.Tensor}); numbers, which may be symbolic,
 * go through {@link Ops#scalarBinary}, so that a trace records {@code operator.*} exactly when
 * a value is symbolic (a SymInt whose value has become known included); tuples, lists and
 * strings follow Python. Operators are named as in Python's {@code operator} module ({@code
 * add}, {@code truediv}, {@code lt}, ...).
 */
final class PyOperators {
  private static final Provenance COMPARE = Provenance.of("compare");

  private final Ops ops;
  private final TorchApi api;

  PyOperators(Ops ops, TorchApi api) {
    this.ops = ops;
    this.api = api;
  }

  // ---------------------------------------------------------------------------------------
  // Binary operators

  /** {@code a <op> b}. */
  Object binary(String op, Object a, Object b) {
    if (a instanceof TensorValue || b instanceof TensorValue) {
      return api.binary(op, a, b);
    }
    if (PyScalars.isScalar(a) && PyScalars.isScalar(b)) {
      return numeric(op, a, b);
    }
    return switch (op) {
      case "add" -> concatenate(a, b);
      case "mul" -> repeat(a, b);
      case "eq" -> equal(a, b);
      case "ne" -> !equal(a, b);
      case "lt", "le", "gt", "ge" -> order(op, a, b);
      default -> throw unsupported(op, a, b);
    };
  }

  private Object numeric(String op, Object a, Object b) {
    switch (op) {
      case "truediv", "floordiv", "mod" -> checkDivisor(op, a, b);
      case "add", "sub", "mul", "pow", "eq", "ne", "lt", "le", "gt", "ge" -> {
      }
      case "and_", "or_" -> {
        if (!PyScalars.isBool(a) || !PyScalars.isBool(b)) {
          throw PythonError.unsupported("bitwise operators on ints are not supported");
        }
      }
      default -> throw unsupported(op, a, b);
    }
    if (PyScalars.hasNode(a) || PyScalars.hasNode(b)) {
      // a SymInt, even one whose value is known, is still traced
      return stillSymbolic(ops.tracedBinary(op, a, b), a, b);
    }
    return PyScalars.normalize(ops.scalarBinary(op, a, b));
  }

  /**
   * Python's result of arithmetic on a SymInt is a SymInt, also when its value is known (as
   * PyTorch's is, so arithmetic on it is traced in turn).
   */
  private static Object stillSymbolic(Object result, Object a, Object b) {
    if (PyScalars.hasNode(result)) {
      return result;
    }
    ShapeEnv env = PyScalars.hasNode(a) ? envOf(a) : envOf(b);
    Object v = PyScalars.normalize(result);
    if (v instanceof Long l) {
      return new SymInt(new SymNode(IntLit.of(l), env, SymNode.Type.INT, l));
    }
    if (v instanceof Boolean x) {
      return new SymBool(new SymNode(BoolLit.of(x), env, SymNode.Type.BOOL, x));
    }
    return v;
  }

  private static ShapeEnv envOf(Object v) {
    if (v instanceof SymInt i) {
      return i.node().env();
    }
    return v instanceof SymFloat f ? f.node().env() : ((SymBool) v).node().env();
  }

  private static void checkDivisor(String op, Object a, Object b) {
    Object d = PyScalars.normalize(b);
    boolean zero = (d instanceof Long l && l == 0) || (d instanceof Double x && x == 0)
        || Boolean.FALSE.equals(d);
    if (!zero) {
      return;
    }
    boolean floats = PyScalars.isFloat(a) || PyScalars.isFloat(b);
    String message = switch (op) {
      case "truediv" -> floats ? "float division by zero" : "division by zero";
      case "floordiv" -> floats ? "float floor division by zero"
          : "integer division or modulo by zero";
      default -> floats ? "float modulo" : "integer modulo by zero";
    };
    throw new PythonError("ZeroDivisionError", message);
  }

  private static Object concatenate(Object a, Object b) {
    if (a instanceof PyTuple x && b instanceof PyTuple y) {
      List<Object> out = new ArrayList<>(x);
      out.addAll(y);
      return PyTuple.copyOf(out);
    }
    if (isList(a) && isList(b)) {
      List<Object> out = new ArrayList<>((List<?>) a);
      out.addAll((List<?>) b);
      return out;
    }
    if (a instanceof String x && b instanceof String y) {
      return x + y;
    }
    throw unsupported("add", a, b);
  }

  private Object repeat(Object a, Object b) {
    Object seq = PyScalars.isInt(b) ? a : b;
    Object count = seq == a ? b : a;
    if (!PyScalars.isInt(count) || !(seq instanceof List<?> || seq instanceof String)) {
      throw unsupported("mul", a, b);
    }
    long n = specialize(count, "repeat");
    long size = seq instanceof String str ? str.length() : ((List<?>) seq).size();
    if (n > 0 && size > 0 && n > PyRange.MAX_ITEMS / size) {
      throw new PythonError("MemoryError", "a sequence of " + n + " * " + size + " items is too"
          + " large");
    }
    if (seq instanceof String s) {
      return n <= 0 ? "" : s.repeat((int) n);
    }
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.addAll((List<?>) seq);
    }
    return seq instanceof PyTuple ? PyTuple.copyOf(out) : out;
  }

  /** Python's {@code ==} on non-tensors: sequences element by element, numbers by value. */
  private boolean equal(Object a, Object b) {
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if ((a instanceof PyTuple) != (b instanceof PyTuple) || x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!truth(binary("eq", x.get(i), y.get(i)), COMPARE)) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  /** Python's ordering of sequences (lexicographic) and strings. */
  private Object order(String op, Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return PyScalars.compare(OperatorNames.symbol(op), (long) x.compareTo(y), 0L);
    }
    if (a instanceof List<?> x && b instanceof List<?> y
        && (a instanceof PyTuple) == (b instanceof PyTuple)) {
      int n = Math.min(x.size(), y.size());
      for (int i = 0; i < n; i++) {
        if (!truth(binary("eq", x.get(i), y.get(i)), COMPARE)) {
          return binary(op, x.get(i), y.get(i));
        }
      }
      return PyScalars.compare(OperatorNames.symbol(op), (long) x.size(), (long) y.size());
    }
    throw unsupported(op, a, b);
  }

  private static PythonError unsupported(String op, Object a, Object b) {
    String symbol = OperatorNames.symbol(op);
    if (op.equals("lt") || op.equals("le") || op.equals("gt") || op.equals("ge")) {
      return PythonError.typeError("'" + symbol + "' not supported between instances of '"
          + PyTypes.name(a) + "' and '" + PyTypes.name(b) + "'");
    }
    return PythonError.typeError("unsupported operand type(s) for " + symbol + ": '"
        + PyTypes.name(a) + "' and '" + PyTypes.name(b) + "'");
  }

  /** {@code a <op>= b}: in place on a tensor or a list, else {@code a = a <op> b}. */
  Object augmented(String op, Object a, Object b) {
    if (a instanceof TensorValue t) {
      return api.inplace(op, t, b);
    }
    if (op.equals("add") && isList(a)) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) a;
      list.addAll(iterate(b));
      return list;
    }
    return binary(op, a, b);
  }

  // ---------------------------------------------------------------------------------------
  // Unary operators and truth

  /** {@code -a} ({@code neg}), {@code +a} ({@code pos}), {@code abs(a)} ({@code abs}). */
  Object unary(String op, Object a) {
    if (a instanceof TensorValue t) {
      return api.unary(op, t);
    }
    if (!PyScalars.isScalar(a)) {
      throw PythonError.typeError("bad operand type for " + (op.equals("abs") ? "abs()"
          : "unary " + (op.equals("neg") ? "-" : "+")) + ": '" + PyTypes.name(a) + "'");
    }
    Object v = PyScalars.pythonValue(a);
    if (v instanceof Boolean b) {
      v = b ? 1L : 0L;
    }
    if (op.equals("pos")) {
      return v;
    }
    if (PyScalars.hasNode(v)) {
      return stillSymbolic(ops.call("operator." + op, v), v, v);
    }
    return op.equals("neg") ? PyScalars.neg(v) : PyScalars.abs(v);
  }

  /** Python's truth of a value; a symbolic bool is guarded, a tensor read. */
  boolean truth(Object v, Provenance why) {
    if (v == null) {
      return false;
    }
    if (PyScalars.isScalar(v)) {
      return PyScalars.truth(v, why);
    }
    if (v instanceof TensorValue t) {
      return api.truth(t, why);
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (v instanceof PyRange r) {
      return r.length() > 0;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // Containers

  /** {@code container[index]}. */
  Object getItem(Object container, Object index) {
    if (container instanceof TensorValue t) {
      return api.getItem(t, index);
    }
    if (container instanceof List<?> seq) {
      String kind = container instanceof PyTuple ? "tuple" : "list";
      if (index instanceof PySlice s) {
        List<Object> out = new ArrayList<>();
        for (long i : sliceIndices(s, seq.size())) {
          out.add(seq.get((int) i));
        }
        return container instanceof PyTuple ? PyTuple.copyOf(out) : out;
      }
      return seq.get(position(index, seq.size(), kind));
    }
    throw PythonError.typeError("'" + PyTypes.name(container) + "' object is not subscriptable");
  }

  /** {@code container[index] = value}. */
  void setItem(Object container, Object index, Object value) {
    if (container instanceof TensorValue t) {
      api.setItem(t, index, value);
      return;
    }
    if (isList(container)) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) container;
      if (index instanceof PySlice) {
        throw PythonError.unsupported("assignment to a slice of a list is not supported");
      }
      list.set(position(index, list.size(), "list assignment"), value);
      return;
    }
    throw PythonError.typeError("'" + PyTypes.name(container)
        + "' object does not support item assignment");
  }

  /** The items a {@code for} loop or an unpacking goes over. */
  List<Object> iterate(Object v) {
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (v instanceof PyRange r) {
      return r.values();
    }
    if (v instanceof TensorValue t) {
      return new ArrayList<>(api.iterate(t));
    }
    throw PythonError.typeError("'" + PyTypes.name(v) + "' object is not iterable");
  }

  private int position(Object index, int size, String kind) {
    if (!PyScalars.isInt(index) && !(index instanceof Boolean)) {
      throw PythonError.typeError(kind.split(" ")[0] + " indices must be integers or slices, not "
          + PyTypes.name(index));
    }
    long i = specialize(index, "index");
    long k = i < 0 ? i + size : i;
    if (k < 0 || k >= size) {
      throw PythonError.indexError(kind + " index out of range");
    }
    return (int) k;
  }

  /** The positions a slice selects in a sequence of {@code size} ({@code PySlice_GetIndices}). */
  private List<Long> sliceIndices(PySlice s, int size) {
    long step = s.step() == null ? 1 : sliceBound(s.step());
    if (step == 0) {
      throw PythonError.valueError("slice step cannot be zero");
    }
    long start = s.start() == null ? (step < 0 ? Long.MAX_VALUE : 0) : sliceBound(s.start());
    long stop = s.stop() == null ? (step < 0 ? Long.MIN_VALUE : Long.MAX_VALUE)
        : sliceBound(s.stop());
    start = adjust(start, size, step);
    stop = adjust(stop, size, step);
    List<Long> out = new ArrayList<>();
    for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.add(i);
    }
    return out;
  }

  private static long adjust(long index, long size, long step) {
    if (index < 0) {
      index = index == Long.MIN_VALUE ? -1 : index + size;
      if (index < 0) {
        return step < 0 ? -1 : 0;
      }
      return index;
    }
    return index >= size ? (step < 0 ? size - 1 : size) : index;
  }

  private long sliceBound(Object v) {
    if (!PyScalars.isInt(v) && !(v instanceof Boolean)) {
      throw PythonError.typeError("slice indices must be integers or None or have an __index__"
          + " method");
    }
    return specialize(v, "index");
  }

  /** An int operand as Python's {@code __index__} gives it: a SymInt specialized. */
  static long specialize(Object v, String why) {
    Object n = PyScalars.normalize(v);
    if (n instanceof Long l) {
      return l;
    }
    if (n instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((SymInt) n).guardInt(Provenance.of(why));
  }

  private static boolean isList(Object v) {
    return v instanceof List<?> && !(v instanceof PyTuple);
  }
}
