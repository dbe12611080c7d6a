package symtrace.tracer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root of the {@code symtrace} command: global options and the list of subcommands.
 *
 * <p>Each subcommand is one {@code *Command} class implementing {@code Callable<Integer>} and is
 * registered in {@code subcommands} below. Exit statuses follow {@link ExitCodes}; run without a
 * subcommand, the command prints its usage to standard error and exits with {@link
 * ExitCodes#USAGE}.
 *
 * <p>Obtain a ready command line with {@link #newCommandLine()}, which the {@code main} method and
 * the tests share, so that both report errors the same way.
 */
@Command(
    name = "symtrace",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Symbolic-shape tracing, guard inspection and expression reasoning.",
    subcommands = {
      HelpCommand.class,
      TraceCommand.class,
      GuardsCommand.class,
      RunCommand.class,
      BenchCommand.class,
      CheckCommand.class,
      SimplifyCommand.class,
      DecomposeCommand.class,
      DecomposeBenchCommand.class,
      ProveCommand.class,
    })
public final class SymtraceCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  // Inherited, so it may also follow the subcommand name. ExitCodes reads it from the parse
  // result rather than from this field, which keeps the error handling independent of which
  // command object carries the option.
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the Java stack trace when symtrace fails with an internal error.")
  private boolean debug;

  /** Runs the command with the given arguments and exits the JVM with its status. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Returns a command line for the root command, with symtrace's error reporting installed. */
  public static CommandLine newCommandLine() {
    return ExitCodes.install(new CommandLine(new SymtraceCommand()));
  }

  /** Prints the usage, since a subcommand is required; the status says the usage was wrong. */
  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    commandLine.getErr().println("symtrace: error: a command is required");
    commandLine.usage(commandLine.getErr());
    return ExitCodes.USAGE;
  }
}
