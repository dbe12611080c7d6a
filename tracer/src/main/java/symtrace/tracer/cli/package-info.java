/**
 * The {@code symtrace} command line, built with picocli: one root command whose subcommands
 * trace programs, report guards and exercise the symbolic engine, started by the {@code
 * ./symtrace} launcher at the repository root.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.tracer.cli.SymtraceCommand}: the root command, its global options
 *       ({@code --help}, {@code --version}, {@code --debug}) and the list of subcommands; {@code
 *       newCommandLine()} gives a ready command line.
 *   <li>{@link symtrace.tracer.cli.ExitCodes}: the exit statuses and the one-line error report
 *       for each kind of failure (user error 1, usage 2, internal error 70).
 *   <li>{@link symtrace.tracer.cli.VersionProvider}: the version, filtered in by Maven.
 * </ul>
 *
 * <h2>Conventions</h2>
 *
 * <p>A subcommand is a {@code *Command} class implementing {@code Callable<Integer>}; it writes
 * results to the command line's {@code getOut()} and signals a user error by throwing a {@link
 * symtrace.symbolic.SymtraceException}, never by printing a stack trace or calling {@code
 * System.exit}. Standard output carries only results, so that it can be piped; nothing is
 * printed at start-up (the libraries' logging goes to the silent SLF4J binding).
 */
package symtrace.tracer.cli;
