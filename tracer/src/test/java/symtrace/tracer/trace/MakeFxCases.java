package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import symtrace.symbolic.env.GuardSet;
import symtrace.symbolic.env.LocalSource;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.symbolic.expr.Sym;
import symtrace.tracer.fx.Node;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.data.InputData;
import symtrace.tracer.tensor.data.InputSpec;

/**
 * What the ports of PyTorch's make_fx tests share: a test function as program text, traced at
 * inputs given as specs, and the helpers of {@code test_proxy_tensor.py} ({@code
 * _test_dynamic}, {@code show_guards}, {@code eval_guards}, {@code bind_symbols}).
 */
final class MakeFxCases {
  private MakeFxCases() {}

  static ProgramRunner program(String source) {
    return ProgramRunner.parse("test_case.py", source);
  }

  /** {@code make_fx(f, tracing_mode=mode)(*inputs)}. */
  static Trace trace(String source, String inputs, TracingMode mode) {
    ProgramRunner r = program(source);
    return r.trace(r.inputs(inputs), mode);
  }

  static Trace symbolic(String source, String inputs) {
    return trace(source, inputs, TracingMode.SYMBOLIC);
  }

  /** {@code gm.code.strip()}, what the tests' {@code assertExpectedInline} compares. */
  static String code(Trace t) {
    return t.module().code().strip();
  }

  /**
   * Inputs of the given specs whose data differ from the trace's (the data formula of a later
   * parameter position), standing for the tests' fresh {@code randn} inputs.
   */
  static ProgramRunner.Inputs fresh(ProgramRunner r, String specs, int shift) {
    Map<String, InputSpec> byName = InputSpec.parseAssignments(specs);
    List<Object> values = new ArrayList<>();
    for (int k = 0; k < r.parameters().size(); k++) {
      values.add(InputData.value(byName.get(r.parameters().get(k)), k + shift));
    }
    return new ProgramRunner.Inputs(specs, r.parameters(), values);
  }

  /** The traced graph run on inputs gives what the function gives eagerly. */
  static void assertGraphMatchesEager(ProgramRunner r, Trace t, ProgramRunner.Inputs in) {
    assertEquals(ProgramRunner.output(r.eager(in)),
        ProgramRunner.output(ProgramRunner.runGraph(t.module(), in)), in.spec());
  }

  /**
   * {@code _test_dynamic(fn, trace_shapes, test_shapes)}: a symbolic trace at the first specs,
   * whose graph must give eager's results at each of the others.
   */
  static Trace testDynamic(String source, String traceSpecs, String... testSpecs) {
    ProgramRunner r = program(source);
    Trace t = r.trace(r.inputs(traceSpecs), TracingMode.SYMBOLIC);
    for (String spec : testSpecs) {
      assertGraphMatchesEager(r, t, fresh(r, spec, 1));
    }
    return t;
  }

  /** {@code show_guards(gm)}: produce_guards with {@code _simplified=True}, one per line. */
  static String showGuards(Trace t) {
    return String.join("\n", TraceGuards.of(t).shown());
  }

  /** {@code eval_guards(gm, *inputs)}. */
  static boolean evalGuards(Trace t, String source, String specs) {
    ProgramRunner.Inputs in = fresh(program(source), specs, 0);
    return TraceGuards.of(t).failing(in.names(), in.values()).isEmpty();
  }

  /** {@code repr(bind_symbols(gm, *inputs))}: each input symbol with its value. */
  static String bindSymbols(Trace t, String source, String specs) {
    ProgramRunner.Inputs in = fresh(program(source), specs, 0);
    GuardSet guards = TraceGuards.of(t).guardSet();
    Map<Sym, Object> bound = guards.bind(read(in));
    // Python's dict keeps binding order: inputs in order, each one's sizes by dimension.
    List<Sym> order = new ArrayList<>(bound.keySet());
    order.sort(Comparator.comparing((Sym s) -> position(guards.binders().get(s), in)));
    StringJoiner out = new StringJoiner(", ", "{", "}");
    order.forEach(s -> out.add(s + ": " + bound.get(s)));
    return out.toString();
  }

  private static long position(Source source, ProgramRunner.Inputs in) {
    if (source instanceof LocalSource local) {
      return 1000L * in.names().indexOf(local.local());
    }
    TensorPropertySource p = (TensorPropertySource) source;
    return position(p.base(), in) + 100L * p.property().ordinal() + p.index();
  }

  private static Function<Source, Object> read(ProgramRunner.Inputs in) {
    return new Function<>() {
      @Override
      public Object apply(Source source) {
        if (source instanceof LocalSource local) {
          return in.values().get(in.names().indexOf(local.local()));
        }
        TensorPropertySource p = (TensorPropertySource) source;
        Tensor t = (Tensor) apply(p.base());
        return switch (p.property()) {
          case SIZE -> t.size(p.index());
          case STRIDE -> t.stride(p.index());
          case STORAGE_OFFSET -> t.storageOffset();
        };
      }
    };
  }

  /** The graph's nodes calling an operator, by its qualified name. */
  static List<Node> calls(Trace t, String qualifiedName) {
    List<Node> out = new ArrayList<>();
    for (Node n : t.module().graph()) {
      if (n.isCall() && n.op().qualifiedName().equals(qualifiedName)) {
        out.add(n);
      }
    }
    return out;
  }
}
