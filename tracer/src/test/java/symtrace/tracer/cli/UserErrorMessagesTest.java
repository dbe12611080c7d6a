package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors the commands report in one line, with exit status 1, never as internal errors. */
class UserErrorMessagesTest {
  @TempDir
  Path dir;

  private Path program(String text) throws IOException {
    Path p = dir.resolve("p.py");
    Files.writeString(p, text);
    return p;
  }

  private static void assertUserError(CommandRun run, String expected) {
    assertEquals(ExitCodes.USER_ERROR, run.status(), run.err());
    assertTrue(run.err().startsWith("symtrace: error: " + expected), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
  }

  @Test
  void aBadSpecInTheTraceHeaderIsLocatedInTheFile() throws IOException {
    Path p = program("# trace: x=f32[3] y=f99[2]\nimport torch\ndef f(x, y):\n    return x\n");
    assertUserError(CommandRun.symtrace("trace", p.toString()), "p.py:1:21: in the '# trace:'"
        + " header: invalid input spec 'x=f32[3] y=f99[2]': column 12: unknown dtype 'f99'");
  }

  @Test
  void aMissingScalarInputIsAskedForInItsOwnSyntax() throws IOException {
    Path p = program("import torch\ndef f(x, n: int = 2):\n    return x * n\n");
    assertUserError(CommandRun.symtrace("trace", p.toString(), "--input", "x=f32[3]"),
        "no input given for parameter 'n' of f; give it as --input n=int=2");
  }

  @Test
  void anInputTooLargeToHoldIsAUserError() throws IOException {
    Path p = program("import torch\ndef f(x):\n    return x + 1\n");
    assertUserError(CommandRun.symtrace("trace", p.toString(), "--input", "x=f32[65536,65536]"),
        "a tensor of 4294967296 elements is too large");
  }

  @Test
  void aTrackedValueNamedTwiceIsRefused() {
    assertUserError(CommandRun.symtrace("decompose", "s0", "--have", "a=s0", "--have", "a=s1"),
        "--have 'a=s1': the name a is given twice");
  }
}
