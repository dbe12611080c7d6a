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

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * {@code F.cross_entropy} beyond a 2-d input with class indices: class indices over spatial
 * dims ({@code nll_loss_nd}: {@code nll_loss2d_forward} for a 4-d input, of {@code [N, C, 1, -1]}
 * and {@code [N, 1, -1]} views for the other ranks) and class probabilities (a target shaped
 * like the input: {@code -(log_softmax * target)} summed, divided by the number of samples).
 * Expected values are the loss computed directly from the data formulas' inputs.
 */
class CrossEntropyTargetsTest {
  private static final String SPATIAL = """
      import torch.nn.functional as F
      def f(x, t):
          return F.cross_entropy(x, t)
      """;

  private static final String SPATIAL_UNREDUCED = """
      import torch.nn.functional as F
      def f(x, t):
          return F.cross_entropy(x, t, reduction="none")
      """;

  private static final String PROBABILITIES = """
      import torch.nn.functional as F
      def f(logits, p):
          return F.cross_entropy(logits, F.softmax(p, dim=1))
      """;

  @Test
  void classIndicesOverASpatialDimAreAnNllLoss2dOfFlatViews() {
    String concrete = """
        def forward(self, x_1, t_1):
            _log_softmax = torch.ops.aten._log_softmax.default(x_1, 1, False);  x_1 = None
            view = torch.ops.aten.view.default(_log_softmax, [2, 3, 1, -1]);  _log_softmax = None
            view_1 = torch.ops.aten.view.default(t_1, [2, 1, -1]);  t_1 = None
            nll_loss2d_forward = torch.ops.aten.nll_loss2d_forward.default(view, view_1, None, 1, -100);  view = view_1 = None
            getitem = nll_loss2d_forward[0]
            getitem_1 = nll_loss2d_forward[1];  nll_loss2d_forward = getitem_1 = None
            return getitem""";
    String spec = "x=f32[2,3,4] t=i64[2,4]{0..2}";
    assertEquals(concrete, code(trace(SPATIAL, spec, TracingMode.REAL)));
    assertEquals(concrete, code(trace(SPATIAL, spec, TracingMode.FAKE)));
    Trace t = trace(SPATIAL, spec, TracingMode.SYMBOLIC);
    // nll_loss_nd's size comparisons read x's and t's sizes (the nodes of t's are removed)
    assertEquals("""
        def forward(self, x_1, t_1):
            _log_softmax = torch.ops.aten._log_softmax.default(x_1, 1, False)
            sym_size_int = torch.ops.aten.sym_size.int(x_1, 0)
            sym_size_int_4 = torch.ops.aten.sym_size.int(x_1, 1);  x_1 = None
            view = torch.ops.aten.view.default(_log_softmax, [sym_size_int, sym_size_int_4, 1, -1]);  _log_softmax = sym_size_int_4 = None
            view_1 = torch.ops.aten.view.default(t_1, [sym_size_int, 1, -1]);  t_1 = sym_size_int = None
            nll_loss2d_forward = torch.ops.aten.nll_loss2d_forward.default(view, view_1, None, 1, -100);  view = view_1 = None
            getitem = nll_loss2d_forward[0]
            getitem_1 = nll_loss2d_forward[1];  nll_loss2d_forward = getitem_1 = None
            return getitem""", code(t));
    assertEquals(List.of("L['x'].stride()[0] == L['x'].size()[2]*L['x'].size()[1]",
        "L['x'].stride()[1] == L['x'].size()[2]", "L['x'].stride()[2] == 1",
        "L['x'].storage_offset() == 0", "L['t'].size()[0] == L['x'].size()[0]",
        "L['t'].size()[1] == L['x'].size()[2]", "L['t'].stride()[0] == L['x'].size()[2]",
        "L['t'].stride()[1] == 1", "L['t'].storage_offset() == 0", "2 <= L['x'].size()[0]",
        "2 <= L['x'].size()[1]", "2 <= L['x'].size()[2]"), guards(t));
    assertGuardsHold(t, SPATIAL, "x=f32[3,2,5] t=i64[3,5]{0..1}");
    assertTensor(new long[0], new double[] {0.6387534537481081},
        run(t, SPATIAL, "x=f32[3,2,5] t=i64[3,5]{0..1}"));
  }

