package symtrace.tracer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.lang.Span;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.tensor.data.InputSpec;
import symtrace.tracer.tensor.data.InputSpecError;

/** The options every program command shares: the program file and its inputs. */
final class ProgramOptions {
  @Parameters(index = "0", paramLabel = "PROGRAM", description = "The program file (.py).")
  Path program;

  @Option(names = "--input", paramLabel = "SPECS",
      description = "Inputs to trace with, e.g. 'x=f32[3,4] n=int=2' (repeatable); default: the"
          + " program's '# trace:' header.")
  List<String> inputs = new ArrayList<>();

  /** The program, parsed. */
  ProgramRunner load() {
    return ProgramRunner.load(program);
  }

  /** The trace inputs: the options joined, or the header. */
  String traceSpecs(ProgramRunner runner) {
    if (!inputs.isEmpty()) {
      return String.join(" ", inputs);
    }
    String header = runner.traceHeader();
    if (header == null) {
      throw new SymtraceException(program + ": no inputs to trace with: give --input (e.g."
          + " --input \"x=f32[3,4]\") or a '# trace:' header line");
    }
    try {
      InputSpec.parseAssignments(header);
    } catch (InputSpecError e) {
      // the header's own place in the file, as for any other error in the program text
      Span at = runner.traceHeaderSpan();
      int offset = Math.max(header.indexOf(e.spec()), 0);
      throw new SymtraceException(at.file() + ":" + at.line() + ":"
          + (at.column() + offset + e.column() - 1) + ": in the '# trace:' header: "
          + e.getMessage());
    }
    return header;
  }
}
