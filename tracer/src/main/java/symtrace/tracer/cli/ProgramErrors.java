package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import symtrace.symbolic.env.DataDependentError;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.lang.ProgramError;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.explain.DataDependentFixes;

/**
 * How program commands report what went wrong in a program: a {@link ProgramError} as {@code
 * file:line:col: what}, the source line and a caret; a data-dependent guard with the program
 * location that asked for it. Other user errors go to {@link ExitCodes} as one line.
 */
final class ProgramErrors {
  private ProgramErrors() {}

  static int run(CommandSpec spec, ProgramOptions options, Function<ProgramRunner, Integer> body) {
    ProgramRunner runner = null;
    try {
      runner = options.load();
      return body.apply(runner);
    } catch (ProgramError e) {
      return report(spec, e.render(source(options)));
    } catch (DataDependentError e) {
      return report(spec, describe(e) + fixes(runner, options, e));
    }
  }

  /** The verified torch._check fixes of a data-dependent error, when the program is known. */
  private static String fixes(ProgramRunner runner, ProgramOptions options, DataDependentError e) {
    if (runner == null) {
      return "";
    }
    try {
      return DataDependentFixes.suggest(runner, options.traceSpecs(runner), e).text();
    } catch (RuntimeException | LinkageError unavailable) {
      return ""; // like the assignments: a courtesy, the error stands without it
    }
  }

  /**
   * A data-dependent error with its program location first, when known, and two assignments
   * of its symbols, one for each outcome (found by Z3), showing that only the data decides.
   */
  static String describe(DataDependentError e) {
    SourceLocation where = e.provenance() == null ? null : e.provenance().location();
    String message = where == null ? e.getMessage() : where + ": " + e.getMessage();
    return message + outcomes(e);
  }

  private static String outcomes(DataDependentError e) {
    try (symtrace.solver.z3.Z3Prover prover = symtrace.solver.z3.Z3Prover.create()) {
      symtrace.solver.Classification c = prover.classify(java.util.List.of(), e.condition());
      if (c.kind() != symtrace.solver.Classification.Kind.EITHER) {
        return "";
      }
      return "\nit depends on the data: " + assignment(c.whenTrue()) + " makes it true, "
          + assignment(c.whenFalse()) + " makes it false";
    } catch (RuntimeException | LinkageError unavailable) {
      return ""; // the explanation is a courtesy: the error stands without it
    }
  }

  private static String assignment(java.util.Map<symtrace.symbolic.expr.Sym, Long> values) {
    java.util.StringJoiner j = new java.util.StringJoiner(", ");
    values.forEach((s, v) -> j.add(s.name() + " = " + v));
    return j.toString();
  }

  private static int report(CommandSpec spec, String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("symtrace: error: " + message);
    err.flush();
    return ExitCodes.USER_ERROR;
  }

  private static String source(ProgramOptions options) {
    try {
      return Files.readString(options.program, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