  @Test
  void anUnreducedSpatialLossIsViewedBackToTheTargetsShape() {
    Trace t = trace(SPATIAL_UNREDUCED, "x=f32[2,3,4] t=i64[2,4]{0..2}", TracingMode.SYMBOLIC);
    assertEquals("""
        def forward(self, x_1, t_1):
            _log_softmax = torch.ops.aten._log_softmax.default(x_1, 1, False)
            sym_size_int = torch.ops.aten.sym_size.int(x_1, 0)
            sym_size_int_3 = torch.ops.aten.sym_size.int(x_1, 2)
            sym_size_int_4 = torch.ops.aten.sym_size.int(x_1, 1);  x_1 = None
            view = torch.ops.aten.view.default(_log_softmax, [sym_size_int, sym_size_int_4, 1, -1]);  _log_softmax = sym_size_int_4 = None
            view_1 = torch.ops.aten.view.default(t_1, [sym_size_int, 1, -1]);  t_1 = None
            nll_loss2d_forward = torch.ops.aten.nll_loss2d_forward.default(view, view_1, None, 0, -100);  view = view_1 = None
            getitem = nll_loss2d_forward[0]
            getitem_1 = nll_loss2d_forward[1];  nll_loss2d_forward = getitem_1 = None
            view_2 = torch.ops.aten.view.default(getitem, [sym_size_int, sym_size_int_3]);  getitem = sym_size_int = sym_size_int_3 = None
            return view_2""", code(t));
    double a = 0.5759394198788437;
    double b = 0.8259394198788437;
    assertTensor(new long[] {3, 5}, new double[] {a, b, a, b, a, b, a, 0.01814992791780978, a,
        b, a, b, a, b, a}, run(t, SPATIAL_UNREDUCED, "x=f32[3,2,5] t=i64[3,5]{0..1}"));
  }

  @Test
  void aFourDimensionalInputIsNllLoss2dWithItsWeightAndIgnoredClass() {
    String source = """
        import torch.nn.functional as F
        def f(y, u, w):
            return F.cross_entropy(y, u, weight=w, ignore_index=1, reduction="sum")
        """;
    Trace t = trace(source, "y=f32[2,3,4,5] u=i64[2,4,5]{0..2} w=f32[3]",
        TracingMode.SYMBOLIC);
    assertEquals("""
        def forward(self, y_1, u_1, w_1):
            _log_softmax = torch.ops.aten._log_softmax.default(y_1, 1, False);  y_1 = None
            nll_loss2d_forward = torch.ops.aten.nll_loss2d_forward.default(_log_softmax, u_1, w_1, 2, 1);  _log_softmax = u_1 = w_1 = None
            getitem = nll_loss2d_forward[0]
            getitem_1 = nll_loss2d_forward[1];  nll_loss2d_forward = getitem_1 = None
            return getitem""", code(t));
    String eval = "y=f32[2,3,2,2] u=i64[2,2,2]{0..2} w=f32[3]";
    assertGuardsHold(t, source, eval);
    assertTensor(new long[0], new double[] {-7.550185065088554}, run(t, source, eval));
  }

  @Test
  void classProbabilitiesAreALogSoftmaxTimesTheTargetOverTheSampleCount() {
    assertEquals("""
        def forward(self, logits_1, p_1):
            _softmax = torch.ops.aten._softmax.default(p_1, 1, False);  p_1 = None
            _log_softmax = torch.ops.aten._log_softmax.default(logits_1, 1, False);  logits_1 = None
            mul = torch.ops.aten.mul.Tensor(_log_softmax, _softmax);  _log_softmax = _softmax = None
            sum_1 = torch.ops.aten.sum.default(mul);  mul = None
            neg = torch.ops.aten.neg.default(sum_1);  sum_1 = None
            div = torch.ops.aten.div.Scalar(neg, 4);  neg = None
            return div""",
        code(trace(PROBABILITIES, "logits=f32[4,3] p=f32[4,3]", TracingMode.FAKE)));
    Trace t = trace(PROBABILITIES, "logits=f32[4,3] p=f32[4,3]", TracingMode.SYMBOLIC);
    // the sample count is numel // n_classes, SymInt arithmetic on the log-softmax's numel
    assertEquals("""
        def forward(self, logits_1, p_1):
            _softmax = torch.ops.aten._softmax.default(p_1, 1, False);  p_1 = None
            sym_size_int_2 = torch.ops.aten.sym_size.int(logits_1, 1)
            _log_softmax = torch.ops.aten._log_softmax.default(logits_1, 1, False);  logits_1 = None
            sym_numel_default = torch.ops.aten.sym_numel.default(_log_softmax)
            mul = torch.ops.aten.mul.Tensor(_log_softmax, _softmax);  _log_softmax = _softmax = None
            sum_1 = torch.ops.aten.sum.default(mul);  mul = None
            neg = torch.ops.aten.neg.default(sum_1);  sum_1 = None
            floordiv = sym_numel_default // sym_size_int_2;  sym_numel_default = sym_size_int_2 = None
            div = torch.ops.aten.div.Scalar(neg, floordiv);  neg = floordiv = None
            return div""", code(t));
    assertGuardsHold(t, PROBABILITIES, "logits=f32[3,4] p=f32[3,4]");
    assertTensor(new long[0], new double[] {1.7084316821299765},
        run(t, PROBABILITIES, "logits=f32[3,4] p=f32[3,4]"));
  }

