package symtrace.tracer.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.GuardSet;
import symtrace.symbolic.env.LocalSource;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;
import symtrace.tracer.tensor.Tensor;

/**
 * A trace's guards compiled into a Java predicate over the inputs' sizes, strides and offsets:
 * each line of {@code produce_guards} becomes a tree of closures over a {@code long[]} of the
 * values the guards read, so checking an input costs a few array reads and integer operations
 * per guard instead of interpreting expressions. Integer arithmetic is exact: an overflow, or a
 * construct the compiler does not handle (rationals, floats), falls back to the interpreted
 * guard for that line, so the verdicts are always the Python-form guards'.
 */
public final class CompiledGuards {
  /** A compiled integer expression over the slot values. */
  @FunctionalInterface
  private interface IntFn {
    long apply(long[] v);
  }

  /** A compiled condition over the slot values. */
  @FunctionalInterface
  private interface BoolFn {
    boolean test(long[] v);
  }

  /** Thrown by a compiled line that cannot decide exactly; the interpreted line decides. */
  private static final class Undecided extends RuntimeException {
    Undecided() {
      super(null, null, false, false);
    }
  }

  private static final Undecided UNDECIDED = new Undecided();

  private final List<Source> slots = new ArrayList<>();
  private final Map<Source, Integer> slotOf = new HashMap<>();
  private final Map<Sym, Integer> symbolSlot = new HashMap<>();
  private final GuardSet set;
  private final List<ProducedGuard> lines;
  private final BoolFn[] compiled;

  private CompiledGuards(GuardSet set) {
    this.set = set;
    for (Map.Entry<Sym, Source> e : set.binders().entrySet()) {
      symbolSlot.put(e.getKey(), slot(e.getValue()));
    }
    this.lines = set.guards();
    this.compiled = new BoolFn[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      compiled[i] = compileLine(lines.get(i));
    }
  }

  /** The compiled form of a trace's {@code produce_guards} lines. */
  public static CompiledGuards of(TraceGuards guards) {
    return new CompiledGuards(guards.guardSet());
  }

  /** The number of lines that compiled (the others are interpreted). */
  public int compiledCount() {
    int n = 0;
    for (BoolFn f : compiled) {
      n += f == null ? 0 : 1;
    }
    return n;
  }

  public int size() {
    return lines.size();
  }

  /** The values the guards read, from concrete inputs by parameter name. */
  public long[] read(List<String> names, List<Object> values) {
    long[] v = new long[slots.size()];
    for (int i = 0; i < v.length; i++) {
      Object x = valueOf(slots.get(i), names, values);
      // a float input's slot is never read by a compiled line (those stay interpreted)
      v[i] = x instanceof Number n ? n.longValue() : 0;
    }
    return v;
  }

  /** Whether every line holds for the slot values (from {@link #read}). */
  public boolean accepts(long[] v, List<String> names, List<Object> values) {
    for (int i = 0; i < compiled.length; i++) {
      if (!holds(i, v, names, values)) {
        return false;
      }
    }
    return true;
  }

