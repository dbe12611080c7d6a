package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymInt;

/**
 * The shape environment's user errors reach the command line as PyTorch's messages, on one line,
 * exit status 1, without a Java stack trace: a hint outside its declared range, and a guard on an
 * unbacked symbol.
 */
class ShapeEnvErrorsTest {
  @Command(name = "hint-outside-range")
  static final class HintOutsideRange implements Callable<Integer> {
    @Override
    public Integer call() {
      ShapeEnv env = new ShapeEnv();
      SymInt s = env.createSymInt(5, Source.constant("input0.size()[0]"), DimDynamic.DUCK);
      env.constrainRange((Sym) s.expr(), 6, 9);
      return 0;
    }
  }

  @Command(name = "guard-on-unbacked")
  static final class GuardOnUnbacked implements Callable<Integer> {
    @Override
    public Integer call() {
      ShapeEnv env = new ShapeEnv();
      SymInt u = env.createUnbackedSymInt();
      u.eq(0).guardBool(Provenance.of("branch").at(new SourceLocation("f.py", 10, 8, "    if n == 0:")));
      return 0;
    }
  }

  private static CommandRun run(Object command, String name) {
    CommandLine commandLine = new CommandLine(new SymtraceCommand());
    commandLine.addSubcommand(name, command);
    return CommandRun.of(ExitCodes.install(commandLine), name);
  }

  @Test
  void hintOutsideItsRange() {
    CommandRun r = run(new HintOutsideRange(), "hint-outside-range");
    assertEquals(ExitCodes.USER_ERROR, r.status());
    assertEquals("symtrace: error: Invalid value 5 for range [6:9]", r.err().strip());
  }

  @Test
  void guardOnAnUnbackedSymbol() {
    CommandRun r = run(new GuardOnUnbacked(), "guard-on-unbacked");
    assertEquals(ExitCodes.USER_ERROR, r.status());
    String err = r.err().strip();
    assertTrue(err.startsWith("symtrace: error: Could not guard on data-dependent expression Eq(u0, 0)"), err);
    assertTrue(err.contains("Caused by: f.py:10:8 (if n == 0:)"), err);
    assertEquals(1, err.lines().count(), err);
    assertFalse(err.contains("\tat "), err);
  }
}