  @Test
  void labelSmoothingMixesTheProbabilitiesWithAUniformOne() {
    String source = """
        import torch.nn.functional as F
        def f(logits, p):
            a = F.cross_entropy(logits, p, reduction="none")
            return a, F.cross_entropy(logits, p, label_smoothing=0.25)
        """;
    Trace t = trace(source, "logits=f32[4,3] p=f32[4,3]", TracingMode.SYMBOLIC);
    assertEquals("""
        def forward(self, logits_1, p_1):
            sym_size_int_2 = torch.ops.aten.sym_size.int(logits_1, 1)
            _log_softmax = torch.ops.aten._log_softmax.default(logits_1, 1, False)
            mul = torch.ops.aten.mul.Tensor(_log_softmax, p_1);  _log_softmax = None
            sum_1 = torch.ops.aten.sum.dim_IntList(mul, [1]);  mul = None
            neg = torch.ops.aten.neg.default(sum_1);  sum_1 = None
            _log_softmax_1 = torch.ops.aten._log_softmax.default(logits_1, 1, False);  logits_1 = None
            mul_1 = torch.ops.aten.mul.Scalar(p_1, 0.75);  p_1 = None
            sym_float = torch.sym_float(sym_size_int_2)
            truediv = 0.25 / sym_float;  sym_float = None
            add = torch.ops.aten.add.Scalar(mul_1, truediv);  mul_1 = truediv = None
            sym_numel_default = torch.ops.aten.sym_numel.default(_log_softmax_1)
            mul_2 = torch.ops.aten.mul.Tensor(_log_softmax_1, add);  _log_softmax_1 = add = None
            sum_2 = torch.ops.aten.sum.default(mul_2);  mul_2 = None
            neg_1 = torch.ops.aten.neg.default(sum_2);  sum_2 = None
            floordiv = sym_numel_default // sym_size_int_2;  sym_numel_default = sym_size_int_2 = None
            div = torch.ops.aten.div.Scalar(neg_1, floordiv);  neg_1 = floordiv = None
            return (neg, div)""", code(t));
    PyTuple out = (PyTuple) run(t, source, "logits=f32[3,4] p=f32[3,4]");
    assertTensor(new long[] {3}, new double[] {-4.879741271528395, -0.9136268791155836,
        -0.030809686894025523}, out.get(0));
    assertTensor(new long[0], new double[] {-0.9559670144989217}, out.get(1));
  }

  @Test
  void classWeightsScaleEachProbability() {
    String source = """
        import torch.nn.functional as F
        def f(logits, p, w):
            p = F.softmax(p, dim=1)
            a = F.cross_entropy(logits, p, weight=w.abs(), reduction="sum")
            return a, F.cross_entropy(logits, p, weight=w.abs())
        """;
    Trace t = trace(source, "logits=f32[4,3] p=f32[4,3] w=f32[3]", TracingMode.SYMBOLIC);
    String eval = "logits=f32[3,4] p=f32[3,4] w=f32[4]";
    assertGuardsHold(t, source, eval);
    PyTuple out = (PyTuple) run(t, source, eval);
    assertTensor(new long[0], new double[] {4.428625529516482}, out.get(0));
    assertTensor(new long[0], new double[] {1.4762085098388271}, out.get(1));
  }

