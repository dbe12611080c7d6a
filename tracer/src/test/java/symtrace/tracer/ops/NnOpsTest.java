package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.OpTesting.ints;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/**
 * Convolution, pooling, layer norm, embedding, dropout, padding and the losses: hand-worked
 * values, layouts, PyTorch's errors, and symbolic sizes and guards.
 */
class NnOpsTest {
  private static Tensor f32(long[] sizes, double... values) {
    return Tensor.ofDoubles(DType.FLOAT32, sizes, values);
  }

  private static long[] shape(long... sizes) {
    return sizes;
  }

  private static Tensor counting(long... sizes) {
    Tensor t = Tensor.zeros(DType.FLOAT32, sizes);
    for (int i = 0; i < t.numel(); i++) {
      t.setDoubleFlat(i, i + 1);
    }
    return t;
  }

  private static Object real(String op, Object... args) {
    try (OpHarness h = OpHarness.real()) {
      return h.call(op, args);
    }
  }

  private static Object realKw(String op, List<?> args, Map<String, ?> kwargs) {
    try (OpHarness h = OpHarness.real()) {
      return h.callKw(op, args, kwargs);
    }
  }

  private static TensorError error(String op, Object... args) {
    return assertThrows(TensorError.class, () -> real(op, args));
  }

  @Test
  void convolutionSumsWindowsWithBiasGroupsAndDilation() {
    Tensor x = counting(1, 1, 3, 3);
    Tensor ones = Tensor.full(DType.FLOAT32, 1, 1, 1, 2, 2);
    assertArrayEquals(new double[] {12, 16, 24, 28},
        ((Tensor) real("aten.conv2d.default", x, ones)).toDoubleArray());
    assertArrayEquals(new double[] {112, 116, 124, 128}, ((Tensor) real("aten.conv2d.default",
        x, ones, f32(shape(1), 100))).toDoubleArray());
    Tensor dilated = (Tensor) realKw("aten.conv2d.default", List.of(x, ones),
        Map.of("dilation", 2L));
    assertArrayEquals(new double[] {1 + 3 + 7 + 9}, dilated.toDoubleArray());
    // two groups of one channel: each output channel sees only its own input channel
    Tensor two = counting(1, 2, 2, 2);
    Tensor grouped = (Tensor) realKw("aten.conv2d.default",
        List.of(two, Tensor.full(DType.FLOAT32, 1, 2, 1, 1, 1)), Map.of("groups", 2L));
    assertArrayEquals(two.toDoubleArray(), grouped.toDoubleArray());
  }

  @Test
  void transposedConvolutionScattersTheKernel() {
    Tensor x = counting(1, 1, 2, 2);
    Tensor ones = Tensor.full(DType.FLOAT32, 1, 1, 1, 2, 2);
    Tensor out = (Tensor) real("aten.convolution.default", x, ones, null, ints(1), ints(0),
        ints(1), true, ints(0), 1L);
    assertArrayEquals(shape(1, 1, 3, 3), out.sizes());
    assertArrayEquals(new double[] {1, 3, 2, 4, 10, 6, 3, 7, 4}, out.toDoubleArray());
  }

  @Test
  void anUnbatchedConv1dGainsAndLosesTheBatch() {
    try (OpHarness h = OpHarness.symbolic()) {
      FakeTensor out = (FakeTensor) h.call("aten.conv1d.default", h.input(DType.FLOAT64, 3, 9),
          h.input(DType.FLOAT64, 4, 3, 3));
      assertEquals(2, out.dim());
      assertEquals(List.of("unsqueeze.default", "convolution.default", "squeeze.dim"),
          h.calls());
      // float64 never takes the mkldnn backend, so only the size checks guard (length s96
      // against the kernel, which shares s75 with the channels)
      assertEquals(List.of("s96 >= s75", "-s75 + s96 + 1 > 0"), h.guards());
    }
  }

