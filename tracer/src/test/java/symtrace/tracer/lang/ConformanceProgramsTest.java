package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every program of the shared conformance suite, and the stress programs, parses. */
class ConformanceProgramsTest {
  static Stream<Path> programs() {
    return ConformanceFiles.allPrograms().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void parsesWithHeaderAndEntryFunction(Path file) {
    String name = file.getFileName().toString();
    Program program = Parser.parse(name, ConformanceFiles.read(file));

    assertEquals(name, program.file());
    assertTrue(program.header().traceSpec().isPresent(), "no # trace: line");
    assertFalse(program.header().evalSpecs().isEmpty(), "no # eval: line");
    Stmt.Def entry = program.lastFunction().orElseThrow();
    assertEquals("f", entry.name());
    assertFalse(entry.params().isEmpty());
  }

  @Test
  void suiteHasTheExpectedPrograms() {
    assertEquals(48, ConformanceFiles.programs().size());
    assertEquals(3, ConformanceFiles.stressPrograms().size());
  }

  @Test
  void readsTheHeaderOfAnExpectedFailure() {
    Path file = ConformanceFiles.root().resolve("programs").resolve("if_tensor_value.py");
    ProgramHeader header = Parser.parse("if_tensor_value.py", ConformanceFiles.read(file)).header();

    assertEquals("x=f32[4,3]", header.traceSpec().orElseThrow());
    assertEquals(List.of("x=f32[4,3]", "x=f32[6,3]"), header.evalSpecs());
    assertEquals("error data-dependent", header.expectation().orElseThrow());
    assertEquals(Span.of("if_tensor_value.py", 4, 11), header.expect().orElseThrow().span());
  }

  @Test
  void scalarParametersAreTyped() {
    Path file = ConformanceFiles.root().resolve("programs").resolve("scalar_float_bool.py");
    Stmt.Def f = Parser.parse("p.py", ConformanceFiles.read(file)).lastFunction().orElseThrow();

    assertEquals(List.of(Stmt.ParamType.TENSOR, Stmt.ParamType.FLOAT, Stmt.ParamType.BOOL),
        f.params().stream().map(Stmt.Param::type).toList());
  }

  @Test
  void helpersAreAllTopLevelFunctions() {
    Path file = ConformanceFiles.root().resolve("stress").resolve("transformer_32.py");
    Program program = Parser.parse("t.py", ConformanceFiles.read(file));

    assertEquals(List.of("heads", "attention", "block", "f"),
        program.functions().stream().map(Stmt.Def::name).toList());
    assertEquals("attention", program.function("attention").orElseThrow().name());
  }
}
