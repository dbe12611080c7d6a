package symtrace.tracer.run.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.Source;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.trace.Trace;

/**
 * One {@code --check} question: a program, the example input it was traced with, the trace and
 * its guards, and the concrete input being checked.
 */
record CheckContext(ProgramRunner runner, ProgramRunner.Inputs example, Trace trace,
    TraceGuards guards, ProgramRunner.Inputs input) {

  static CheckContext of(ProgramRunner runner, ProgramRunner.Inputs example, Trace trace,
      ProgramRunner.Inputs input) {
    return new CheckContext(runner, example, trace, TraceGuards.of(trace), input);
  }

  /** Reads a source ({@code L['x'].size()[0]}) from the checked input. */
  Function<Source, Object> read() {
    return source -> TraceGuards.valueOf(source, input.names(), input.values());
  }

  /**
   * The tensor inputs whose number of dimensions differs from the example's: every line on
   * their sizes fails, and reading those sizes is meaningless.
   */
  Set<String> rankChanged() {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < input.names().size(); i++) {
      if (input.values().get(i) instanceof Tensor a && example.values().get(i) instanceof Tensor b
          && a.dim() != b.dim()) {
        out.add(input.names().get(i));
      }
    }
    return out;
  }

  /** The lines the input fails, in {@code produce_guards} order, then the bool pins. */
  List<FailingLine> failing() {
    List<FailingLine> out = new ArrayList<>();
    Object absent = new Object(); // a size the input lacks: any line that reads it fails
    Function<Source, Object> read = source -> {
      try {
        return read().apply(source);
      } catch (RuntimeException e) {
        return absent;
      }
    };
    for (ProducedGuard g : guards.guardSet().failing(read)) {
      out.add(new FailingLine(g, null, null));
    }
    for (Map.Entry<String, Boolean> pin : guards.pins().entrySet()) {
      Object v = input.values().get(input.names().indexOf(pin.getKey()));
      if (!(v instanceof Boolean b) || b != pin.getValue()) {
        out.add(new FailingLine(null, pin.getKey(), pin.getValue()));
      }
    }
    return out;
  }

  /** A failing line: a {@code produce_guards} line, or a bool input the trace took as constant. */
  record FailingLine(ProducedGuard guard, String pinName, Boolean pinValue) {
    String python() {
      return guard != null ? guard.python()
          : "L['" + pinName + "'] == " + (pinValue ? "True" : "False");
    }
  }
}
