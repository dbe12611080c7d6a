package symtrace.tracer.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.fx.GraphModule;
import symtrace.tracer.lang.ExecutionHooks;
import symtrace.tracer.lang.Interpreter;
import symtrace.tracer.lang.Parser;
import symtrace.tracer.lang.Program;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.lang.Stmt;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.data.InputData;
import symtrace.tracer.tensor.data.InputSpec;
import symtrace.tracer.tensor.data.OutputValues;
import symtrace.tracer.trace.MakeFx;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TraceContext;
import symtrace.tracer.trace.TracingMode;

/**
 * One program, ready to run: parsed, its entry function found, and the ways to run it that the
 * commands share: eagerly on real inputs, traced by make_fx in a mode, and as a traced graph on
 * new inputs.
 */
public final class ProgramRunner {
  private final Program program;
  private final Stmt.Def entry;
  private final List<Stmt.Param> params;

  private ProgramRunner(Program program, Stmt.Def entry) {
    this.program = program;
    this.entry = entry;
    List<Stmt.Param> ps = new ArrayList<>(entry.params());
    if (!ps.isEmpty() && ps.get(0).name().equals("self")) {
      ps.remove(0);
    }
    this.params = List.copyOf(ps);
  }

  /** Reads and parses a program file; the entry is its last top-level function. */
  public static ProgramRunner load(Path file) {
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SymtraceException("cannot read " + file + ": " + e.getMessage());
    }
    return parse(file.getFileName().toString(), source);
  }

  /** Parses program text named {@code file}. */
  public static ProgramRunner parse(String file, String source) {
    Program program = Parser.parse(file, source);
    Stmt.Def entry = program.lastFunction().orElseThrow(() -> new SymtraceException(
        file + ": the program defines no function to trace; add a def"));
    return new ProgramRunner(program, entry);
  }

  public Program program() {
    return program;
  }

  public String file() {
    return program.file();
  }

  public String entryName() {
    return entry.name();
  }

  /** Where the entry function is defined: its {@code def} line, where the inputs are bound. */
  public SourceLocation entryLocation() {
    return new SourceLocation(program.file(), entry.span().line(), entry.span().column(),
        program.sourceLine(entry.span().line()));
  }

  /** The entry's parameter names, without a leading {@code self}. */
  public List<String> parameters() {
    return params.stream().map(Stmt.Param::name).toList();
  }

  /** The {@code # trace:} header's specs, or null without one. */
  public String traceHeader() {
    return program.header().traceSpec().orElse(null);
  }

  /** Where the {@code # trace:} header's specs start in the file, or null without one. */
  public symtrace.tracer.lang.Span traceHeaderSpan() {
    return program.header().trace().map(symtrace.tracer.lang.ProgramHeader.Line::span)
        .orElse(null);
  }

  public List<String> evalHeaders() {
    return program.header().evalSpecs();
  }

  /** The {@code # expect:} header, or null. */
  public String expectation() {
    return program.header().expectation().orElse(null);
  }

  /**
   * Real input values, one per parameter in order, from {@code name=spec} text; each tensor is
   * filled by the data formula of its parameter position.
   *
   * @throws SymtraceException when a parameter has no spec or a spec names no parameter
   */
  public Inputs inputs(String specs) {
    Map<String, InputSpec> byName = InputSpec.parseAssignments(specs);
    List<String> names = parameters();
    for (String given : byName.keySet()) {
      if (!names.contains(given)) {
        throw new SymtraceException("input '" + given + "' is not a parameter of "
            + entry.name() + "(" + String.join(", ", names) + ")");
      }
    }
    Map<String, InputSpec> ordered = new LinkedHashMap<>();
    List<Object> values = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      InputSpec spec = byName.get(names.get(k));
      if (spec == null) {
        String example = switch (params.get(k).type()) {
          case INT -> "int=2";
          case FLOAT -> "float=0.5";
          case BOOL -> "bool=true";
          case TENSOR -> "f32[...]";
        };
        throw new SymtraceException("no input given for parameter '" + names.get(k) + "' of "
            + entry.name() + "; give it as --input " + names.get(k) + "=" + example
            + " (every parameter needs an input, also one with a default)");
      }
      ordered.put(names.get(k), spec);
      values.add(InputData.value(spec, k));
    }
    return new Inputs(InputSpec.toHeader(ordered), names, values);
  }

  /** Inputs of a run: their canonical spec text, parameter names and real values. */
  public record Inputs(String spec, List<String> names, List<Object> values) {}

  /** Runs the entry function eagerly on real inputs. */
  public Object eager(Inputs inputs) {
    return eager(inputs, Observer.NONE);
  }

  /** Runs the entry function eagerly, telling {@code observer} every expression's value. */
  public Object eager(Inputs inputs, Observer observer) {
    Dispatcher d = Dispatcher.standard();
    ExecutionHooks hooks = new ExecutionHooks() {
      @Override
      public AutoCloseable at(SourceLocation location) {
        return () -> { };
      }

      @Override
      public ShapeEnv shapeEnv() {
        return null;
      }

      @Override
      public void evaluated(symtrace.tracer.lang.Expr expression, Object value) {
        observer.evaluated(expression, value);
      }
    };
    return new Interpreter(program, d, hooks).call(entry, new ArrayList<>(inputs.values()));
  }

  /**
   * Told what a run computes: the shape environment of a trace when it starts, and the value of
   * every program expression evaluated (explanations name symbols by the code that made them).
   */
  public interface Observer {
    Observer NONE = (expression, value) -> { };

    void evaluated(symtrace.tracer.lang.Expr expression, Object value);

    default void started(ShapeEnv env) {}
  }

  /** Traces the entry function with make_fx at the inputs. */
  public Trace trace(Inputs inputs, TracingMode mode) {
    return trace(inputs, MakeFx.of(mode));
  }

  /** Traces the entry function with a configured make_fx (a decomposition table, ...). */
  public Trace trace(Inputs inputs, MakeFx makeFx) {
    return trace(inputs, makeFx, Observer.NONE);
  }

  /** Traces symbolically, telling {@code observer} the environment and each value computed. */
  public Trace trace(Inputs inputs, TracingMode mode, Observer observer) {
    return trace(inputs, MakeFx.of(mode), observer);
  }

  private Trace trace(Inputs inputs, MakeFx makeFx, Observer observer) {
    List<MakeFx.Input> in = new ArrayList<>();
    for (int i = 0; i < inputs.names().size(); i++) {
      in.add(new MakeFx.Input(inputs.names().get(i), inputs.values().get(i)));
    }
    return makeFx.named(entry.name()).trace((ctx, values) -> {
      observer.started(ctx.shapeEnv());
      return new Interpreter(program, ctx.ops(), hooks(ctx, observer)).call(entry, values);
    }, in);
  }

  private static ExecutionHooks hooks(TraceContext ctx, Observer observer) {
    if (observer == Observer.NONE) {
      return hooks(ctx);
    }
    ExecutionHooks plain = hooks(ctx);
    return new ExecutionHooks() {
      @Override
      public AutoCloseable at(SourceLocation location) {
        return plain.at(location);
      }

      @Override
      public ShapeEnv shapeEnv() {
        return plain.shapeEnv();
      }

      @Override
      public void evaluated(symtrace.tracer.lang.Expr expression, Object value) {
        observer.evaluated(expression, value);
      }
    };
  }

  /**
   * Traces the entry function telling {@code observer} when it starts and each time a
   * statement starts and ends, so that it can follow what the trace records as it happens.
   */
  public Trace trace(Inputs inputs, MakeFx makeFx, TraceObserver observer) {
    List<MakeFx.Input> in = new ArrayList<>();
    for (int i = 0; i < inputs.names().size(); i++) {
      in.add(new MakeFx.Input(inputs.names().get(i), inputs.values().get(i)));
    }
    return makeFx.named(entry.name()).trace((ctx, values) -> {
      observer.started(ctx.shapeEnv(), values);
      ExecutionHooks traced = hooks(ctx);
      ExecutionHooks observed = new ExecutionHooks() {
        @Override
        public AutoCloseable at(SourceLocation location) {
          observer.entered(location);
          AutoCloseable scope = traced.at(location);
          return () -> {
            observer.exited(location);
            scope.close();
          };
        }

        @Override
        public ShapeEnv shapeEnv() {
          return ctx.shapeEnv();
        }
      };
      return new Interpreter(program, ctx.ops(), observed).call(entry, values);
    }, in);
  }

  private static ExecutionHooks hooks(TraceContext ctx) {
    return new ExecutionHooks() {
      @Override
      public AutoCloseable at(SourceLocation location) {
        return ctx.at(location);
      }

      @Override
      public ShapeEnv shapeEnv() {
        return ctx.shapeEnv();
      }
    };
  }

  /** Runs a traced graph on real inputs. */
  public static Object runGraph(GraphModule module, Inputs inputs) {
    return new symtrace.tracer.fx.Interpreter(module, Dispatcher.standard())
        .run(inputs.values());
  }

  /** A result in the conformance output format. */
  public static com.fasterxml.jackson.databind.node.ObjectNode output(Object result) {
    return OutputValues.of(forOutput(result));
  }

  private static Object forOutput(Object v) {
    if (v instanceof PyTuple t) {
      List<Object> items = new ArrayList<>();
      for (Object item : t) {
        items.add(forOutput(item));
      }
      return new OutputValues.Tuple(items);
    }
    if (v instanceof List<?> l) {
      List<Object> items = new ArrayList<>();
      for (Object item : l) {
        items.add(forOutput(item));
      }
      return items;
    }
    if (v instanceof Tensor || v == null) {
      return v;
    }
    return symtrace.tracer.ops.PyScalars.normalize(v);
  }
}
