package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.UnmatchedArgumentException;
import symtrace.symbolic.SymtraceException;

/**
 * Maps every way a {@code symtrace} command can fail to an exit status and one message on
 * standard error.
 *
 * <table>
 *   <caption>Exit statuses</caption>
 *   <tr><th>status</th><th>cause</th><th>standard error</th></tr>
 *   <tr><td>{@value #OK}</td><td>done</td><td>nothing</td></tr>
 *   <tr><td>{@value #USER_ERROR}</td><td>a {@link SymtraceException}: the program, an
 *       expression or an input was wrong</td><td>{@code symtrace: error: } and its message</td></tr>
 *   <tr><td>{@value #USAGE}</td><td>a {@link ParameterException}: wrong usage</td>
 *       <td>{@code symtrace: error: }, picocli's message and where to find help</td></tr>
 *   <tr><td>{@value #CHECK_FAILED}</td><td>{@code check} found failures</td><td>(its report)</td></tr>
 *   <tr><td>{@value #INTERNAL_ERROR}</td><td>anything else: a bug in symtrace</td>
 *       <td>{@code symtrace: internal error: } and the exception; its stack trace only with
 *       {@code --debug}</td></tr>
 * </table>
 *
 * <p>A user error is never shown with a stack trace: its message already says where and what.
 * An internal error is {@code EX_SOFTWARE} of {@code sysexits.h}, so scripts can tell a crash
 * from a rejected input.
 *
 * <p>The class is stateless; {@link #install(CommandLine)} wires one instance into a command
 * line as its exit-code mapper, its parameter and execution exception handlers, and an execution
 * strategy that also reports {@link Error}s (a stack overflow on a deep expression, say), which
 * picocli would otherwise let escape with a stack trace.
 */
public final class ExitCodes
    implements IExitCodeExceptionMapper, IExecutionExceptionHandler, IParameterExceptionHandler {
  /** The command did its work. */
  public static final int OK = 0;

  /** The program, an expression or an input was wrong, or a trace failed. */
  public static final int USER_ERROR = 1;

  /** The command line itself was wrong: unknown option, missing parameter, no subcommand. */
  public static final int USAGE = 2;

  /** {@code symtrace check} ran and found failing programs. */
  public static final int CHECK_FAILED = 3;

  /** symtrace failed in a way no input should cause ({@code EX_SOFTWARE}). */
  public static final int INTERNAL_ERROR = 70;

  private static final String ERROR_PREFIX = "symtrace: error: ";
  private static final String DEBUG_OPTION = "--debug";
  private static final int MAX_CAUSE_DEPTH = 64;

  private ExitCodes() {}

  /**
   * Installs symtrace's error reporting on {@code commandLine} and its subcommands.
   *
   * @return {@code commandLine}, for chaining
   */
  public static CommandLine install(CommandLine commandLine) {
    ExitCodes exitCodes = new ExitCodes();
    return commandLine
        .setExitCodeExceptionMapper(exitCodes)
        .setParameterExceptionHandler(exitCodes)
        .setExecutionExceptionHandler(exitCodes)
        .setExecutionStrategy(ExitCodes::executeReportingErrors);
  }

  @Override
  public int getExitCode(Throwable failure) {
    if (failure instanceof ParameterException) {
      return USAGE;
    }
    return userError(failure) != null ? USER_ERROR : INTERNAL_ERROR;
  }

  /** Prints picocli's one-line complaint and a pointer to the command's help, not the usage. */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(ERROR_PREFIX + oneLine(ex.getMessage()));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println(
        "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return getExitCode(ex);
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult fullParseResult) {
    // executeReportingErrors wraps an Error in an ExecutionException; report the Error itself.
    Throwable failure = ex instanceof ExecutionException && ex.getCause() != null
        ? ex.getCause()
        : ex;
    PrintWriter err = commandLine.getErr();
    SymtraceException userError = userError(failure);
    if (userError != null) {
      err.println(ERROR_PREFIX + describeUserError(userError));
    } else if (debugRequested(fullParseResult)) {
      err.println("symtrace: internal error: " + describeInternalError(failure));
      failure.printStackTrace(err);
    } else {
      err.println(
          "symtrace: internal error: "
              + describeInternalError(failure)
              + " (run again with "
              + DEBUG_OPTION
              + " for the stack trace)");
    }
    err.flush();
    return getExitCode(failure);
  }

  /** Runs the last subcommand as picocli does, turning an escaping {@link Error} into a report. */
  private static int executeReportingErrors(ParseResult parseResult) {
    try {
      return new RunLast().execute(parseResult);
    } catch (Error e) {
      List<CommandLine> commands = parseResult.asCommandLineList();
      throw new ExecutionException(commands.get(commands.size() - 1), String.valueOf(e), e);
    }
  }

  /**
   * Returns the user error that caused {@code failure}, or null for an internal error.
   *
   * <p>The cause chain is searched because a user error may arrive wrapped, for example by an
   * executor running independent traces in parallel.
   */
  private static SymtraceException userError(Throwable failure) {
    // The bound stops on a cyclic cause chain, which a buggy library can build.
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
      if (t instanceof SymtraceException userError) {
        return userError;
      }
    }
    return null;
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(DEBUG_OPTION)) {
        return true;
      }
    }
    return false;
  }

  private static String describeUserError(SymtraceException error) {
    String message = error.getMessage();
    return message == null || message.isBlank()
        ? error.getClass().getSimpleName()
        : oneLine(message);
  }

  private static String describeInternalError(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank()
        ? failure.getClass().getName()
        : failure.getClass().getName() + ": " + oneLine(message);
  }

  /** Joins a multi-line message into one line, so each failure is one line on standard error. */
  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
