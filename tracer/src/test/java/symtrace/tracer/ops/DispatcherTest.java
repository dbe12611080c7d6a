package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.dispatch.DispatchMode;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.tensor.DType;

class DispatcherTest {
  @Test
  void sizeQueriesReadFakeAndSymbolicSizes() {
    try (OpTesting t = OpTesting.symbolic()) {
      var x = t.input(DType.FLOAT32, 3, 4);
      Object s0 = t.call("aten.sym_size.int", x, -2L);
      assertInstanceOf(SymInt.class, s0);
      assertEquals(x.symSize(0).expr(), ((SymInt) s0).expr());
      assertEquals(4L, t.call("aten.sym_stride.int", OpTesting.staticInput(DType.FLOAT32, 3, 4),
          0L));
    }
  }

  @Test
  void symbolicArithmeticFollowsPython() {
    try (OpTesting t = OpTesting.symbolic()) {
      var x = t.input(DType.FLOAT32, 6);
      Object n = t.call("aten.sym_size.int", x, 0L);
      Object half = t.ops().floorDiv(n, 2L);
      assertEquals("(s0//2)".replace("s0", x.symSize(0).toString()), half.toString());
      assertEquals(-4L, t.ops().floorDiv(-7L, 2L));
      assertEquals(1L, t.ops().mod(-7L, 2L));
      assertEquals(3.5, t.call("operator.truediv", 7L, 2L));
    }
  }

  @Test
  void modesSeeCallsTopDownAndAreDisabledWhileRunning() {
    Dispatcher d = Dispatcher.standard();
    List<String> seen = new ArrayList<>();
    DispatchMode outer = (call, next) -> {
      seen.add("outer " + call.op());
      // A call made while this mode runs goes below it, to the inner mode only.
      d.call("operator.add", 1L, 1L);
      return next.call(call);
    };
    DispatchMode inner = (call, next) -> {
      seen.add("inner " + call.op());
      return next.call(call);
    };
    try (var a = d.push(inner); var b = d.push(outer)) {
      assertEquals(6L, d.call("operator.mul", 2L, 3L));
    }
    assertEquals(List.of("outer operator.mul", "inner operator.add", "inner operator.mul"), seen);
    assertEquals(4L, d.call("operator.mul", 2L, 2L));
  }

  @Test
  void unknownOperatorsAreNamed() {
    Dispatcher d = Dispatcher.standard();
    assertEquals("unknown operator aten.nope.default",
        assertThrows(UnknownOperatorException.class, () -> d.call("aten.nope.default"))
            .getMessage());
  }
}
