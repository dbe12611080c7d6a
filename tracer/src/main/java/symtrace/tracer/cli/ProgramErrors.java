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

/**
 * How program commands report what went wrong in a program: a {@link ProgramError} as {@code
 * file:line:col: what}, the source line and a caret; a data-dependent guard with the program
 * location that asked for it. Other user errors go to {@link ExitCodes} as one line.
 */
final class ProgramErrors {
  private ProgramErrors() {}

  static int run(CommandSpec spec, ProgramOptions options, Function<ProgramRunner, Integer> body) {
    try {
      return body.apply(options.load());
    } catch (ProgramError e) {
      return report(spec, e.render(source(options)));
    } catch (DataDependentError e) {
      return report(spec, describe(e));
    }
  }

  /** A data-dependent error with its program location first, when known. */
  static String describe(DataDependentError e) {
    SourceLocation where = e.provenance() == null ? null : e.provenance().location();
    if (where == null) {
      return e.getMessage();
    }
    return where + ": " + e.getMessage();
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
