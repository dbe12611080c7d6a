package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/**
 * Scaled dot-product attention: the CPU backend choice (the fused flash kernel for 4-d inputs
 * that fit it, the math composite otherwise), agreement between the two, causal masking, and
 * the meta layouts.
 */
class AttentionTest {
  private static Tensor data(int k, long... sizes) {
    return OpTesting.data(DType.FLOAT32, k, sizes);
  }

  @Test
  void fourDimensionalInputsTakeTheFlashKernel() {
    try (OpHarness h = OpHarness.symbolic()) {
      FakeTensor q = h.input(DType.FLOAT32, 2, 3, 4, 8);
      FakeTensor kv = h.input(DType.FLOAT32, 2, 3, 6, 8);
      FakeTensor out = (FakeTensor) h.call("aten.scaled_dot_product_attention.default", q, kv,
          kv);
      assertEquals(q.symSizes(), out.symSizes());
      assertEquals(q.symStrides(), out.symStrides());
      assertEquals(List.of("_scaled_dot_product_flash_attention_for_cpu.default"), h.calls());
      assertEquals(List.of(), h.guards());
    }
  }

  @Test
  void otherInputsTakeTheMathComposite() {
    try (OpHarness h = OpHarness.symbolic()) {
      h.call("aten.scaled_dot_product_attention.default", h.input(DType.FLOAT32, 3, 4, 8),
          h.input(DType.FLOAT32, 3, 6, 8), h.input(DType.FLOAT32, 3, 6, 8));
      assertEquals(List.of("mul.Tensor", "transpose.int", "mul.Tensor", "expand.default",
          "view.default", "expand.default", "view.default", "bmm.default", "view.default",
          "_safe_softmax.default", "expand.default", "view.default", "expand.default",
          "view.default", "bmm.default", "view.default"), h.calls());
    }
  }

  @Test
  void theFlashKernelAgreesWithTheMathComposite() {
    Tensor q = data(0, 1, 2, 4, 8);
    Tensor k = data(1, 1, 2, 5, 8);
    Tensor v = data(2, 1, 2, 5, 8);
    Tensor mask = data(3, 4, 5);
    try (OpHarness h = OpHarness.real()) {
      Tensor flash = (Tensor) h.callKw("aten.scaled_dot_product_attention.default",
          List.of(q, k, v, mask), Map.of("scale", 0.3));
      List<?> math = (List<?>) h.callKw("aten._scaled_dot_product_attention_math.default",
          List.of(q, k, v, mask), Map.of("scale", 0.3));
      assertArrayEquals(((Tensor) math.get(0)).toDoubleArray(), flash.toDoubleArray(), 1e-5);
    }
  }

  @Test
  void causalAttentionSeesOnlyEarlierKeys() {
    Tensor q = Tensor.zeros(DType.FLOAT32, 1, 1, 2, 1);
    Tensor v = Tensor.ofDoubles(DType.FLOAT32, new long[] {1, 1, 2, 1}, 4, 8);
    try (OpHarness h = OpHarness.real()) {
      Tensor out = (Tensor) h.call("aten.scaled_dot_product_attention.default", q, q, v, null,
          0.0, true);
      // row 0 sees key 0 only; row 1 averages both (equal scores)
      assertArrayEquals(new double[] {4, 6}, out.toDoubleArray(), 1e-6);
    }
  }

  @Test
  void inputsAreValidatedWithPyTorchsTexts() {
    try (OpHarness h = OpHarness.real()) {
      TensorError e = assertThrows(TensorError.class, () -> h.call(
          "aten.scaled_dot_product_attention.default", data(0, 2, 3), data(1, 2, 3).to(
              DType.FLOAT64), data(2, 2, 3)));
      assertEquals("Expected query, key, and value to have the same dtype, but got query.dtype:"
          + " float key.dtype: double and value.dtype: float instead.", e.getMessage());
    }
  }
}
