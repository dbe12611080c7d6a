package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static symtrace.tracer.ops.ProgramTraces.assertCodeInEveryMode;
import static symtrace.tracer.ops.ProgramTraces.assertTensor;
import static symtrace.tracer.ops.ProgramTraces.code;
import static symtrace.tracer.ops.ProgramTraces.guards;
import static symtrace.tracer.ops.ProgramTraces.run;
import static symtrace.tracer.ops.ProgramTraces.trace;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * A label repeated in one einsum operand takes that operand's diagonal: ATen's einsum calls
 * {@code diagonal} and {@code movedim}, which decomposes to a {@code permute}, so the graph has
 * {@code diagonal} and two permutes where PyTorch's has them. Also {@code diagonal}'s size
 * guards on symbolic sizes and {@code movedim}'s permutation and errors.
 */
class EinsumDiagonalTest {
  private static final String DIAGONAL = """
      import torch
      def f(a):
          return torch.einsum("ii->i", a)
      """;

  private static final String DIAGONAL_TIMES_VECTOR = """
      import torch
      def f(a, b):
          return torch.einsum("ii,i->i", a, b)
      """;

  @Test
  void aRepeatedLabelIsADiagonalMovedToItsPlace() {
    Trace t = assertCodeInEveryMode("""
        def forward(self, a_1):
            diagonal = torch.ops.aten.diagonal.default(a_1);  a_1 = None
            permute = torch.ops.aten.permute.default(diagonal, [0]);  diagonal = None
            permute_1 = torch.ops.aten.permute.default(permute, [0]);  permute = None
            return permute_1""", DIAGONAL, "a=f32[3,3]");
    assertEquals(List.of("L['a'].size()[1] == L['a'].size()[0]",
        "L['a'].stride()[0] == L['a'].size()[0]", "L['a'].stride()[1] == 1",
        "L['a'].storage_offset() == 0", "2 <= L['a'].size()[0]"), guards(t));
    // a[i][i] of the data formula ((7k % 17) - 8) / 4 at flat index k = 6i
    assertTensor(new long[] {5}, new double[] {-2, 0, 2, -0.25, 1.75},
        run(t, DIAGONAL, "a=f32[5,5]"));
  }

  @Test
  void theDiagonalOfOneOperandMultipliesTheOther() {
    Trace t = assertCodeInEveryMode("""
        def forward(self, a_1, b_1):
            diagonal = torch.ops.aten.diagonal.default(a_1);  a_1 = None
            permute = torch.ops.aten.permute.default(diagonal, [0]);  diagonal = None
            permute_1 = torch.ops.aten.permute.default(permute, [0]);  permute = None
            permute_2 = torch.ops.aten.permute.default(b_1, [0]);  b_1 = None
            mul = torch.ops.aten.mul.Tensor(permute_1, permute_2);  permute_1 = permute_2 = None
            return mul""", DIAGONAL_TIMES_VECTOR, "a=f32[3,3] b=f32[3]");
    // diag(a) = [-2, -1.75, -1.5, -1.25], b = [-1.25, 0.5, -2, -0.25]
    assertTensor(new long[] {4}, new double[] {2.5, -0.875, 3, 0.3125},
        run(t, DIAGONAL_TIMES_VECTOR, "a=f32[4,4] b=f32[4]"));
    assertTensor(new long[] {4}, new double[] {2.5, -0.875, 3, 0.3125},
        ProgramTraces.eager(DIAGONAL_TIMES_VECTOR, "a=f32[4,4] b=f32[4]"));
  }

  @Test
  void aDiagonalInTheSecondOperandIsUnsqueezedForTheMissingLabel() {
    String source = """
        import torch
        def f(a, b):
            return torch.einsum("ij,jj->ij", a, b)
        """;
    Trace t = trace(source, "a=f32[2,3] b=f32[3,3]", TracingMode.SYMBOLIC);
    assertEquals("""
        def forward(self, a_1, b_1):
            permute = torch.ops.aten.permute.default(a_1, [0, 1]);  a_1 = None
            diagonal = torch.ops.aten.diagonal.default(b_1);  b_1 = None
            permute_1 = torch.ops.aten.permute.default(diagonal, [0]);  diagonal = None
            unsqueeze = torch.ops.aten.unsqueeze.default(permute_1, 1);  permute_1 = None
            permute_2 = torch.ops.aten.permute.default(unsqueeze, [1, 0]);  unsqueeze = None
            mul = torch.ops.aten.mul.Tensor(permute, permute_2);  permute = permute_2 = None
            return mul""", code(t));
    // a = [[-2, -0.25, 1.5], [-1, 0.75, -1.75]], diag(b) = [-1.25, 1.5, 0]
    assertTensor(new long[] {2, 3}, new double[] {2.5, -0.375, 0, 1.25, 1.125, 0},
        run(t, source, "a=f32[2,3] b=f32[3,3]"));
  }

  @Test
  void aSymbolicDiagonalComparesItsSizesAsPythonsMinDoes() {
    String source = """
        import torch
        def f(x):
            return torch.diagonal(x), x.diagonal(1)
        """;
    Trace t = trace(source, "x=f32[3,5]", TracingMode.SYMBOLIC);
    // min(s0, s1) asks s1 < s0; min(s0, s1 - 1) asks s1 - 1 < s0: both false here
    List<String> g = guards(t);
    assertEquals(List.of("L['x'].size()[1] >= L['x'].size()[0]",
        "(-1) + L['x'].size()[1] >= L['x'].size()[0]"), g.subList(3, 5));
    PyTuple out = (PyTuple) run(t, source, "x=f32[2,4]");
    // x = [[-2, -0.25, 1.5, -1], [0.75, -1.75, 0, 1.75]]
    assertTensor(new long[] {2}, new double[] {-2, -1.75}, out.get(0));
    assertTensor(new long[] {2}, new double[] {-0.25, 0}, out.get(1));
  }

  @Test
  void movedimKeepsTheOtherDimsInOrder() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = OpTesting.data(DType.FLOAT32, 0, 1, 2, 3, 4, 5);
      Tensor moved = (Tensor) t.call("aten.movedim.intlist", x, List.of(0L, 1L),
          List.of(2L, 4L));
      // ATen's own example: order 2, 3, 0, 4, 1
      assertEquals(List.of(3L, 4L, 1L, 5L, 2L), boxed(moved.sizes()));
      Tensor last = (Tensor) t.call("aten.movedim.int", x, -1L, 0L);
      assertEquals(List.of(5L, 1L, 2L, 3L, 4L), boxed(last.sizes()));
      assertEquals("movedim: repeated dim in `source` ([0, -5])",
          assertThrows(TensorError.class, () -> t.call("aten.movedim.intlist", x,
              List.of(0L, -5L), List.of(1L, 2L))).getMessage());
      assertEquals("movedim: Invalid source or destination dims: source ([0] dims) should"
          + " contain the same number of dims as destination ([1, 2] dims)",
          assertThrows(TensorError.class, () -> t.call("aten.movedim.intlist", x,
              List.of(0L), List.of(1L, 2L))).getMessage());
    }
  }

  private static List<Long> boxed(long[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
