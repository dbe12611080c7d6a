package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.OpTesting.ints;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * c10's contiguity computation as composites run it: every SymInt operation goes through the
 * dispatcher in c10's order (so a trace names its nodes as PyTorch's), once per tensor.
 */
class ContiguityTest {
  private static final Provenance WHY = Provenance.of("test");

  /**
   * The calls a body dispatches, as {@code name(arg, arg)}: a symbolic value shows as its hint in
   * angle brackets ({@code <12>}), a plain one as itself, a tensor as {@code T}.
   */
  private static List<String> recorded(Dispatcher d, Runnable body) {
    List<String> seen = new ArrayList<>();
    try (var scope = d.push((call, next) -> {
      List<String> args = new ArrayList<>();
      for (int i = 0; i < call.size(); i++) {
        args.add(shown(call.get(i)));
      }
      seen.add(call.op().name() + "(" + String.join(", ", args) + ")");
      return next.call(call);
    })) {
      body.run();
    }
    return seen;
  }

  private static String shown(Object v) {
    if (v instanceof SymInt i && !i.isConstant()) {
      return "<" + i.hint() + ">";
    }
    if (v instanceof SymBool b && !b.isConstant()) {
      return "<" + b.hint() + ">";
    }
    if (v instanceof TensorValue) {
      return "T";
    }
    return String.valueOf(PyScalars.normalize(v));
  }

  @Test
  void contiguousTensorTestsSizesFromTheLastDimAndMultipliesTwoProducts() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 5, 4, 3);
      boolean[] contiguous = new boolean[1];
      List<String> calls = recorded(t.ops(),
          () -> contiguous[0] = Contiguity.isContiguousOrFalse(x, t.ops(), WHY));

      assertTrue(contiguous[0]);
      // the first pass proves it: numel == 0, then per dim from the last: size == 1, the
      // stride against both expected strides (the second test only when the first fails),
      // then the products with max(size, 1) and with the size; a product with 1 is the other
      // factor (the tracer makes no node for it)
      assertEquals(List.of(
          "eq(<60>, 0)",
          "eq(<3>, 1)", "sym_max(<3>, 1)", "mul(1, <3>)", "mul(1, <3>)",
          "eq(<4>, 1)", "ne(<3>, <3>)", "sym_max(<4>, 1)", "mul(<3>, <4>)", "mul(<3>, <4>)",
          "eq(<5>, 1)", "ne(<12>, <12>)", "sym_max(<5>, 1)", "mul(<12>, <5>)",
          "mul(<12>, <5>)"), calls);
      assertEquals(List.of(), t.guards(), "an input's strides settle every test");
    }
  }

  @Test
  void theAnswerIsKeptWithTheTensor() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 5, 4);
      assertFalse(recorded(t.ops(), () -> Contiguity.isContiguous(x, t.ops(), WHY)).isEmpty());

      assertEquals(List.of(), recorded(t.ops(), () -> Contiguity.isContiguous(x, t.ops(), WHY)),
          "asked again, nothing is computed");
      assertEquals(List.of("view(T, [20])"), recorded(t.ops(),
          () -> t.call("aten.reshape.default", x, ints(20))),
          "a composite asking later reuses it");
    }
  }

  @Test
  void transposedTensorFailsTheFirstPassAndBuildsTheConditionThenDecidesIt() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 5, 4);
      FakeTensor tr = (FakeTensor) t.call("aten.t.default", x);
      boolean[] contiguous = new boolean[1];
      List<String> calls = recorded(t.ops(),
          () -> contiguous[0] = Contiguity.isContiguous(tr, t.ops(), WHY));

      assertFalse(contiguous[0]);
      assertEquals(List.of(
          // first pass: the last dim's stride is 5, neither 1 nor max(1, ...) = 1
          "eq(<20>, 0)", "eq(<5>, 1)", "ne(<4>, 1)", "ne(<4>, 1)",
          // the condition: per dim from the last, max(size, 1) == 1 or stride == expected
          "eq(<20>, 0)",
          "sym_max(<5>, 1)", "eq(<5>, 1)", "eq(<4>, 1)", "or_(<false>, <false>)",
          "and_(true, <false>)", "mul(1, <5>)",
          "sym_max(<4>, 1)", "eq(<4>, 1)", "eq(1, <5>)", "or_(<false>, <false>)",
          "and_(<false>, <false>)", "mul(<5>, <4>)",
          // or empty: numel == 0 came out plainly false (a product of positive sizes)
          "or_(<false>, false)",
          // decided by the guarded loop, which stops at the last dim's stride
          "eq(<20>, 0)", "eq(<5>, 1)", "ne(<4>, 1)"), calls);
      assertEquals(List.of(), t.guards());
    }
  }
}