  @Test
  void convolutionErrorsAreATensText() {
    Tensor w = Tensor.zeros(DType.FLOAT32, 4, 3, 3);
    assertEquals("Given groups=1, weight of size [4, 3, 3], expected input[2, 5, 17] to have 3"
        + " channels, but got 5 channels instead",
        error("aten.conv1d.default", Tensor.zeros(DType.FLOAT32, 2, 5, 17), w).getMessage());
    assertEquals("Calculated padded input size per channel: (2). Kernel size: (3). Kernel size"
        + " can't be greater than actual input size",
        error("aten.conv1d.default", Tensor.zeros(DType.FLOAT32, 2, 3, 2), w).getMessage());
    assertEquals("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of"
        + " size: [1, 2, 3, 4]",
        error("aten.conv1d.default", Tensor.zeros(DType.FLOAT32, 1, 2, 3, 4), w).getMessage());
    assertEquals("Given weight of size [4, 3, 3], expected bias to be 1-dimensional with 4"
        + " elements, but got bias of size [5] instead", error("aten.conv1d.default",
            Tensor.zeros(DType.FLOAT32, 2, 3, 5), w, Tensor.zeros(DType.FLOAT32, 5))
            .getMessage());
    assertEquals("Input type (CPUFloatType) and weight type (CPUDoubleType) should be the same",
        error("aten.conv1d.default", Tensor.zeros(DType.FLOAT32, 2, 3, 5),
            w.to(DType.FLOAT64)).getMessage());
  }

