package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code a traced graph prints as ({@code gm.code}) is a program: FX's own output recorded in
 * the conformance files, and the forms symtrace's printer uses.
 */
class PrintedGraphCodeTest {
  private static final String EXAMPLE = "\n\n\ndef forward(self, x_1):\n"
      + "    sym_size_int = torch.ops.aten.sym_size.int(x_1, 0)\n"
      + "    mul = torch.ops.aten.mul.Tensor(x_1, 2);  x_1 = None\n"
      + "    add = operator.mul(sym_size_int, 2);  sym_size_int = None\n"
      + "    return (add, mul)\n    ";

  static Stream<Path> expectedFiles() {
    return ConformanceFiles.expectedFiles().stream()
        .filter(p -> ConformanceFiles.printedCode(p) != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectedFiles")
  void pytorchPrintedCodeParses(Path expected) {
    String code = ConformanceFiles.printedCode(expected);
    Program program = Parser.parse("forward.py", code);

    Stmt.Def forward = program.lastFunction().orElseThrow();
    assertEquals("forward", forward.name());
    assertEquals("self", forward.params().get(0).name());
    assertInstanceOf(Stmt.Return.class, forward.body().get(forward.body().size() - 1));
  }

  @Test
  void everyTracedProgramHasPrintedCode() {
    // 48 + 3 expected files; if_tensor_value cannot be traced symbolically.
    assertEquals(50, expectedFiles().count());
  }

  @Test
  void semicolonsSeparateStatementsAndNoneClearsNames() {
    Stmt.Def forward = Parser.parse("g.py", EXAMPLE).lastFunction().orElseThrow();

    assertEquals(6, forward.body().size());
    Stmt.Assign clear = (Stmt.Assign) forward.body().get(2);
    assertEquals(Span.of("g.py", 6, 47), clear.span());
    assertInstanceOf(Expr.NoneLit.class, clear.value());
    assertEquals("Return@8:5 Tuple@8:12(Name@8:13(add), Name@8:18(mul))",
        AstPrinter.print(List.of(forward.body().get(5)), true));
  }

  @Test
  void chainedAssignmentOfNoneHasEveryTarget() {
    Stmt.Assign a = (Stmt.Assign) Parser.parse("g.py", "add = relu = relu_1 = None\n").body().get(0);

    assertEquals(List.of("add", "relu", "relu_1"),
        a.targets().stream().map(t -> ((Expr.Name) t).id()).toList());
  }

  @Test
  void keywordArgumentsConstantsAndGetitem() {
    String code = "def forward(self, x_1):\n"
        + "    arange = torch.ops.aten.arange.default(n, dtype = torch.float32, "
        + "device = device(type='cpu'), pin_memory = False)\n"
        + "    getitem = split[0]\n"
        + "    slice_1 = torch.ops.aten.slice.Tensor(x_1, 0, 1, 9223372036854775807)\n"
        + "    abs_1 = _operator_abs(sub_2);  sub_2 = None\n"
        + "    _tensor_constant0 = self._tensor_constant0\n"
        + "    return arange\n";
    List<Stmt> body = Parser.parse("g.py", code).lastFunction().orElseThrow().body();

    Expr.Call arange = (Expr.Call) ((Stmt.Assign) body.get(0)).value();
    assertEquals(List.of("dtype", "device", "pin_memory"),
        arange.keywords().stream().map(Expr.Keyword::name).toList());
    assertEquals("Attribute(Name(torch), float32)",
        AstPrinter.print(arange.keyword("dtype").orElseThrow(), false));
    assertEquals("Call(Name(device), type=Str('cpu'))",
        AstPrinter.print(arange.keyword("device").orElseThrow(), false));
    assertEquals("Subscript(Name(split), Int(0))",
        AstPrinter.print(((Stmt.Assign) body.get(1)).value(), false));
    Expr.Call slice = (Expr.Call) ((Stmt.Assign) body.get(2)).value();
    Expr.IntLit max = (Expr.IntLit) slice.args().get(3);
    assertEquals(Long.MAX_VALUE, max.value().longValueExact());
    assertTrue(max.fitsLong());
  }
}
