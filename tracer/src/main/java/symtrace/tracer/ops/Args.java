package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * The bound arguments of one operator call: one value per schema argument, in schema order,
 * defaults filled in. Values follow one convention everywhere (rules, kernels, graphs):
 *
 * <ul>
 *   <li>a tensor is a {@link TensorValue} ({@link Tensor} or {@link FakeTensor});
 *   <li>an {@code int}/{@code SymInt} is a {@code Long} or a {@link SymInt}; a {@code float} a
 *       {@code Double} or {@link SymFloat}; a {@code bool} a {@code Boolean} or {@link SymBool};
 *       a {@code Scalar} any of these;
 *   <li>a list ({@code int[]}, {@code Tensor[]}) is a {@link List}; None is {@code null};
 *   <li>a {@code ScalarType} is a {@link DType}.
 * </ul>
 */
public final class Args {
  private final OpOverload op;
  private final Object[] values;

  public Args(OpOverload op, Object[] values) {
    this.op = op;
    this.values = values;
  }

  public OpOverload op() {
    return op;
  }

  public int size() {
    return values.length;
  }

  /** The raw value at position i. */
  public Object get(int i) {
    return values[i];
  }

  /** The raw value of the named argument. */
  public Object get(String name) {
    int i = op.schema().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(op + " has no argument " + name);
    }
    return values[i];
  }

  /** A copy of the values. */
  public Object[] values() {
    return values.clone();
  }

  /** The same call with value i replaced. */
  public Args with(int i, Object value) {
    Object[] copy = values.clone();
    copy[i] = value;
    return new Args(op, copy);
  }

  public boolean isNone(int i) {
    return values[i] == null;
  }

  public TensorValue tensor(int i) {
    return (TensorValue) values[i];
  }

  public Tensor realTensor(int i) {
    return (Tensor) values[i];
  }

  /** A tensor or null. */
  public TensorValue optTensor(int i) {
    return (TensorValue) values[i];
  }

  @SuppressWarnings("unchecked")
  public List<TensorValue> tensorList(int i) {
    return (List<TensorValue>) values[i];
  }

  /** An int argument as a SymInt (a constant for a Long). */
  public SymInt symInt(int i) {
    return toSymInt(values[i]);
  }

  /** An int argument that must be concrete (a dim, a flag), guarding a SymInt to its hint. */
  public long longValue(int i) {
    return toLong(values[i]);
  }

  /** An optional int: null for None. */
  public Long optLong(int i) {
    return values[i] == null ? null : toLong(values[i]);
  }

  /** An int list as SymInts (an int for {@code int[N]} is repeated N times). */
  public List<SymInt> symIntList(int i) {
    Object v = values[i];
    List<SymInt> out = new ArrayList<>();
    if (v instanceof List<?> items) {
      for (Object item : items) {
        out.add(toSymInt(item));
      }
    } else {
      int n = Math.max(1, op.schema().arguments().get(i).type().listLength());
      for (int k = 0; k < n; k++) {
        out.add(toSymInt(v));
      }
    }
    return out;
  }

  /** An int list of concrete values (dims). */
  public long[] longList(int i) {
    List<SymInt> l = symIntList(i);
    long[] out = new long[l.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = l.get(k).isConstant() ? l.get(k).constantValue() : toLong(l.get(k));
    }
    return out;
  }

  /** An optional int list: null for None. */
  public long[] optLongList(int i) {
    return values[i] == null ? null : longList(i);
  }

  public boolean bool(int i) {
    Object v = values[i];
    if (v instanceof SymBool b) {
      return b.guardBool(symtrace.symbolic.env.Provenance.of(op.toString()));
    }
    return (Boolean) v;
  }

  public double doubleValue(int i) {
    Object v = values[i];
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof SymFloat f) {
      return f.guardFloat(symtrace.symbolic.env.Provenance.of(op.toString()));
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return toLong(v);
  }

  public Double optDouble(int i) {
    return values[i] == null ? null : doubleValue(i);
  }

  public String string(int i) {
    return (String) values[i];
  }

  /** A dtype or null. */
  public DType dtype(int i) {
    return (DType) values[i];
  }

  /** A Scalar argument as given. */
  public Object scalar(int i) {
    return values[i];
  }

  private SymInt toSymInt(Object v) {
    if (v instanceof SymInt s) {
      return s;
    }
    if (v instanceof Long l) {
      return SymInt.of(l);
    }
    if (v instanceof Integer n) {
      return SymInt.of(n);
    }
    if (v instanceof Boolean b) {
      return SymInt.of(b ? 1 : 0);
    }
    throw new SchemaError(op + ": expected an int, got " + describe(v));
  }

  private long toLong(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer n) {
      return n;
    }
    if (v instanceof SymInt s) {
      return s.isConstant() ? s.constantValue()
          : s.guardInt(symtrace.symbolic.env.Provenance.of(op.toString()));
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw new SchemaError(op + ": expected an int, got " + describe(v));
  }

  static String describe(Object v) {
    return v == null ? "None" : v.getClass().getSimpleName() + " " + v;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(op.toString()).append('(');
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return b.append(')').toString();
  }
}
