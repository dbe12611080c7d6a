package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.trace.MakeFxCases.calls;
import static symtrace.tracer.trace.MakeFxCases.trace;

import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DataDependentError;

/**
 * PyTorch's fake tensors memoize the unbacked results of {@code item()} and {@code nonzero}
 * ({@code item_memo}, {@code nonzero_memo}): reading an unchanged tensor again gives the same
 * symbol, and an in-place write to the tensor (or a view of it) makes the next read new.
 */
class UnbackedMemoTest {
  @Test
  void anUnchangedTensorReadTwiceGivesOneSymbol() {
    for (TracingMode mode : new TracingMode[] {TracingMode.SYMBOLIC, TracingMode.FAKE}) {
      Trace t = trace("""
          def f(x, k):
              m = k.max()
              a = m.item()
              b = m.item()
              torch._check(a == b)
              g = x > 0
              if torch.nonzero(g).shape[0] == torch.nonzero(g).shape[0]:
                  x = x + 1
              return x * a
          """, "x=f32[4] k=i64[3]{0..2}", mode);
      // Both reads of m are _local_scalar_dense nodes (make_fx keeps them), one symbol.
      assertEquals(2, calls(t, "aten._local_scalar_dense.default").size(), mode.toString());
      assertTrue(t.shapeEnv().deferredRuntimeAsserts().isEmpty(),
          "a == b is known, nothing deferred: " + t.shapeEnv().deferredRuntimeAsserts());
    }
  }

  @Test
  void aWriteToTheTensorMakesTheNextReadANewSymbol() {
    DataDependentError e = assertThrows(DataDependentError.class, () -> trace("""
        def f(k):
            m = k.max()
            a = m.item()
            m.add_(1)
            b = m.item()
            if a == b:
                return k + 1
            return k
        """, "k=i64[3]{0..2}", TracingMode.SYMBOLIC));
    assertTrue(e.getMessage().contains("Eq(u0, u1)"), e.getMessage());
  }
}
