package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SymtraceCommandTest {
  @Test
  void versionPrintsTheFilteredProjectVersion() {
    CommandRun run = CommandRun.symtrace("--version");

    assertEquals(ExitCodes.OK, run.status());
    assertEquals("symtrace " + VersionProvider.version(), run.out().strip());
    assertTrue(run.out().matches("symtrace \\d+\\.\\d+\\.\\d+\\S*\\R"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void helpListsSubcommandsAndGlobalOptions() {
    CommandRun run = CommandRun.symtrace("--help");

    assertEquals(ExitCodes.OK, run.status());
    assertTrue(run.out().startsWith("Usage: symtrace"), run.out());
    assertTrue(run.out().contains("Commands:"), run.out());
    assertTrue(run.out().lines().anyMatch(line -> line.strip().startsWith("help ")), run.out());
    assertTrue(run.out().contains("--debug"), run.out());
    assertTrue(run.out().contains("--version"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void everyCommandsHelpFitsEightyColumnsAndListsAWholeSentence() {
    CommandLine root = SymtraceCommand.newCommandLine();
    for (var entry : root.getSubcommands().entrySet()) {
      String name = entry.getKey();
      String[] description = entry.getValue().getCommandSpec().usageMessage().description();
      assertTrue(description.length > 0, name);
      // The command list shows only the first line, so it must say what the command does.
      assertTrue(description[0].endsWith("."), name + ": " + description[0]);
      for (String line : description) {
        // picocli wraps a longer line and leaves a stray word on a line of its own.
        assertTrue(line.length() <= 80, name + ": " + line.length() + " columns: " + line);
      }
    }
  }

  @Test
  void helpSubcommandPrintsTheSameUsage() {
    CommandRun run = CommandRun.symtrace("help");

    assertEquals(ExitCodes.OK, run.status());
    assertEquals(CommandRun.symtrace("--help").out(), run.out());
  }

  @Test
  void unknownOptionIsAUsageErrorWithoutStackTrace() {
    CommandRun run = CommandRun.symtrace("--no-such-option");

    assertEquals(ExitCodes.USAGE, run.status());
    assertTrue(
        run.err().startsWith("symtrace: error: Unknown option: '--no-such-option'"), run.err());
    assertTrue(run.err().contains("Try 'symtrace --help' for more information."), run.err());
    assertFalse(run.errHasStackTrace(), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    CommandRun run = CommandRun.symtrace("no-such-command");

    assertEquals(ExitCodes.USAGE, run.status());
    assertTrue(run.err().startsWith("symtrace: error: "), run.err());
    assertTrue(run.err().contains("no-such-command"), run.err());
    assertFalse(run.errHasStackTrace(), run.err());
  }

  @Test
  void noSubcommandPrintsUsageToStandardErrorAndFails() {
    CommandRun run = CommandRun.symtrace();

    assertEquals(ExitCodes.USAGE, run.status());
    assertTrue(run.err().startsWith("symtrace: error: a command is required"), run.err());
    assertTrue(run.err().contains("Usage: symtrace"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void plainCommandLineAlsoReportsUsageErrorsWithStatusTwo() {
    // Code that builds its own CommandLine (as picocli's docs do) still gets the usage status.
    CommandRun run = CommandRun.of(new CommandLine(new SymtraceCommand()), "--no-such-option");

    assertEquals(ExitCodes.USAGE, run.status());
    assertFalse(run.errHasStackTrace(), run.err());
  }
}
