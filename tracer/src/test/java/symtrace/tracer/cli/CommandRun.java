package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The outcome of running a command line in-process: its exit status and what it wrote.
 *
 * @param status the value {@link CommandLine#execute} returned
 * @param out everything written to the command's standard output
 * @param err everything written to the command's standard error
 */
record CommandRun(int status, String out, String err) {
  /** Runs {@code commandLine} with {@code args}, capturing its output and error streams. */
  static CommandRun of(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int status = commandLine.execute(args);
    return new CommandRun(status, out.toString(), err.toString());
  }

  /** Runs the real root command, as {@code main} does, without exiting the JVM. */
  static CommandRun symtrace(String... args) {
    return of(SymtraceCommand.newCommandLine(), args);
  }

  /** Returns whether standard error shows a Java stack trace. */
  boolean errHasStackTrace() {
    return err.lines().anyMatch(line -> line.startsWith("\tat ")
        || line.matches("Caused by: [a-z]+(\\.[a-zA-Z_$0-9]+)+(Exception|Error)\\b.*"));
  }
}