  /** The Python text of the lines an input fails, in order. */
  public List<String> failing(List<String> names, List<Object> values) {
    long[] v = read(names, values);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < compiled.length; i++) {
      if (!holds(i, v, names, values)) {
        out.add(lines.get(i).python());
      }
    }
    return out;
  }

  private boolean holds(int i, long[] v, List<String> names, List<Object> values) {
    BoolFn f = compiled[i];
    if (f != null) {
      try {
        return f.test(v);
      } catch (Undecided | ArithmeticException e) {
        // fall through to the interpreted line
      }
    }
    ProducedGuard g = lines.get(i);
    try {
      java.util.function.Function<Source, Object> read = source -> valueOf(source, names, values);
      return g.holds(set.bind(read), read);
    } catch (RuntimeException e) {
      return false; // an error while checking counts as failing, as produce_guards' check does
    }
  }

  // ---------------------------------------------------------------------------------------
  // Compilation

  private BoolFn compileLine(ProducedGuard g) {
    try {
      return switch (g.kind()) {
        case INPUT -> {
          int s = slot(g.source());
          IntFn e = compileInt(g.expr());
          yield v -> v[s] == e.apply(v);
        }
        case GUARD -> compileBool(g.expr());
        case RANGE -> {
          int s = slot(g.source());
          Long lo = bound(g.lower(), false);
          Long hi = bound(g.upper(), true);
          yield v -> (lo == null || lo <= v[s]) && (hi == null || v[s] <= hi);
        }
        default -> null;
      };
    } catch (Unsupported e) {
      return null;
    }
  }

  /** A range bound as a long, null when unbounded ({@code int_oo}); unsupported otherwise. */
  private static Long bound(Expr b, boolean upper) {
    if (b == null || b instanceof symtrace.symbolic.expr.Infinity) {
      return null;
    }
    if (b instanceof IntLit i && i.fitsLong()) {
      return i.longValue();
    }
    throw new Unsupported();
  }

  /** The compiler met a construct it does not translate: the line stays interpreted. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private BoolFn compileBool(Expr e) {
    if (e instanceof BoolLit b) {
      boolean value = b.value();
      return v -> value;
    }
    if (!(e instanceof Apply a)) {
      throw new Unsupported();
    }
    switch (a.fn()) {
      case AND, OR -> {
        List<BoolFn> parts = new ArrayList<>();
        for (Expr x : a.args()) {
          parts.add(compileBool(x));
        }
        BoolFn[] fs = parts.toArray(new BoolFn[0]);
        boolean and = a.fn() == symtrace.symbolic.expr.Fn.AND;
        return v -> {
          for (BoolFn f : fs) {
            if (f.test(v) != and) {
              return !and;
            }
          }
          return and;
        };
      }
      case NOT -> {
        BoolFn f = compileBool(a.arg(0));
        return v -> !f.test(v);
      }
      case EQ, NE, LT, LE, GT, GE -> {
        IntFn l = compileInt(a.arg(0));
        IntFn r = compileInt(a.arg(1));
        return switch (a.fn()) {
          case EQ -> v -> l.apply(v) == r.apply(v);
          case NE -> v -> l.apply(v) != r.apply(v);
          case LT -> v -> l.apply(v) < r.apply(v);
          case LE -> v -> l.apply(v) <= r.apply(v);
          case GT -> v -> l.apply(v) > r.apply(v);
          default -> v -> l.apply(v) >= r.apply(v);
        };
      }
      default -> throw new Unsupported();
    }
  }

  private IntFn compileInt(Expr e) {
    if (e instanceof IntLit i) {
      if (!i.fitsLong()) {
        throw new Unsupported();
      }
      long c = i.longValue();
      return v -> c;
    }
    if (e instanceof Sym s) {
      Integer slot = symbolSlot.get(s);
      if (slot == null || !s.isIntegerSymbol()) {
        throw new Unsupported();
      }
      int k = slot;
      return v -> v[k];
    }
    if (e instanceof Add add) {
      IntFn[] terms = compileAll(add.args());
      return v -> {
        long sum = 0;
        for (IntFn t : terms) {
          sum = Math.addExact(sum, t.apply(v));
        }
        return sum;
      };
    }
    if (e instanceof Mul mul) {
      IntFn[] factors = compileAll(mul.args());
      return v -> {
        long p = 1;
        for (IntFn f : factors) {
          p = Math.multiplyExact(p, f.apply(v));
        }
        return p;
      };
    }
    if (e instanceof Pow pow && pow.exponent() instanceof IntLit n && n.fitsLong()
        && n.longValue() >= 0 && n.longValue() <= 64) {
      IntFn base = compileInt(pow.base());
      long times = n.longValue();
      return v -> {
        long b = base.apply(v);
        long p = 1;
        for (long k = 0; k < times; k++) {
          p = Math.multiplyExact(p, b);
        }
        return p;
      };
    }
    if (e instanceof Apply a) {
      switch (a.fn()) {
        case FLOOR_DIV, CLEAN_DIV -> {
          return division(a, Math::floorDiv);
        }
        case MOD, PYTHON_MOD -> {
          return division(a, Math::floorMod);
        }
        case MAX, MIN -> {
          IntFn[] xs = compileAll(a.args());
          boolean max = a.fn() == symtrace.symbolic.expr.Fn.MAX;
          return v -> {
            long best = xs[0].apply(v);
            for (int k = 1; k < xs.length; k++) {
              long x = xs[k].apply(v);
              best = max ? Math.max(best, x) : Math.min(best, x);
            }
            return best;
          };
        }
        case ABS -> {
          IntFn x = compileInt(a.arg(0));
          return v -> Math.absExact(x.apply(v));
        }
        default -> throw new Unsupported();
      }
    }
    throw new Unsupported();
  }

  /** Python's {@code //} or {@code %}: a zero divisor raises, so the interpreted line decides. */
  private IntFn division(Apply a, java.util.function.LongBinaryOperator op) {
    IntFn x = compileInt(a.arg(0));
    IntFn y = compileInt(a.arg(1));
    return v -> {
      long d = y.apply(v);
      if (d == 0) {
        throw UNDECIDED;
      }
      return op.applyAsLong(x.apply(v), d);
    };
  }

  private IntFn[] compileAll(List<Expr> args) {
    IntFn[] out = new IntFn[args.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compileInt(args.get(i));
    }
    return out;
  }

  private int slot(Source source) {
    return slotOf.computeIfAbsent(source, s -> {
      slots.add(s);
      return slots.size() - 1;
    });
  }

  private static Object valueOf(Source source, List<String> names, List<Object> values) {
    if (source instanceof LocalSource local) {
      Object v = values.get(names.indexOf(local.local()));
      return v instanceof Boolean b ? (b ? 1L : 0L) : v;
    }
    TensorPropertySource p = (TensorPropertySource) source;
    Tensor t = (Tensor) valueOf(p.base(), names, values);
    return switch (p.property()) {
      case SIZE -> t.size(p.index());
      case STRIDE -> t.stride(p.index());
      case STORAGE_OFFSET -> t.storageOffset();
    };
  }
}