  @Test
  void aChannelsLastInputGivesAChannelsLastOutput() {
    Tensor nhwc = counting(1, 4, 4, 3).permute(0, 3, 1, 2);
    Tensor w = counting(2, 3, 1, 1);
    Tensor out = (Tensor) real("aten.conv2d.default", nhwc, w);
    assertArrayEquals(shape(1, 2, 4, 4), out.sizes());
    assertArrayEquals(shape(32, 1, 8, 2), out.strides());
    Tensor contiguous = (Tensor) real("aten.conv2d.default", nhwc.contiguous(), w);
    assertArrayEquals(contiguous.toDoubleArray(), out.toDoubleArray());
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor fake = (FakeTensor) t.call("aten.conv2d.default", nhwc, w);
      assertEquals(List.of(32L, 1L, 8L, 2L), fake.symStrides().stream()
          .map(s -> s.constantValue()).toList());
    }
  }

  @Test
  void maxPoolingTakesTheFirstMaximumAndNan() {
    Tensor x = f32(shape(1, 1, 2, 4), 1, 5, 5, 2, 3, 0, Double.NaN, 7);
    List<?> out = (List<?>) real("aten.max_pool2d_with_indices.default", x, ints(2, 2));
    Tensor values = (Tensor) out.get(0);
    assertArrayEquals(shape(1, 1, 1, 2), values.sizes());
    assertEquals(5.0, values.toDoubleArray()[0]);
    assertTrue(Double.isNaN(values.toDoubleArray()[1]));
    assertArrayEquals(new long[] {1, 6}, ((Tensor) out.get(1)).toLongArray());
    Tensor padded = (Tensor) realKw("aten.max_pool2d.default", List.of(counting(1, 1, 3, 3)),
        Map.of("kernel_size", 2L, "padding", 1L));
    assertArrayEquals(new double[] {1, 3, 7, 9}, padded.toDoubleArray());
  }

  @Test
  void ceilModeDropsAWindowThatWouldStartInThePadding() {
    Tensor x = counting(1, 1, 1, 3);
    Tensor out = (Tensor) realKw("aten.max_pool2d.default", List.of(x),
        Map.of("kernel_size", ints(1, 2), "stride", ints(1, 2), "padding", ints(0, 1),
            "ceil_mode", true));
    assertArrayEquals(shape(1, 1, 1, 2), out.sizes());
    Tensor five = (Tensor) realKw("aten.max_pool2d.default", List.of(counting(1, 1, 1, 5)),
        Map.of("kernel_size", ints(1, 2), "stride", ints(1, 2), "ceil_mode", true));
    assertArrayEquals(new double[] {2, 4, 5}, five.toDoubleArray());
  }

  @Test
  void averagePoolingCountsPaddingUnlessAskedNot() {
    Tensor x = counting(1, 1, 2, 2);
    Tensor with = (Tensor) realKw("aten.avg_pool2d.default", List.of(x, ints(2, 2)),
        Map.of("padding", 1L));
    assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1}, with.toDoubleArray());
    Tensor without = (Tensor) realKw("aten.avg_pool2d.default", List.of(x, ints(2, 2)),
        Map.of("padding", 1L, "count_include_pad", false));
    assertArrayEquals(new double[] {1, 2, 3, 4}, without.toDoubleArray());
    Tensor divided = (Tensor) realKw("aten.avg_pool2d.default", List.of(x, ints(2, 2)),
        Map.of("divisor_override", 2L));
    assertArrayEquals(new double[] {5}, divided.toDoubleArray());
    assertEquals("divisor must be not zero", assertThrows(TensorError.class,
        () -> realKw("aten.avg_pool2d.default", List.of(x, ints(2)),
            Map.of("divisor_override", 0L))).getMessage());
  }

  @Test
  void poolingErrorsAreATensText() {
    Tensor x = counting(1, 1, 3, 3);
    assertEquals("pad should be at most half of effective kernel size, but got pad=2,"
        + " kernel_size=2 and dilation=1", assertThrows(TensorError.class,
            () -> realKw("aten.max_pool2d.default", List.of(x, ints(2)),
                Map.of("padding", 2L))).getMessage());
    assertEquals("max_pool2d: kernel_size must either be a single int, or a tuple of two ints",
        error("aten.max_pool2d.default", x, ints(1, 2, 3)).getMessage());
    assertEquals("Given input size: (1x3x3). Calculated output size: (1x0x0). Output size is"
        + " too small", error("aten.avg_pool2d.default", x, ints(4)).getMessage());
    assertEquals("non-empty 3D or 4D (batch mode) tensor expected for input",
        error("aten.max_pool2d.default", counting(1, 1, 1, 3, 3), ints(2)).getMessage());
  }

  @Test
  void poolingSizesAreFloorDivisionsOfSymbols() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 2, 3, 13, 11);
      List<?> out = (List<?>) t.call("aten.max_pool2d_with_indices.default", x, ints(2));
      // (h - 2) // 2 + 1 is h // 2
      String half = "[" + x.symSize(0) + ", " + x.symSize(1) + ", " + x.symSize(2).floorDiv(2)
          + ", " + x.symSize(3).floorDiv(2) + "]";
      assertEquals(half, OpTesting.sizes((FakeTensor) out.get(0)));
      assertEquals(DType.INT64, ((FakeTensor) out.get(1)).dtype());
      assertEquals(half, OpTesting.sizes((FakeTensor) t.call("aten.avg_pool2d.default", x,
          ints(2))));
      // sizes of at least 2 make every window count at least 1: nothing to guard
      assertEquals(List.of(), t.guards());
      // a window of 3 can leave no output for a size of 2, which is a guard
      t.call("aten.avg_pool2d.default", x, ints(3), ints(2));
      assertEquals(1, t.guards().size());
    }
  }

  @Test
  void layerNormNormalizesTheTrailingDims() {
    Tensor x = f32(shape(1, 4), 1, 2, 3, 4);
    List<?> out = (List<?>) real("aten.native_layer_norm.default", x, ints(4),
        f32(shape(4), 1, 1, 2, 2), f32(shape(4), 0, 0, 0, 10), 0.0);
    double rstd = 1 / Math.sqrt(1.25);
    double[] expected = {-1.5 * rstd, -0.5 * rstd, 2 * 0.5 * rstd, 2 * 1.5 * rstd + 10};
    assertArrayEquals(expected, ((Tensor) out.get(0)).toDoubleArray(), 1e-6);
    assertArrayEquals(shape(1, 1), ((Tensor) out.get(1)).sizes());
    assertEquals(2.5, ((Tensor) out.get(1)).itemDouble());
    assertEquals(rstd, ((Tensor) out.get(2)).itemDouble(), 1e-6);
    assertEquals("Given normalized_shape=[3], expected input with shape [*, 3], but got input"
        + " of size[1, 4]", error("aten.layer_norm.default", x, ints(3)).getMessage());
    assertEquals("Expected weight to be of same shape as normalized_shape, but got weight of"
        + " shape [3] and normalized_shape = [4]", error("aten.layer_norm.default", x, ints(4),
            f32(shape(3), 1, 1, 1)).getMessage());
    assertEquals("Expected normalized_shape to be at least 1-dimensional, i.e., containing at"
        + " least one element, but got normalized_shape = []",
        error("aten.layer_norm.default", x, ints()).getMessage());
  }

  @Test
  void embeddingSelectsRowsAndChecksIndices() {
    Tensor table = counting(3, 2);
    Tensor ids = Tensor.ofLongs(DType.INT64, shape(2, 2), 2, 0, 1, 1);
    Tensor rows = (Tensor) real("aten.embedding.default", table, ids);
    assertArrayEquals(shape(2, 2, 2), rows.sizes());
    assertArrayEquals(new double[] {5, 6, 1, 2, 3, 4, 3, 4}, rows.toDoubleArray());
    TensorError range = error("aten.embedding.default", table,
        Tensor.ofLongs(DType.INT64, shape(1), 3));
    assertEquals(TensorError.PythonType.INDEX_ERROR, range.pythonType());
    assertEquals("index out of range in self", range.getMessage());
    assertEquals("Expected tensor for argument #1 'indices' to have one of the following scalar"
        + " types: Long, Int; but got torch.FloatTensor instead (while checking arguments for"
        + " embedding)", error("aten.embedding.default", table, table).getMessage());
    assertEquals("'weight' must be 2-D", error("aten.embedding.default", counting(3), ids)
        .getMessage());
  }

  @Test
  void dropoutWithoutTrainingOrDroppingIsAClone() {
    try (OpHarness h = OpHarness.symbolic()) {
      FakeTensor x = h.input(DType.FLOAT32, 2, 5);
      h.call("aten.dropout.default", x, 0.5, false);
      h.call("aten.dropout.default", x, 0.0, true);
      assertEquals(List.of("clone.default", "clone.default"), h.calls());
    }
    try (OpHarness h = OpHarness.real()) {
      // ATen's C++ kernel, without the Python dispatcher, returns the input itself
      Tensor x = counting(2, 5);
      assertSame(x, h.call("aten.dropout.default", x, 0.5, false));
      assertSame(x, h.call("aten.dropout.default", x, 0.0, true));
      assertEquals(List.of(), h.calls());
    }
    assertEquals("dropout probability has to be between 0 and 1, but got 1.5",
        error("aten.dropout.default", counting(2), 1.5, false).getMessage());
    assertTrue(error("aten.dropout.default", counting(2), 0.5, true).getMessage()
        .startsWith("dropout with train=True and p > 0"));
  }

  @Test
  void constantPaddingPadsAndCropsFromTheLastDim() {
    Tensor x = counting(2, 3);
    Tensor out = (Tensor) real("aten.constant_pad_nd.default", x, ints(-1, 1, 1, 0), 9L);
    assertArrayEquals(shape(3, 3), out.sizes());
    assertArrayEquals(new double[] {9, 9, 9, 2, 3, 9, 5, 6, 9}, out.toDoubleArray());
    Tensor bools = (Tensor) real("aten.constant_pad_nd.default",
        Tensor.ofBools(DType.BOOL, shape(1), true), ints(1, 0));
    assertArrayEquals(new boolean[] {false, true}, bools.toBoolArray());
    assertEquals("Length of pad must be even but instead it equals 3",
        error("aten.constant_pad_nd.default", x, ints(1, 1, 1)).getMessage());
    assertEquals("The input size 3, plus negative padding -2 and -2 resulted in a negative"
        + " output size, which is invalid. Check dimension 1 of your input.",
        error("aten.constant_pad_nd.default", x, ints(-2, -2)).getMessage());
    // current ATen checks new_dim >= 0: cropping a dim away leaves it empty
    assertArrayEquals(shape(2, 0),
        ((Tensor) real("aten.constant_pad_nd.default", x, ints(-2, -1))).sizes());
    assertEquals("Unrecognised padding mode wrap", assertThrows(TensorError.class,
        () -> realKw("aten.pad.default", List.of(x, ints(1, 1)), Map.of("mode", "wrap")))
        .getMessage());
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor s = t.input(DType.FLOAT32, 4, 6);
      FakeTensor padded = (FakeTensor) t.call("aten.constant_pad_nd.default", s,
          ints(1, 1, 2, 0), 0.5);
      assertEquals("[" + s.symSize(0) + " + 2, " + s.symSize(1) + " + 2]",
          OpTesting.sizes(padded));
      assertEquals(List.of(), t.guards());
    }
  }

  @Test
  void nllLossSkipsIgnoredTargetsAndWeighsTheMean() {
    Tensor logp = f32(shape(3, 2), -1, -2, -3, -4, -5, -6);
    Tensor target = Tensor.ofLongs(DType.INT64, shape(3), 1, -100, 0);
    Tensor weight = f32(shape(2), 1, 3);
    try (OpHarness h = OpHarness.real()) {
      List<?> none = (List<?>) h.call("aten.nll_loss_forward.default", logp, target, null, 0L,
          -100L);
      assertArrayEquals(new double[] {2, 0, 5}, ((Tensor) none.get(0)).toDoubleArray());
      List<?> mean = (List<?>) h.call("aten.nll_loss_forward.default", logp, target, weight,
          1L, -100L);
      assertEquals((2 * 3 + 5) / 4.0, ((Tensor) mean.get(0)).itemDouble(), 1e-6);
      assertEquals(4.0, ((Tensor) mean.get(1)).itemDouble());
      Tensor sum = (Tensor) h.callKw("aten.nll_loss.default", List.of(logp, target),
          Map.of("reduction", 2L));
      assertEquals(7.0, sum.itemDouble());
      Tensor ignored = Tensor.ofLongs(DType.INT64, shape(3), -100, -100, -100);
      assertTrue(Double.isNaN(((Tensor) h.call("aten.nll_loss.default", logp, ignored))
          .itemDouble()));
      TensorError bounds = assertThrows(TensorError.class, () -> h.call("aten.nll_loss.default",
          logp, Tensor.ofLongs(DType.INT64, shape(3), 0, 2, 0)));
      assertEquals("Target 2 is out of bounds.", bounds.getMessage());
      TensorError batch = assertThrows(TensorError.class, () -> h.call(
          "aten.nll_loss_nd.default", logp, Tensor.ofLongs(DType.INT64, shape(2), 0, 0)));
      assertEquals(TensorError.PythonType.VALUE_ERROR, batch.pythonType());
      assertEquals("Expected input batch_size (3) to match target batch_size (2).",
          batch.getMessage());
    }
  }

  @Test
  void crossEntropyOfOneSampleUsesClassDimZero() {
    Tensor logits = f32(shape(3), 0, 0, 0);
    Tensor target = Tensor.ofLongs(DType.INT64, shape(), 1);
    Tensor loss = (Tensor) real("aten.cross_entropy_loss.default", logits, target);
    assertEquals(Math.log(3), loss.itemDouble(), 1e-6);
  }

  @Test
  void mseLossBroadcastsAndReduces() {
    Tensor a = f32(shape(2, 2), 1, 2, 3, 4);
    Tensor b = f32(shape(2), 1, 0);
    assertArrayEquals(new double[] {0, 4, 4, 16},
        ((Tensor) real("aten.mse_loss.default", a, b, 0L)).toDoubleArray());
    assertEquals(6.0, ((Tensor) real("aten.mse_loss.default", a, b)).itemDouble());
    assertEquals(24.0, ((Tensor) real("aten.mse_loss.default", a, b, 2L)).itemDouble());
    Tensor i = Tensor.ofLongs(DType.INT64, shape(2), 1, 2);
    assertEquals("\"mse_cpu\" not implemented for 'Long'",
        error("aten.mse_loss.default", i, i).getMessage());
  }
}
