package symtrace.tracer.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import symtrace.tracer.trace.TracingMode;

/** Checks of enumerated option values, reported as usage errors. */
final class Choices {
  private Choices() {}

  static TracingMode mode(CommandSpec spec, String value) {
    check(spec, "--mode", value, "symbolic", "fake", "real");
    return TracingMode.parse(value);
  }

  static void check(CommandSpec spec, String option, String value, String... allowed) {
    if (!List.of(allowed).contains(value)) {
      throw new ParameterException(spec.commandLine(), option + " must be one of "
          + String.join(", ", allowed) + ", not '" + value + "'");
    }
  }
}
