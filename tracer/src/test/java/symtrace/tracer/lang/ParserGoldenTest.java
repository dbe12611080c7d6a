package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden trees with node positions. Every expected string was produced from CPython 3.11's own
 * {@code ast} module (col_offset + 1) by a converter to {@link AstPrinter}'s format, so these
 * pin Python's precedences, associativity and node positions.
 */
class ParserGoldenTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      -x ** 2                 | UnaryOp@1:1(-, BinOp@1:2(Name@1:2(x), **, Int@1:7(2)))
      a + b * c - d           | BinOp@1:1(BinOp@1:1(Name@1:1(a), +, BinOp@1:5(Name@1:5(b), *, Name@1:9(c))), -, Name@1:13(d))
      (a + b) * c             | BinOp@1:1(BinOp@1:2(Name@1:2(a), +, Name@1:6(b)), *, Name@1:11(c))
      a < b <= c              | Compare@1:1(Name@1:1(a), <, Name@1:5(b), <=, Name@1:10(c))
      not a == b and c or d   | BoolOp@1:1(or, BoolOp@1:1(and, UnaryOp@1:1(not, Compare@1:5(Name@1:5(a), ==, Name@1:10(b))), Name@1:16(c)), Name@1:21(d))
      a if b else c           | IfExp@1:1(Name@1:6(b), Name@1:1(a), Name@1:13(c))
      `x[1:n - 1, ::2, None, ...]` | Subscript@1:1(Name@1:1(x), Tuple@1:3(Slice@1:3(Int@1:3(1), BinOp@1:5(Name@1:5(n), -, Int@1:9(1)), _), Slice@1:12(_, _, Int@1:14(2)), None@1:17, Ellipsis@1:23))
      `torch.ops.aten.add.Tensor(x_1, y_1, alpha = 2)` | Call@1:1(Attribute@1:1(Attribute@1:1(Attribute@1:1(Attribute@1:1(Name@1:1(torch), ops), aten), add), Tensor), Name@1:27(x_1), Name@1:32(y_1), alpha@1:37=Int@1:45(2))
      2 ** -1 ** 2            | BinOp@1:1(Int@1:1(2), **, UnaryOp@1:6(-, BinOp@1:7(Int@1:7(1), **, Int@1:12(2))))
      a @ b.t() / 4           | BinOp@1:1(BinOp@1:1(Name@1:1(a), @, Call@1:5(Attribute@1:5(Name@1:5(b), t))), /, Int@1:13(4))
      x.shape[0] // 2 % 3     | BinOp@1:1(BinOp@1:1(Subscript@1:1(Attribute@1:1(Name@1:1(x), shape), Int@1:9(0)), //, Int@1:15(2)), %, Int@1:19(3))
      -1.5e-3                 | UnaryOp@1:1(-, Float@1:2(0.0015))
      `(a, b)`                | Tuple@1:1(Name@1:2(a), Name@1:5(b))
      `a, b,`                 | Tuple@1:1(Name@1:1(a), Name@1:4(b))
      `[x, y][0]`             | Subscript@1:1(List@1:1(Name@1:2(x), Name@1:5(y)), Int@1:8(0))
      f(a)(b)                 | Call@1:1(Call@1:1(Name@1:1(f), Name@1:3(a)), Name@1:6(b))
      'a' "b"                 | Str@1:1('ab')
      1_000 + 0x1F            | BinOp@1:1(Int@1:1(1000), +, Int@1:9(31))
      x[-3:]                  | Subscript@1:1(Name@1:1(x), Slice@1:3(UnaryOp@1:3(-, Int@1:4(3)), _, _))
      x[()]                   | Subscript@1:1(Name@1:1(x), Tuple@1:3())
      a or b or c and d       | BoolOp@1:1(or, Name@1:1(a), Name@1:6(b), BoolOp@1:11(and, Name@1:11(c), Name@1:17(d)))
      not not a               | UnaryOp@1:1(not, UnaryOp@1:5(not, Name@1:9(a)))
      -(-a)                   | UnaryOp@1:1(-, UnaryOp@1:3(-, Name@1:4(a)))
      (a)                     | Name@1:2(a)
      `x[n // 2:, 1:]`        | Subscript@1:1(Name@1:1(x), Tuple@1:3(Slice@1:3(BinOp@1:3(Name@1:3(n), //, Int@1:8(2)), _, _), Slice@1:12(Int@1:12(1), _, _)))
      """)
  void expressionMatchesCpythonAst(String source, String expected) {
    assertEquals(expected, AstPrinter.print(Parser.parseExpression("e.py", source), true));
  }

  @Test
  void printedGraphMatchesCpythonAst() {
    String source = """
        def forward(self, x_1):
            sym_size_int = torch.ops.aten.sym_size.int(x_1, 0)
            mul = torch.ops.aten.mul.Tensor(x_1, 2);  x_1 = None
            add = operator.mul(sym_size_int, 2);  sym_size_int = None
            getitem = split[0]
            arange = torch.ops.aten.arange.default(add, dtype = torch.float32, device = device(type='cpu'), pin_memory = False)
            return (add, mul)
        """;
    String expected = """
        Def@1:1 forward(self@1:13, x_1@1:19)
          Assign@2:5(Name@2:5(sym_size_int) = Call@2:20(Attribute@2:20(Attribute@2:20(Attribute@2:20(Attribute@2:20(Name@2:20(torch), ops), aten), sym_size), int), Name@2:48(x_1), Int@2:53(0)))
          Assign@3:5(Name@3:5(mul) = Call@3:11(Attribute@3:11(Attribute@3:11(Attribute@3:11(Attribute@3:11(Name@3:11(torch), ops), aten), mul), Tensor), Name@3:37(x_1), Int@3:42(2)))
          Assign@3:47(Name@3:47(x_1) = None@3:53)
          Assign@4:5(Name@4:5(add) = Call@4:11(Attribute@4:11(Name@4:11(operator), mul), Name@4:24(sym_size_int), Int@4:38(2)))
          Assign@4:43(Name@4:43(sym_size_int) = None@4:58)
          Assign@5:5(Name@5:5(getitem) = Subscript@5:15(Name@5:15(split), Int@5:21(0)))
          Assign@6:5(Name@6:5(arange) = Call@6:14(Attribute@6:14(Attribute@6:14(Attribute@6:14(Attribute@6:14(Name@6:14(torch), ops), aten), arange), default), Name@6:44(add), dtype@6:49=Attribute@6:57(Name@6:57(torch), float32), device@6:72=Call@6:81(Name@6:81(device), type@6:88=Str@6:93('cpu')), pin_memory@6:101=Bool@6:114(False)))
          Return@7:5 Tuple@7:12(Name@7:13(add), Name@7:18(mul))""";
    assertEquals(expected.strip(), AstPrinter.print(Parser.parse("g.py", source)));
  }

  @Test
  void programMatchesCpythonAst() {
    String source = """
        # trace: x=f32[6,3]
        import torch


        def f(x, n: int = 2):
            if x.shape[0] > 4:
                y = x * 2
            elif n < 3:
                y, z = x, x
            else:
                y = torch.cat([x, x], dim=0)
            for i in range(1, n):
                y[i] += 1
            assert y.dim() == 2, "rank"
            return y.sum(dim=0) + y.shape[0]
        """;
    String expected = """
        Import@2:1 torch@2:8
        Def@5:1 f(x@5:7, n@5:10: int = Int@5:19(2))
          If@6:5
            Branch@6:5 Compare@6:8(Subscript@6:8(Attribute@6:8(Name@6:8(x), shape), Int@6:16(0)), >, Int@6:21(4))
              Assign@7:9(Name@7:9(y) = BinOp@7:13(Name@7:13(x), *, Int@7:17(2)))
            Branch@8:5 Compare@8:10(Name@8:10(n), <, Int@8:14(3))
              Assign@9:9(Tuple@9:9(Name@9:9(y), Name@9:12(z)) = Tuple@9:16(Name@9:16(x), Name@9:19(x)))
            Else
              Assign@11:9(Name@11:9(y) = Call@11:13(Attribute@11:13(Name@11:13(torch), cat), List@11:23(Name@11:24(x), Name@11:27(x)), dim@11:31=Int@11:35(0)))
          For@12:5 Name@12:9(i) in Call@12:14(Name@12:14(range), Int@12:20(1), Name@12:23(n))
            AugAssign@13:9(Subscript@13:9(Name@13:9(y), Name@13:11(i)) += Int@13:17(1))
          Assert@14:5 Compare@14:12(Call@14:12(Attribute@14:12(Name@14:12(y), dim)), ==, Int@14:23(2)), Str@14:26('rank')
          Return@15:5 BinOp@15:12(Call@15:12(Attribute@15:12(Name@15:12(y), sum), dim@15:18=Int@15:22(0)), +, Subscript@15:27(Attribute@15:27(Name@15:27(y), shape), Int@15:35(0)))""";
    Program program = Parser.parse("p.py", source);

    assertEquals(expected.strip(), AstPrinter.print(program));
    assertEquals("x=f32[6,3]", program.header().traceSpec().orElseThrow());
  }

  @Test
  void importsKeepTheirAliasesAndLevels() {
    String source = """
        import torch, torch.nn.functional as F
        from torch import nn as n2, ops
        from . import sibling
        from ..pkg.mod import (a, b as c,)
        """;
    String expected = """
        Import@1:1 torch@1:8, torch.nn.functional@1:15 as F
        ImportFrom@2:1 torch import nn@2:19 as n2, ops@2:29
        ImportFrom@3:1 . import sibling@3:15
        ImportFrom@4:1 ..pkg.mod import a@4:24, b@4:27 as c""";
    assertEquals(expected.strip(), AstPrinter.print(Parser.parse("i.py", source)));
  }

  @Test
  void nestedElseIfIsNotAnElifBranch() {
    String source = """
        def f(a, b):
            if a: pass
            elif b: x = 1; y = 2;
            else:
                if b:
                    pass
                else:
                    return
        """;
    String expected = """
        Def@1:1 f(a@1:7, b@1:10)
          If@2:5
            Branch@2:5 Name@2:8(a)
              Pass@2:11
            Branch@3:5 Name@3:10(b)
              Assign@3:13(Name@3:13(x) = Int@3:17(1))
              Assign@3:20(Name@3:20(y) = Int@3:24(2))
            Else
              If@5:9
                Branch@5:9 Name@5:12(b)
                  Pass@6:13
                Else
                  Return@8:13""";
    assertEquals(expected.strip(), AstPrinter.print(Parser.parse("n.py", source)));
  }

  @Test
  void structureIgnoresLayout() {
    String compact = "def f(x):\n    return (x+1)*2\n";
    String spread = "def f(x):  # doc\n\n    return (\n        x\n        + 1\n    ) * \\\n 2\n";

    assertEquals(AstPrinter.print(Parser.parse("a.py", compact).body(), false),
        AstPrinter.print(Parser.parse("b.py", spread).body(), false));
  }
}
