package symtrace.tracer.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import symtrace.symbolic.env.GuardProducer;
import symtrace.symbolic.env.GuardSet;
import symtrace.symbolic.env.LocalSource;
import symtrace.symbolic.env.Placeholder;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * The guards of a symbolic trace as {@code produce_guards} gives them for sources {@code
 * L['<parameter>']}, and their check on concrete inputs: which lines an input fails.
 */
public final class TraceGuards {
  private final GuardSet full;
  private final GuardSet simplified;
  /** Bool inputs the trace took as constants: each must be passed again as it was. */
  private final List<Pin> pins;

  private TraceGuards(GuardSet full, GuardSet simplified, List<Pin> pins) {
    this.full = full;
    this.simplified = simplified;
    this.pins = pins;
  }

  /** A bool input specialized to its value: {@code L['flip'] == True}. */
  private record Pin(String name, boolean value) {
    String python() {
      return "L['" + name + "'] == " + (value ? "True" : "False");
    }
  }

  /**
   * The guards of a trace; a fake or real trace has none (fake mode's ShapeEnv sizes nothing, as
   * make_fx gives only a symbolic trace's graph module a {@code shape_env}).
   */
  public static TraceGuards of(Trace trace) {
    if (trace.mode() != TracingMode.SYMBOLIC || trace.shapeEnv() == null) {
      return new TraceGuards(new GuardSet(List.of(), Map.of()),
          new GuardSet(List.of(), Map.of()), List.of());
    }
    List<Placeholder> placeholders = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    List<Pin> pins = new ArrayList<>();
    for (int i = 0; i < trace.tracedInputs().size(); i++) {
      Object v = trace.tracedInputs().get(i);
      if (v instanceof Boolean b) {
        // A bool decides control flow with no symbol to guard: the trace holds for this value.
        pins.add(new Pin(trace.inputNames().get(i), b));
      }
      Placeholder p = placeholder(v);
      if (p != null) {
        placeholders.add(p);
        sources.add(Source.local(trace.inputNames().get(i)));
      }
    }
    GuardProducer producer = new GuardProducer(trace.shapeEnv());
    return new TraceGuards(producer.produce(placeholders, sources, false, false),
        producer.produce(placeholders, sources, true, false), List.copyOf(pins));
  }

  private static Placeholder placeholder(Object v) {
    if (v instanceof TensorValue t) {
      return new Placeholder.Tensor(t.symSizes(), t.symStrides(), t.symStorageOffset());
    }
    if (v instanceof SymInt s) {
      return new Placeholder.Int(s);
    }
    if (v instanceof Long l) {
      return new Placeholder.Int(SymInt.of(l));
    }
    if (v instanceof SymFloat f) {
      return new Placeholder.Float(f);
    }
    if (v instanceof Double d) {
      return new Placeholder.Float(SymFloat.of(d));
    }
    if (v instanceof SymBool || v instanceof Boolean) {
      return null;
    }
    return null;
  }

  /** PyTorch's {@code produce_guards(..., ignore_static=False)} text. */
  public List<String> produced() {
    return full.python();
  }

  /**
   * Every line an input must pass: {@link #produced()}, then one per bool input, which the trace
   * specialized to its value (PyTorch bakes bools in without any guard).
   */
  public List<String> all() {
    List<String> out = new ArrayList<>(full.python());
    pins.forEach(p -> out.add(p.python()));
    return out;
  }

  /** The same with {@code _simplified=True} (PyTorch's {@code show_guards}). */
  public List<String> shown() {
    return simplified.python();
  }

  public GuardSet guardSet() {
    return full;
  }

  /** The bool inputs the trace took as constants, by name, with the value each had. */
  public Map<String, Boolean> pins() {
    Map<String, Boolean> out = new java.util.LinkedHashMap<>();
    pins.forEach(p -> out.put(p.name(), p.value()));
    return out;
  }

  /**
   * The lines concrete inputs (by parameter name) fail, in order. A line that reads a size an
   * input lacks (it has fewer dimensions than the example) fails.
   */
  public List<String> failing(List<String> names, List<Object> values) {
    Object absent = new Object();
    Function<Source, Object> read = source -> {
      try {
        return valueOf(source, names, values);
      } catch (RuntimeException e) {
        return absent; // evaluating a line with it throws, which counts as failing
      }
    };
    List<String> out = new ArrayList<>();
    for (ProducedGuard g : full.failing(read)) {
      out.add(g.python());
    }
    for (Pin p : pins) {
      Object v = values.get(names.indexOf(p.name()));
      if (!(v instanceof Boolean b) || b != p.value()) {
        out.add(p.python());
      }
    }
    return out;
  }

  /**
   * The value a source names in concrete inputs (by parameter name): an input itself, a
   * tensor's size, stride or storage offset; a bool reads as 1 or 0, as Python's does.
   */
  public static Object valueOf(Source source, List<String> names, List<Object> values) {
    if (source instanceof LocalSource local) {
      int i = names.indexOf(local.local());
      if (i < 0) {
        throw new IllegalArgumentException("no input named " + local.local());
      }
      Object v = values.get(i);
      return v instanceof Boolean b ? (b ? 1L : 0L) : v;
    }
    if (source instanceof TensorPropertySource p) {
      Tensor t = (Tensor) valueOf(p.base(), names, values);
      return switch (p.property()) {
        case SIZE -> t.size(p.index());
        case STRIDE -> t.stride(p.index());
        case STORAGE_OFFSET -> t.storageOffset();
      };
    }
    throw new IllegalArgumentException("cannot read " + source.name() + " from inputs");
  }
}
