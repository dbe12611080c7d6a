package symtrace.tracer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.trace.MakeFx;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

class TraceGuardsTest {
  private static Trace branchOnSize() {
    return MakeFx.trace((ctx, in) -> {
      TensorValue x = (TensorValue) in.get(0);
      boolean big = x.symSize(0).gt(4).guardBool(Provenance.of("branch"));
      return big ? 1L : 0L;
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 6, 3))));
  }

  @Test
  void produceGuardsFollowPyTorch() {
    TraceGuards g = TraceGuards.of(branchOnSize());
    assertEquals(List.of("L['x'].stride()[0] == L['x'].size()[1]", "L['x'].stride()[1] == 1",
        "L['x'].storage_offset() == 0", "5 <= L['x'].size()[0]", "2 <= L['x'].size()[1]"),
        g.produced());
    assertEquals(List.of("5 <= L['x'].size()[0]"), g.shown());
  }

  @Test
  void concreteInputsFailTheLinesTheyBreak() {
    TraceGuards g = TraceGuards.of(branchOnSize());
    assertEquals(List.of(), g.failing(List.of("x"), List.of(Tensor.zeros(DType.FLOAT32, 9, 3))));
    assertEquals(List.of("5 <= L['x'].size()[0]"),
        g.failing(List.of("x"), List.of(Tensor.zeros(DType.FLOAT32, 3, 3))));
    // A one-dimensional input fails every line that reads a second dimension.
    assertEquals(List.of("L['x'].stride()[0] == L['x'].size()[1]", "L['x'].stride()[1] == 1",
        "2 <= L['x'].size()[1]"), g.failing(List.of("x"), List.of(Tensor.zeros(DType.FLOAT32,
        9))));
    // A transposed 9x3 input: right sizes, column-major strides.
    assertEquals(List.of("L['x'].stride()[0] == L['x'].size()[1]", "L['x'].stride()[1] == 1"),
        g.failing(List.of("x"), List.of(Tensor.zeros(DType.FLOAT32, 3, 9).t())));
  }

  @Test
  void renamingNumbersSymbolsInOrderOfAppearance() {
    SymbolRenaming r = new SymbolRenaming();
    assertEquals("f32[s0, s1, s0]", r.apply("f32[s75, s96, s75]"));
    assertEquals("Sym(s1*s0 + u0)", r.apply("Sym(s96*s75 + u3)"));
    assertEquals("sum_1 = s2", r.apply("sum_1 = s7"));
  }
}
