package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import symtrace.symbolic.SymtraceException;

class ExitCodesTest {
  /** A user error of a more specific kind, as the symbolic module defines them. */
  static final class SpannedError extends SymtraceException {
    private static final long serialVersionUID = 1L;

    SpannedError(String message) {
      super(message);
    }
  }

  /** A subcommand that fails with the given throwable, or with a usage error for null. */
  @Command(name = "fail")
  static final class FailCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;
    private final Throwable failure;

    FailCommand(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      if (failure == null) {
        throw new ParameterException(spec.commandLine(), "--input needs a size for 'x'");
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw (Exception) failure;
    }
  }

  private static CommandRun runFailing(Throwable failure, String... args) {
    CommandLine commandLine = new CommandLine(new SymtraceCommand());
    commandLine.addSubcommand(new FailCommand(failure));
    return CommandRun.of(ExitCodes.install(commandLine), args);
  }

  @Test
  void userErrorPrintsItsMessageOnOneLineAndExitsOne() {
    CommandRun run =
        runFailing(new SymtraceException("f.py:3:5: unsupported construct 'while'"), "fail");

    assertEquals(ExitCodes.USER_ERROR, run.status());
    assertEquals("symtrace: error: f.py:3:5: unsupported construct 'while'", run.err().strip());
    assertEquals("", run.out());
  }

  @Test
  void subclassOfUserErrorIsAUserError() {
    CommandRun run = runFailing(new SpannedError("f.py:1:1: bad"), "fail");

    assertEquals(ExitCodes.USER_ERROR, run.status());
    assertEquals("symtrace: error: f.py:1:1: bad", run.err().strip());
  }

  @Test
  void multiLineUserErrorIsJoinedIntoOneLine() {
    CommandRun run =
        runFailing(new SymtraceException("cannot decide s0 > 4\n  add a hint: --assume\n"), "fail");

    assertEquals(ExitCodes.USER_ERROR, run.status());
    assertEquals(1, run.err().lines().count(), run.err());
    assertEquals("symtrace: error: cannot decide s0 > 4 add a hint: --assume", run.err().strip());
  }

  @Test
  void wrappedUserErrorIsStillAUserError() {
    RuntimeException wrapped =
        new IllegalStateException("worker failed", new SymtraceException("x.py:2:1: bad input"));

    CommandRun run = runFailing(wrapped, "fail");

    assertEquals(ExitCodes.USER_ERROR, run.status());
    assertEquals("symtrace: error: x.py:2:1: bad input", run.err().strip());
  }

  @Test
  void userErrorShowsNoStackTraceEvenWithDebug() {
    CommandRun run = runFailing(new SymtraceException("bad"), "--debug", "fail");

    assertEquals(ExitCodes.USER_ERROR, run.status());
    assertFalse(run.errHasStackTrace(), run.err());
  }

  @Test
  void internalErrorIsOneLineWithStatusSeventy() {
    CommandRun run = runFailing(new IllegalStateException("node has no users"), "fail");

    assertEquals(ExitCodes.INTERNAL_ERROR, run.status());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                "symtrace: internal error: java.lang.IllegalStateException: node has no users"),
        run.err());
    assertTrue(run.err().contains("--debug"), run.err());
  }

  @Test
  void debugBeforeTheSubcommandPrintsTheStackTrace() {
    CommandRun run = runFailing(new IllegalStateException("boom"), "--debug", "fail");

    assertEquals(ExitCodes.INTERNAL_ERROR, run.status());
    assertTrue(run.errHasStackTrace(), run.err());
  }

  @Test
  void debugAfterTheSubcommandPrintsTheStackTrace() {
    CommandRun run = runFailing(new IllegalStateException("boom"), "fail", "--debug");

    assertEquals(ExitCodes.INTERNAL_ERROR, run.status());
    assertTrue(run.errHasStackTrace(), run.err());
  }

  @Test
  void errorsSuchAsStackOverflowAreInternalErrors() {
    CommandRun run = runFailing(new StackOverflowError(), "fail");

    assertEquals(ExitCodes.INTERNAL_ERROR, run.status());
    assertEquals("symtrace: internal error: java.lang.StackOverflowError", firstLine(run.err()));
    assertFalse(run.errHasStackTrace(), run.err());
  }

  @Test
  void parameterExceptionFromASubcommandIsAUsageError() {
    CommandRun run = runFailing(null, "fail");

    assertEquals(ExitCodes.USAGE, run.status());
    assertTrue(run.err().startsWith("symtrace: error: --input needs a size for 'x'"), run.err());
    assertTrue(run.err().contains("Try 'symtrace fail --help'"), run.err());
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("").replaceAll(" \\(run again with.*", "");
  }
}
