package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.ProgramTraces.assertGuardsHold;
import static symtrace.tracer.ops.ProgramTraces.assertTensor;
import static symtrace.tracer.ops.ProgramTraces.code;
import static symtrace.tracer.ops.ProgramTraces.guards;
import static symtrace.tracer.ops.ProgramTraces.run;
import static symtrace.tracer.ops.ProgramTraces.trace;

import org.junit.jupiter.api.Test;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * {@code F.conv1d}/{@code F.conv2d} with a padding string: the {@code padding} overloads and
 * ATen's {@code _convolution_mode}. {@code "valid"} is a convolution with padding {@code [0]};
 * {@code "same"} computes {@code dilation * (kernel - 1)} with traced SymInt arithmetic, gives
 * the floored half to the convolution and, when the total is odd, pads the input on the right
 * first. Expected values are a direct convolution of the data formulas' inputs.
 */
class ConvolutionModeTest {
  private static final String ODD_KERNEL = """
      import torch.nn.functional as F
      def f(x, w):
          return F.conv1d(x, w, padding="same")
      """;

  private static final String DILATED = """
      import torch.nn.functional as F
      def f(x, w):
          return F.conv1d(x, w, padding="same", dilation=3)
      """;

  private static final String TWO_D = """
      import torch.nn.functional as F
      def f(v, k):
          return F.conv2d(v, k, padding="valid"), F.conv2d(v, k, padding="same")
      """;

  @Test
  void sameWithAnOddKernelIsSymmetricPadding() {
    String concrete = """
        def forward(self, x_1, w_1):
            convolution = torch.ops.aten.convolution.default(x_1, w_1, None, [1], [1], [1], False, [0], 1);  x_1 = w_1 = None
            return convolution""";
    assertEquals(concrete, code(trace(ODD_KERNEL, "x=f32[1,2,10] w=f32[4,2,3]", TracingMode.REAL)));
    assertEquals(concrete, code(trace(ODD_KERNEL, "x=f32[1,2,10] w=f32[4,2,3]", TracingMode.FAKE)));
    Trace t = trace(ODD_KERNEL, "x=f32[1,2,10] w=f32[4,2,3]", TracingMode.SYMBOLIC);
    assertEquals("""
        def forward(self, x_1, w_1):
            sym_size_int = torch.ops.aten.sym_size.int(w_1, 2)
            sub = sym_size_int - 1;  sym_size_int = None
            floordiv = sub // 2;  sub = None
            convolution = torch.ops.aten.convolution.default(x_1, w_1, None, [1], [floordiv], [1], False, [0], 1);  x_1 = w_1 = floordiv = None
            return convolution""", code(t));
    // guard_or_false(left == right) guards on the kernel's parity
    assertTrue(guards(t).contains("(((-1) + L['w'].size()[2]) // 2) == ((-1) + L['w'].size()[2]"
        + " + (-1)*(((-1) + L['w'].size()[2]) // 2))"), guards(t).toString());
    assertGuardsHold(t, ODD_KERNEL, "x=f32[1,2,5] w=f32[2,2,3]");
    assertTensor(new long[] {1, 2, 5}, new double[] {-3.125, -1.9375, 6.4375, -6.4375, 3.3125,
        4.8125, -2.375, -4.875, 7.5, -4.125}, run(t, ODD_KERNEL, "x=f32[1,2,5] w=f32[2,2,3]"));
  }

  @Test
  void sameWithAnEvenKernelPadsTheRightSideOfTheInputFirst() {
    assertEquals("""
        def forward(self, x_1, w_1):
            constant_pad_nd = torch.ops.aten.constant_pad_nd.default(x_1, [0, 1]);  x_1 = None
            convolution = torch.ops.aten.convolution.default(constant_pad_nd, w_1, None, [1], [1], [1], False, [0], 1);  constant_pad_nd = w_1 = None
            return convolution""",
        code(trace(ODD_KERNEL, "x=f32[1,2,9] w=f32[3,2,4]", TracingMode.REAL)));
    Trace t = trace(ODD_KERNEL, "x=f32[1,2,9] w=f32[3,2,4]", TracingMode.SYMBOLIC);
    assertEquals("""
        def forward(self, x_1, w_1):
            sym_size_int = torch.ops.aten.sym_size.int(w_1, 2)
            sub = sym_size_int - 1;  sym_size_int = None
            floordiv = sub // 2
            sub_1 = sub - floordiv;  sub = None
            sub_2 = sub_1 - floordiv;  sub_1 = None
            constant_pad_nd = torch.ops.aten.constant_pad_nd.default(x_1, [0, sub_2]);  x_1 = sub_2 = None
            convolution = torch.ops.aten.convolution.default(constant_pad_nd, w_1, None, [1], [floordiv], [1], False, [0], 1);  constant_pad_nd = w_1 = floordiv = None
            return convolution""", code(t));
    assertGuardsHold(t, ODD_KERNEL, "x=f32[1,2,5] w=f32[2,2,4]");
    assertTensor(new long[] {1, 2, 5}, new double[] {-2.1875, -0.375, -1.1875, 0.25, -0.5,
        -3.125, 3.9375, 2.5625, -3.125, 2.6875}, run(t, ODD_KERNEL, "x=f32[1,2,5] w=f32[2,2,4]"));
  }

