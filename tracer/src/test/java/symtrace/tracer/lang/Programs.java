package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.dispatch.DispatchMode;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.ops.Args;
import symtrace.tracer.trace.MakeFx;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * How interpreter tests run small programs: parsed from lines as {@code t.py}, the last
 * function called eagerly on real values ({@link #run}), with the dispatched calls recorded
 * ({@link Recorder}), or traced symbolically by make_fx ({@link #trace}).
 */
public final class Programs {
  private Programs() {}

  /** The program of these source lines, file {@code t.py}. */
  public static Program parse(String... lines) {
    return Parser.parse("t.py", String.join("\n", lines) + "\n");
  }

  /** Runs the last function of the program eagerly on {@code args}. */
  public static Object run(Program program, Object... args) {
    return run(Dispatcher.standard(), program, args);
  }

  /** Runs the last function of the program on {@code args} through {@code dispatcher}. */
  public static Object run(Dispatcher dispatcher, Program program, Object... args) {
    Interpreter interpreter = new Interpreter(program, dispatcher, ExecutionHooks.NONE);
    return interpreter.call(program.lastFunction().orElseThrow(), List.of(args));
  }

  /** Traces the last function symbolically at real example inputs named by its parameters. */
  public static Trace trace(Program program, Object... args) {
    Stmt.Def entry = program.lastFunction().orElseThrow();
    List<MakeFx.Input> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      inputs.add(new MakeFx.Input(entry.params().get(i).name(), args[i]));
    }
    return MakeFx.trace((context, values) -> {
      ExecutionHooks hooks = new ExecutionHooks() {
        @Override
        public AutoCloseable at(SourceLocation location) {
          return context.at(location);
        }

        @Override
        public ShapeEnv shapeEnv() {
          return context.shapeEnv();
        }
      };
      return new Interpreter(program, context.ops(), hooks).call(entry, values);
    }, TracingMode.SYMBOLIC, inputs);
  }

  /** A dispatch mode that records each call reaching it, then runs it. */
  public static final class Recorder implements DispatchMode {
    private final List<Args> calls = new ArrayList<>();

    @Override
    public Object dispatch(Args call, Next next) {
      calls.add(call);
      return next.call(call);
    }

    /** The calls, as {@code aten.add.Tensor} names. */
    public List<String> names() {
      return calls.stream().map(a -> a.op().qualifiedName()).toList();
    }

    public List<Args> calls() {
      return calls;
    }

    /** The one call of {@code op}. */
    public Args only(String op) {
      List<Args> found = calls.stream().filter(a -> a.op().qualifiedName().equals(op)).toList();
      if (found.size() != 1) {
        throw new AssertionError(found.size() + " calls of " + op + " in " + names());
      }
      return found.get(0);
    }
  }

  /** A dispatcher over the standard operators that records every call into {@code recorder}. */
  public static Dispatcher recording(Recorder recorder) {
    Dispatcher d = Dispatcher.standard();
    d.push(recorder);
    return d;
  }
}
