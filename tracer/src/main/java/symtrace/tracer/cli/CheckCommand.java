package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import symtrace.tracer.run.ConformanceCheck;

/**
 * {@code symtrace check DIR [--parity]}: the conformance suite, a line per program and a final
 * {@code N passed, N failed}; exit status 3 when any failed.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Run the conformance suite in DIR (programs/*.py against expected/*.json).",
      "",
      "A program passes when its symbolic trace succeeds (or fails as PyTorch's",
      "does), every eval input gives PyTorch's eager output, and no input that",
      "PyTorch's guards accept is rejected. --parity also compares the printed code",
      "and produce_guards with current PyTorch's.",
      "",
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The suite directory.")
  private Path dir;

  @Option(names = "--parity", description = "Also compare code and guards with PyTorch's.")
  private boolean parity;

  @Option(names = "--verbose", description = "With --parity, show each difference.")
  private boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> programs = ConformanceCheck.programs(dir);
    int passed = 0;
    int code = 0;
    int guards = 0;
    for (Path p : programs) {
      ConformanceCheck.Verdict v = ConformanceCheck.check(dir, p, parity);
      out.println(v.line());
      if (v.passed()) {
        passed++;
      }
      if (parity) {
        boolean expectedFailure = v.codeParity() == null;
        if (expectedFailure || Boolean.TRUE.equals(v.codeParity())) {
          code++;
        } else if (verbose) {
          out.println("  code: " + v.codeDifference());
        }
        if (expectedFailure || Boolean.TRUE.equals(v.guardParity())) {
          guards++;
        } else if (verbose) {
          out.println("  guards: " + v.guardDifference());
        }
      }
      out.flush();
    }
    if (parity) {
      out.println("parity: code " + code + "/" + programs.size() + ", guards " + guards + "/"
          + programs.size());
    }
    out.println(passed + " passed, " + (programs.size() - passed) + " failed");
    out.flush();
    return passed == programs.size() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }
}