  @Test
  void dilationMultipliesTheTotalPadding() {
    Trace t = trace(DILATED, "x=f32[1,2,9] w=f32[3,2,2]", TracingMode.SYMBOLIC);
    assertEquals("""
        def forward(self, x_1, w_1):
            sym_size_int = torch.ops.aten.sym_size.int(w_1, 2)
            sub = sym_size_int - 1;  sym_size_int = None
            mul = 3 * sub;  sub = None
            floordiv = mul // 2
            sub_1 = mul - floordiv;  mul = None
            sub_2 = sub_1 - floordiv;  sub_1 = None
            constant_pad_nd = torch.ops.aten.constant_pad_nd.default(x_1, [0, sub_2]);  x_1 = sub_2 = None
            convolution = torch.ops.aten.convolution.default(constant_pad_nd, w_1, None, [1], [floordiv], [3], False, [0], 1);  constant_pad_nd = w_1 = floordiv = None
            return convolution""", code(t));
    assertTensor(new long[] {1, 2, 5}, new double[] {0.3125, 5.6875, 0.4375, -5.375, 2.75,
        -4.5625, -2, -2.875, 3.5625, -2.0625}, run(t, DILATED, "x=f32[1,2,5] w=f32[2,2,2]"));
  }

  @Test
  void twoDimensionsPadLastDimFirst() {
    Trace t = trace(TWO_D, "v=f32[2,1,5,6] k=f32[3,1,2,2]", TracingMode.SYMBOLIC);
    assertEquals("""
        def forward(self, v_1, k_1):
            convolution = torch.ops.aten.convolution.default(v_1, k_1, None, [1, 1], [0], [1, 1], False, [0], 1)
            sym_size_int = torch.ops.aten.sym_size.int(k_1, 2)
            sub = sym_size_int - 1;  sym_size_int = None
            floordiv = sub // 2
            sub_1 = sub - floordiv;  sub = None
            sym_size_int_1 = torch.ops.aten.sym_size.int(k_1, 3)
            sub_2 = sym_size_int_1 - 1;  sym_size_int_1 = None
            floordiv_1 = sub_2 // 2
            sub_3 = sub_2 - floordiv_1;  sub_2 = None
            sub_4 = sub_1 - floordiv;  sub_1 = None
            sub_5 = sub_3 - floordiv_1;  sub_3 = None
            constant_pad_nd = torch.ops.aten.constant_pad_nd.default(v_1, [0, sub_5, 0, sub_4]);  v_1 = sub_5 = sub_4 = None
            convolution_1 = torch.ops.aten.convolution.default(constant_pad_nd, k_1, None, [1, 1], [floordiv, floordiv_1], [1, 1], False, [0, 0], 1);  constant_pad_nd = k_1 = floordiv = floordiv_1 = None
            return (convolution, convolution_1)""", code(t));
    PyTuple out = (PyTuple) run(t, TWO_D, "v=f32[1,1,3,4] k=f32[2,1,2,2]");
    assertTensor(new long[] {1, 2, 2, 3}, new double[] {1.3125, 4.5625, -2.8125, -0.5625, 0.5625,
        3.8125, 0.875, -3.1875, 0.1875, 0.5625, 0.75, -3.3125}, out.get(0));
    assertTensor(new long[] {1, 2, 3, 4}, new double[] {1.3125, 4.5625, -2.8125, -2.25, -0.5625,
        0.5625, 3.8125, -2.6875, 1.4375, -2, 2, -0.3125, 0.875, -3.1875, 0.1875, -0.1875, 0.5625,
        0.75, -3.3125, 2.8125, -2.125, 3, -2.5, 0.375}, out.get(1));
  }

  @Test
  void pytorchsErrorsForStridedSameAndUnknownStrings() {
    for (TracingMode mode : TracingMode.values()) {
      assertEquals("RuntimeError: padding='same' is not supported for strided convolutions",
          error("F.conv1d(x, w, stride=2, padding=\"same\")", mode));
      assertEquals("RuntimeError: Invalid padding string: 'full'",
          error("F.conv1d(x, w, padding=\"full\")", mode));
    }
  }

  private static String error(String call, TracingMode mode) {
    String source = "import torch.nn.functional as F\ndef f(x, w):\n    return " + call + "\n";
    String message = assertThrows(SymtraceException.class,
        () -> trace(source, "x=f32[1,2,9] w=f32[3,2,3]", mode)).getMessage();
    return message.substring(message.indexOf(": ") + 2).lines().findFirst().orElseThrow();
  }
}