  @Test
  void pytorchsErrorsForTargetsThatFitNeitherForm() {
    for (TracingMode mode : TracingMode.values()) {
      assertEquals("RuntimeError: Expected floating point type for target with class"
          + " probabilities, got Long",
          error("F.cross_entropy(x, x.long())", "x=f32[2,3] t=i64[2]", mode));
      assertEquals("RuntimeError: ignore_index is not supported for floating point target",
          error("F.cross_entropy(x, x, ignore_index=1)", "x=f32[2,3] t=i64[2]", mode));
    }
    assertEquals("RuntimeError: Expected target size [2, 4], got [2, 5]",
        error("F.cross_entropy(x, t)", "x=f32[2,3,4] t=i64[2,5]", TracingMode.REAL));
    assertEquals("RuntimeError: Expected target size [s75, s7], got [s75, s9]",
        error("F.cross_entropy(x, t)", "x=f32[2,3,4] t=i64[2,5]", TracingMode.SYMBOLIC));
    // eager checks the sizes in the CPU kernel, fake tensors in the decomposition's gather
    assertEquals("RuntimeError: size mismatch (got input: [2, 3, 4, 5] , target: [2, 4, 6]",
        error("F.cross_entropy(x, t)", "x=f32[2,3,4,5] t=i64[2,4,6]{0..2}", TracingMode.REAL));
    assertEquals("RuntimeError: Size does not match at dimension 3 expected index [2, 1, 4, 6]"
        + " to be no larger than self [2, 3, 4, 5] apart from dimension 1",
        error("F.cross_entropy(x, t)", "x=f32[2,3,4,5] t=i64[2,4,6]{0..2}", TracingMode.FAKE));
    assertEquals("IndexError: Target 3 is out of bounds.",
        error("F.cross_entropy(x, t)", "x=f32[2,3,4,5] t=i64[2,4,5]{0..3}", TracingMode.REAL));
  }

  private static String error(String call, String specs, TracingMode mode) {
    String source = "import torch.nn.functional as F\ndef f(x, t):\n    return " + call + "\n";
    String message = assertThrows(SymtraceException.class, () -> trace(source, specs, mode),
        call + " " + mode).getMessage();
    return message.substring(message.indexOf(": ") + 2).lines().findFirst().orElseThrow();
  }

  /**
   * Label smoothing with class indices ({@code cross_entropy_loss_label_smoothing}), the values
   * of PyTorch's formula computed independently: x = f32[4,3], t = [0, 1, 2, 0],
   * w = [-0.5, 1.25, -1.25] from the input formulas.
   */
  @Test
  void labelSmoothingWithClassIndicesInEveryReduction() {
    String source = """
        import torch.nn.functional as F
        def f(x, t, w):
            a = F.cross_entropy(x, t, label_smoothing=0.1)
            b = F.cross_entropy(x, t, weight=w, label_smoothing=0.2, reduction="sum")
            c = F.cross_entropy(x, t, weight=w, label_smoothing=0.2, ignore_index=1)
            d = F.cross_entropy(x, t, label_smoothing=0.3, reduction="none")
            return a, b, c, d
        """;
    String spec = "x=f32[4,3] t=i64[4]{0..2} w=f32[3]";
    double[][] expected = {{1.7622636}, {-4.5451123}, {1.9994095},
        {3.1606255, 0.6528198, 2.4028198, 0.7661228}};
    for (TracingMode mode : List.of(TracingMode.REAL, TracingMode.FAKE, TracingMode.SYMBOLIC)) {
      Trace t = trace(source, spec, mode);
      List<?> out = (List<?>) run(t, source, spec);
      for (int k = 0; k < expected.length; k++) {
        Tensor v = (Tensor) out.get(k);
        for (int i = 0; i < expected[k].length; i++) {
          assertEquals(expected[k][i], v.contiguous().storage().getDouble(i), 1e-5,
              mode + " result " + k + "[" + i + "]");
        }
      }
    }
    Trace symbolic = trace(source, spec, TracingMode.SYMBOLIC);
    assertTrue(code(symbolic).contains("torch.ops.aten.bitwise_not.default"), code(symbolic));
    assertTrue(code(symbolic).contains("torch.ops.aten.gather.default(w_1, 0,"), code(symbolic));
  }
}
