package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.trace.MakeFxCases.assertGraphMatchesEager;
import static symtrace.tracer.trace.MakeFxCases.bindSymbols;
import static symtrace.tracer.trace.MakeFxCases.calls;
import static symtrace.tracer.trace.MakeFxCases.code;
import static symtrace.tracer.trace.MakeFxCases.evalGuards;
import static symtrace.tracer.trace.MakeFxCases.fresh;
import static symtrace.tracer.trace.MakeFxCases.program;
import static symtrace.tracer.trace.MakeFxCases.showGuards;
import static symtrace.tracer.trace.MakeFxCases.symbolic;
import static symtrace.tracer.trace.MakeFxCases.testDynamic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.symbolic.env.GuardProducer;
import symtrace.symbolic.env.Placeholder;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.OpTesting;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * PyTorch's symbolic make_fx tests ({@code make_fx(f, tracing_mode="symbolic")} in {@code
 * test/test_proxy_tensor.py}, section 4.2 of pytorch-semantics.md) with their expected code,
 * guards and values. Symbols are named from make_fx's {@code input<i>} sources, as PyTorch's:
 * {@code s75}, {@code s96} for the first input's sizes, {@code s57} for the second's first.
 */
class MakeFxSymbolicCasesTest {
  /** T28 {@code test_int_input}: a Python int becomes a SymInt placeholder. */
  @Test
  void intInput() {
    Trace t = symbolic("""
        def f(x, y: int):
            return x.view(y)
        """, "x=f32[3,4] y=int=12");
    assertEquals("""
        def forward(self, x_1, y_1):
            view = torch.ops.aten.view.default(x_1, [y_1]);  x_1 = y_1 = None
            return view""", code(t));
  }

  private static final String UNARY = """
      def f(x):
          assert x.shape[0] < 20
          return x.cos()
      """;

  /** T32 {@code test_unary}. */
  @Test
  void unary() {
    Trace t = testDynamic(UNARY, "x=f32[3,4]", "x=f32[2,5]", "x=f32[6,8]");
    assertTrue(evalGuards(t, UNARY, "x=f32[4,5]"));
    assertEquals("{s75: 4, s96: 5}", bindSymbols(t, UNARY, "x=f32[4,5]"));
    assertFalse(evalGuards(t, UNARY, "x=f32[25,5]"));
    assertEquals("L['x'].size()[0] <= 19", showGuards(t));
  }

  /** T38 {@code test_arange_unbacked_output_size}: a tensor bound is read with item(). */
  @Test
  void arangeUnbackedOutputSize() {
    Trace t = symbolic("""
        def f(x):
            return torch.arange(0, x)
        """, "x=i64[]{10..10}");
    assertEquals("""
        def forward(self, x_1):
            _local_scalar_dense = torch.ops.aten._local_scalar_dense.default(x_1);  x_1 = None
            arange = torch.ops.aten.arange.start(0, _local_scalar_dense, device = device(type='cpu'), pin_memory = False);  _local_scalar_dense = None
            return arange""", code(t));
  }

  /** T40 {@code test_binary_broadcast}: broadcasting against a static 1 needs no guard. */
  @Test
  void binaryBroadcast() {
    Trace t = testDynamic("""
        def f(a, b):
            return a * b
        """, "a=f32[1,2] b=f32[3,1]", "a=f32[1,5] b=f32[3,1]", "a=f32[1,4] b=f32[4,1]");
    assertEquals(0, t.shapeEnv().guards().size());
  }

  /** T41 {@code test_multiply_shape}. */
  @Test
  void multiplyShape() {
    Trace t = symbolic("""
        def f(a):
            return torch.empty(a.shape[0] * 2)
        """, "a=f32[4]");
    assertEquals("""
        def forward(self, a_1):
            sym_size_int = torch.ops.aten.sym_size.int(a_1, 0);  a_1 = None
            mul = sym_size_int * 2;  sym_size_int = None
            empty = torch.ops.aten.empty.memory_format([mul], device = device(type='cpu'), pin_memory = False);  mul = None
            return empty""", code(t));
  }

  /** T42 {@code test_item}: a float item is an unbacked SymFloat. */
  @Test
  void item() {
    Trace t = symbolic("""
        def f(a):
            r = a.item()
            return r * a
        """, "a=f32[1]");
    assertEquals("""
        def forward(self, a_1):
            _local_scalar_dense = torch.ops.aten._local_scalar_dense.default(a_1)
            mul = torch.ops.aten.mul.Tensor(a_1, _local_scalar_dense);  a_1 = _local_scalar_dense = None
            return mul""", code(t));
  }

  /**
   * T43 {@code test_tensor_symfloat}: the SymFloat is specialized into a float32 constant
   * ({@code assert r.dtype is torch.float} written with {@code ==}, the language having no
   * {@code is}).
   */
  @Test
  void tensorSymfloat() {
    Trace t = symbolic("""
        def f(a):
            r = torch.tensor(a.size(0) ** 2.0)
            assert r.dtype == torch.float
            return r
        """, "a=f32[2]");
    assertEquals("""
        def forward(self, a_1):
            _tensor_constant0 = self._tensor_constant0
            lift_fresh_copy = torch.ops.aten.lift_fresh_copy.default(_tensor_constant0);  _tensor_constant0 = None
            return lift_fresh_copy""", code(t));
    Tensor constant = t.module().attributes().get("_tensor_constant0");
    assertEquals(DType.FLOAT32, constant.dtype());
    assertEquals(0, constant.dim());
    assertEquals(4.0, constant.getDouble());
  }

  /** T44 {@code test_item_to_constructor}. */
  @Test
  void itemToConstructor() {
    Trace t = symbolic("""
        def f(a):
            r = a.item()
            return torch.empty(r)
        """, "a=i64[1]{0..4}");
    assertEquals("""
        def forward(self, a_1):
            _local_scalar_dense = torch.ops.aten._local_scalar_dense.default(a_1);  a_1 = None
            empty = torch.ops.aten.empty.memory_format([_local_scalar_dense], device = device(type='cpu'), pin_memory = False);  _local_scalar_dense = None
            return empty""", code(t));
  }

  /** T45 {@code test_setitem_symint}. */
  @Test
  void setitemSymint() {
    Trace t = symbolic("""
        def f(x):
            x[0] = x.size(0)
            return x
        """, "x=f32[10]");
    assertEquals("""
        def forward(self, x_1):
            sym_size_int = torch.ops.aten.sym_size.int(x_1, 0)
            scalar_tensor = torch.ops.aten.scalar_tensor.default(sym_size_int, dtype = torch.float32, layout = torch.strided, device = device(type='cpu'));  sym_size_int = None
            select = torch.ops.aten.select.int(x_1, 0, 0)
            copy_ = torch.ops.aten.copy_.default(select, scalar_tensor);  select = scalar_tensor = copy_ = None
            return x_1""", code(t));
  }

  /** T46 {@code test_dynamic_pointwise_scalar}. */
  @Test
  void dynamicPointwiseScalar() {
    Trace t = symbolic("""
        def f(gravity, mask):
            gravity[mask, 0] = gravity[mask, 0] * -1
        """, "gravity=f32[12,4] mask=bool[12]");
    assertEquals("""
        def forward(self, gravity_1, mask_1):
            select = torch.ops.aten.select.int(gravity_1, 1, 0)
            index = torch.ops.aten.index.Tensor(select, [mask_1]);  select = None
            mul = torch.ops.aten.mul.Tensor(index, -1);  index = None
            select_1 = torch.ops.aten.select.int(gravity_1, 1, 0);  gravity_1 = None
            index_put_ = torch.ops.aten.index_put_.default(select_1, [mask_1], mul);  select_1 = mask_1 = mul = index_put_ = None
            return None""", code(t));
  }

  /** T47 {@code test_boolean_index}: flip of an unbacked-size index result, put back. */
  @Test
  void booleanIndex() {
    Trace t = symbolic("""
        def f(images, handedness, valid):
            images = images[valid]
            handedness = handedness[valid]
            right_hand_mask = handedness == 1
            images[right_hand_mask] = images[right_hand_mask].flip(-1)
        """, "images=i64[512,1,96,96]{0..255} handedness=i64[512]{0..0} valid=bool[512]");
    assertEquals("""
        def forward(self, images_1, handedness_1, valid_1):
            index = torch.ops.aten.index.Tensor(images_1, [valid_1]);  images_1 = None
            index_1 = torch.ops.aten.index.Tensor(handedness_1, [valid_1]);  handedness_1 = valid_1 = None
            eq = torch.ops.aten.eq.Scalar(index_1, 1);  index_1 = None
            index_2 = torch.ops.aten.index.Tensor(index, [eq])
            flip = torch.ops.aten.flip.default(index_2, [-1]);  index_2 = None
            index_put_ = torch.ops.aten.index_put_.default(index, [eq], flip);  index = eq = flip = index_put_ = None
            return None""", code(t));
  }

  /** T48 {@code test_neg_shape}. */
  @Test
  void negShape() {
    Trace t = symbolic("""
        def f(a):
            return torch.empty(-a.shape[0] + 10)
        """, "a=f32[2]");
    assertEquals("""
        def forward(self, a_1):
            sym_size_int = torch.ops.aten.sym_size.int(a_1, 0);  a_1 = None
            neg = -sym_size_int;  sym_size_int = None
            add = neg + 10;  neg = None
            empty = torch.ops.aten.empty.memory_format([add], device = device(type='cpu'), pin_memory = False);  add = None
            return empty""", code(t));
  }

  /** T49 {@code test_unbacked_unification}: (u0,) + (s,) broadcasts without an error. */
  @Test
  void unbackedUnification() {
    Trace t = symbolic("""
        def f(x, y):
            z = torch.zeros(x.item())
            return z + y
        """, "x=i64[]{10..10} y=f32[10]");
    assertEquals("""
        def forward(self, x_1, y_1):
            _local_scalar_dense = torch.ops.aten._local_scalar_dense.default(x_1);  x_1 = None
            zeros = torch.ops.aten.zeros.default([_local_scalar_dense], device = device(type='cpu'), pin_memory = False);  _local_scalar_dense = None
            add = torch.ops.aten.add.Tensor(zeros, y_1);  zeros = y_1 = None
            return add""", code(t));
  }

  /** T50 {@code test_reshape_divisibility_unbacked}: the -1 is solved through divisibility. */
  @Test
  void reshapeDivisibilityUnbacked() {
    Trace t = symbolic("""
        def f(x):
            i0 = x.item()
            r = torch.zeros(i0, 4, 20)
            r = r.transpose(2, 1)
            return r.reshape(-1, 80)
        """, "x=i64[]{24..24}");
    TensorValue out = (TensorValue) t.module().graph().outputNode().inputs().get(0).val();
    assertEquals("[u0, 80]", out.symSizes().toString());
  }

  /**
   * T51 {@code test_unbacked_unify_guard}: after {@code torch._check} the unbacked size is the
   * input's, so {@code z.size(0) == 4} is an ordinary guard, false.
   */
  @Test
  void unbackedUnifyGuard() {
    Trace t = symbolic("""
        def f(x, y):
            z = torch.zeros(x.item())
            torch._check(z.size(0) == y.size(0))
            if z.size(0) == 4:
                return y * 2
            else:
                return y + 2
        """, "x=i64[]{10..10} y=f32[10]");
    assertEquals("""
        def forward(self, x_1, y_1):
            _local_scalar_dense = torch.ops.aten._local_scalar_dense.default(x_1);  x_1 = None
            zeros = torch.ops.aten.zeros.default([_local_scalar_dense], device = device(type='cpu'), pin_memory = False);  _local_scalar_dense = zeros = None
            add = torch.ops.aten.add.Tensor(y_1, 2);  y_1 = None
            return add""", code(t));
  }

  /**
   * T53 {@code test_split_unbacked_sizes}, the list comprehension written as a loop of appends
   * (the language has no comprehensions); the input size 3 is specialized by {@code range}.
   */
  @Test
  void splitUnbackedSizes() {
    Trace t = symbolic("""
        def f(lengths, values):
            sizes = []
            for i in range(lengths.size(0)):
                sizes.append(lengths[i].item())
            return torch.split(values, sizes)
        """, "lengths=i64[3]{2..4} values=f32[9]");
    assertEquals("""
        def forward(self, lengths_1, values_1):
            select = torch.ops.aten.select.int(lengths_1, 0, 0)
            _local_scalar_dense = torch.ops.aten._local_scalar_dense.default(select);  select = None
            select_1 = torch.ops.aten.select.int(lengths_1, 0, 1)
            _local_scalar_dense_1 = torch.ops.aten._local_scalar_dense.default(select_1);  select_1 = None
            select_2 = torch.ops.aten.select.int(lengths_1, 0, 2);  lengths_1 = None
            _local_scalar_dense_2 = torch.ops.aten._local_scalar_dense.default(select_2);  select_2 = None
            split_with_sizes = torch.ops.aten.split_with_sizes.default(values_1, [_local_scalar_dense, _local_scalar_dense_1, _local_scalar_dense_2]);  values_1 = _local_scalar_dense = _local_scalar_dense_1 = _local_scalar_dense_2 = None
            getitem = split_with_sizes[0]
            getitem_1 = split_with_sizes[1]
            getitem_2 = split_with_sizes[2];  split_with_sizes = None
            return (getitem, getitem_1, getitem_2)""", code(t));
  }

  /** T55 {@code test_sqrt_size}: an int size to a float power goes through sym_float. */
  @Test
  void sqrtSize() {
    Trace t = symbolic("""
        def f(a):
            return a / a.size(-1) ** 0.5
        """, "a=f32[4]");
    assertEquals("""
        def forward(self, a_1):
            sym_size_int = torch.ops.aten.sym_size.int(a_1, 0)
            sym_float = torch.sym_float(sym_size_int);  sym_size_int = None
            pow_1 = sym_float ** 0.5;  sym_float = None
            div = torch.ops.aten.div.Tensor(a_1, pow_1);  a_1 = pow_1 = None
            return div""", code(t));
  }

  /** T56 {@code test_symint_to_tensor}, without decompositions. */
  @Test
  void symintToTensor() {
    Trace t = symbolic("""
        def f(a):
            return a / a.shape[0]
        """, "a=f32[4]");
    assertEquals("""
        def forward(self, a_1):
            sym_size_int = torch.ops.aten.sym_size.int(a_1, 0)
            div = torch.ops.aten.div.Tensor(a_1, sym_size_int);  a_1 = sym_size_int = None
            return div""", code(t));
  }

  private static final String CAT = """
      def f(a, b):
          val = torch.mul(a, b)
          out = torch.cat([val, val])
          if out.shape[0] * out.shape[1] > 20:
              out = out.cos()
          return out
      """;

  /** T57 {@code test_cat}: the factors follow symbol-name order ({@code s57 < s96}). */
  @Test
  void cat() {
    Trace t = testDynamic(CAT, "a=f32[1,6] b=f32[8,1]", "a=f32[1,5] b=f32[6,1]",
        "a=f32[1,4] b=f32[3,1]");
    assertTrue(evalGuards(t, CAT, "a=f32[1,10] b=f32[6,1]"));
    assertFalse(evalGuards(t, CAT, "a=f32[1,2] b=f32[4,1]"));
    assertEquals("2*L['b'].size()[0]*L['a'].size()[1] > 20", showGuards(t));
  }

  /** The output's kind and shape, what a test of uninitialized memory can compare. */
  private static String shapeOf(Object result) {
    ObjectNode out = ProgramRunner.output(result);
    return out.path("kind").asText() + out.path("shape");
  }

  /** T58 {@code test_new_empty}: traced at one shape, right shapes at others. */
  @Test
  void newEmpty() {
    ProgramRunner r = program("""
        def f(a, b):
            return a.new_empty(b.shape[0], b.shape[1] * 2)
        """);
    Trace t = r.trace(r.inputs("a=f32[2,4] b=f32[4,5]"), TracingMode.SYMBOLIC);
    for (String spec : List.of("a=f32[2,3] b=f32[5,7]", "a=f32[3,7] b=f32[9,3]")) {
      ProgramRunner.Inputs in = fresh(r, spec, 1);
      assertEquals(shapeOf(r.eager(in)), shapeOf(ProgramRunner.runGraph(t.module(), in)));
    }
    assertEquals("tensor[9,6]", shapeOf(ProgramRunner.runGraph(t.module(),
        fresh(r, "a=f32[3,7] b=f32[9,3]", 1))));
  }

  private static final String EXPAND = """
      def f(a):
          b = torch.mul(a, a)
          return b.expand(a.shape)
      """;

  /** T58 {@code test_expand}, traced at (3,). */
  @Test
  void expand() {
    testDynamic(EXPAND, "a=f32[3]", "a=f32[3]", "a=f32[4]", "a=f32[2]");
  }

  /** T58 {@code test_expand}, traced at (5, 1). */
  @Test
  void expandWithASizeOneDimension() {
    testDynamic(EXPAND, "a=f32[5,1]", "a=f32[4,1]", "a=f32[3,1]", "a=f32[6,1]");
  }

  /** T58 {@code test_rmethod}: {@code x.size(0) + x}. */
  @Test
  void rmethod() {
    testDynamic("""
        def f(x):
            return x.size(0) + x
        """, "x=f32[5]", "x=f32[4]", "x=f32[12]");
  }

  /** T58 {@code test_return_symint}: a Python int and float come back at run time. */
  @Test
  void returnSymint() {
    String source = """
        def f(x):
            return x.shape[0], x.cos(), x.shape[0] / 5
        """;
    Trace t = testDynamic(source, "x=f32[5]", "x=f32[4]", "x=f32[12]");
    ProgramRunner r = program(source);
    ObjectNode out = ProgramRunner.output(ProgramRunner.runGraph(t.module(),
        fresh(r, "x=f32[12]", 1)));
    assertEquals("{\"kind\":\"int\",\"value\":12}", out.path("items").get(0).toString());
    assertEquals("{\"kind\":\"float\",\"value\":2.4}", out.path("items").get(2).toString());
  }

  /** T58 {@code test_return_shape}. */
  @Test
  void returnShape() {
    testDynamic("""
        def f(x):
            return x.shape
        """, "x=f32[5,3]", "x=f32[4,6]");
  }

  /** T60 {@code test_fake_tensor_as_size}: a tensor in a size list is read with item(). */
  @Test
  void fakeTensorAsSize() {
    Trace t = symbolic("""
        def f(x):
            return torch.zeros([x])
        """, "x=i64[]{4..4}");
    assertEquals("""
        def forward(self, x_1):
            _local_scalar_dense = torch.ops.aten._local_scalar_dense.default(x_1);  x_1 = None
            zeros = torch.ops.aten.zeros.default([_local_scalar_dense], device = device(type='cpu'), pin_memory = False);  _local_scalar_dense = None
            return zeros""", code(t));
  }

  /** T61 {@code test_metadata}: the new tensor's size is the add node's value. */
  @Test
  void metadata() {
    Trace t = symbolic("""
        def f(a, b):
            return a.new_empty(a.shape[0] + b.shape[0])
        """, "a=f32[5] b=f32[4]");
    TensorValue empty = (TensorValue) calls(t, "aten.new_empty.default").get(0).val();
    SymInt sum = (SymInt) calls(t, "operator.add").get(0).val();
    assertEquals(sum.expr(), empty.symSize(0).expr());
    assertEquals("s57 + s75", sum.expr().toString());
  }

  /** T62 {@code test_metadata_fresh}: the later guard specializes the earlier values too. */
  @Test
  void metadataFresh() {
    Trace t = symbolic("""
        def f(x):
            assert x.shape[0] == 3
            return x.cos()
        """, "x=f32[3]");
    ShapeEnv env = t.shapeEnv();
    TensorValue cos = (TensorValue) calls(t, "aten.cos.default").get(0).val();
    TensorValue placeholder = (TensorValue) t.module().graph().iterator().next().val();
    assertEquals("3", env.simplify(cos.symSize(0).expr()).toString());
    assertEquals("3", env.simplify(placeholder.symSize(0).expr()).toString());
  }

  /** T63 {@code test_elementwise_meta_with_sym_numbers}: add's value is 0-dim of this dtype. */
  @ParameterizedTest
  @CsvSource({"float=2.0, false, float32", "int=2, false, int64", "int=2, true, float32"})
  void elementwiseMetaWithSymNumbers(String offset, boolean asSymFloat, String dtype) {
    Trace t = symbolic("""
        def f(x, offset, as_sym_float=False):
            x0 = x.size()[0]
            if as_sym_float:
                x0 = torch.sym_float(x0)
            return torch.add(x0, offset)
        """, "x=f32[2,3] offset=" + offset + " as_sym_float=bool=" + asSymFloat);
    TensorValue add = (TensorValue) calls(t, "aten.add.Tensor").get(0).val();
    assertEquals(0, add.dim());
    assertEquals(dtype, add.dtype().pytorchName());
  }

  private static final String MEGA_GUARD = """
      def f(a, b):
          assert a.shape[0] == b.shape[0] * 2
          return a.cos()
      """;

  /** T64 {@code test_mega_guard}, {@code ignore_static=False}. */
  @Test
  void megaGuard() {
    Trace t = symbolic(MEGA_GUARD, "a=f32[16] b=f32[8]");
    assertEquals(List.of("L['a'].size()[0] == 2*L['b'].size()[0]", "L['a'].stride()[0] == 1",
        "L['a'].storage_offset() == 0", "L['b'].stride()[0] == 1",
        "L['b'].storage_offset() == 0", "2 <= L['b'].size()[0]"), produceGuards(t, false));
  }

  /** T64 {@code test_mega_guard}, {@code ignore_static=True}. */
  @Test
  void megaGuardIgnoringStatic() {
    Trace t = symbolic(MEGA_GUARD, "a=f32[16] b=f32[8]");
    assertEquals(List.of("L['a'].size()[0] == 2*L['b'].size()[0]", "2 <= L['b'].size()[0]"),
        produceGuards(t, true));
  }

  /** {@code produce_guards(fx_placeholder_vals(gm), [LocalSource(...)], ignore_static=...)}. */
  private static List<String> produceGuards(Trace t, boolean ignoreStatic) {
    List<Placeholder> placeholders = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < t.tracedInputs().size(); i++) {
      TensorValue v = (TensorValue) t.tracedInputs().get(i);
      placeholders.add(new Placeholder.Tensor(v.symSizes(), v.symStrides(),
          v.symStorageOffset()));
      sources.add(Source.local(t.inputNames().get(i)));
    }
    return new GuardProducer(t.shapeEnv()).produce(placeholders, sources, false, ignoreStatic)
        .python();
  }

  /** T65 range refinement: the asserted bounds are printed as refined ranges. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      assert a.shape[0] > 5 and a.shape[0] > 12 | a=f32[15] | 13 <= L['a'].size()[0]
      assert a.shape[0] < 20 and a.shape[0] < 30 | a=f32[15] | L['a'].size()[0] <= 19
      """)
  void rangeRefinement(String assertion, String input, String guards) {
    Trace t = symbolic("def f(a):\n    " + assertion + "\n    return a.cos()\n", input);
    assertEquals(guards, showGuards(t));
  }

  /** T65 {@code up_multi}. */
  @Test
  void rangeRefinementUpMulti() {
    Trace t = symbolic("""
        def f(a):
            assert a.shape[0] > 5 and a.shape[0] > 12
            assert a.shape[1] > 5 and a.shape[1] > a.shape[0]
            return a.cos()
        """, "a=f32[15,20]");
    assertEquals("L['a'].size()[1] > L['a'].size()[0]\n13 <= L['a'].size()[0]\n"
        + "14 <= L['a'].size()[1]", showGuards(t));
  }

  /** T65 {@code low_multi}. */
  @Test
  void rangeRefinementLowMulti() {
    Trace t = symbolic("""
        def f(a):
            assert a.shape[0] < 20 and a.shape[0] < 30
            assert a.shape[1] < 30 and a.shape[1] < a.shape[0]
            return a.cos()
        """, "a=f32[15,5]");
    assertEquals("L['a'].size()[1] < L['a'].size()[0]\n3 <= L['a'].size()[0] and "
        + "L['a'].size()[0] <= 19\nL['a'].size()[1] <= 18", showGuards(t));
  }

  /**
   * T66 {@code test_sym_storage_offset}: an input with storage offset 3 gets a symbol for it,
   * so the graph is right for a fresh such input.
   */
  @Test
  void symStorageOffset() {
    ProgramRunner r = program("""
        def f(x, y):
            return x + y
        """);
    Tensor x = OpTesting.data(DType.FLOAT32, 0, 8).slice(0, 3L, null, 1);
    Tensor y = OpTesting.data(DType.FLOAT32, 1, 5);
    ProgramRunner.Inputs in = new ProgramRunner.Inputs("x y", List.of("x", "y"), List.of(x, y));
    Trace t = r.trace(in, TracingMode.SYMBOLIC);
    TensorValue traced = (TensorValue) t.tracedInputs().get(0);
    assertFalse(traced.symStorageOffset().isConstant());
    assertEquals(traced.symSize(0).expr(), ((TensorValue) t.tracedInputs().get(1)).symSize(0)
        .expr());
    Tensor x2 = OpTesting.data(DType.FLOAT32, 4, 8).slice(0, 3L, null, 1);
    Tensor y2 = OpTesting.data(DType.FLOAT32, 5, 5);
    assertGraphMatchesEager(r, t, new ProgramRunner.Inputs("x2 y2", List.of("x", "y"),
        List.of(x2, y2)));
  }

  /** Symbols with a value that no replacement removed ({@code test_guards_equal}'s count). */
  private static long freeSymbols(Trace t) {
    ShapeEnv env = t.shapeEnv();
    return env.symbolsWithSources().stream().filter(s -> !env.replacements().containsKey(s))
        .count();
  }

  /** {@code shape_env.get_nontrivial_guards()}: guards not statically known. */
  private static long nontrivialGuards(Trace t) {
    ShapeEnv env = t.shapeEnv();
    return env.guards().stream().filter(g -> env.maybeEvaluateStatic(g.expr()) == null).count();
  }

  /** T67 {@code test_guards_equal}: equalities are replacements, never guards. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      def f(a, b):\\n    return a * b | a=f32[5,6] b=f32[5,6] | 2
      def f(a, b):\\n    return a * b | a=f32[5,6,7] b=f32[5,6,7] | 3
      def f(a, b):\\n    return a * b | a=f32[5,1] b=f32[1,6] | 2
      def f(a, b, c, d):\\n    a = a + b\\n    cat = torch.cat([c, d])\\n    return a + cat | a=f32[7] b=f32[7] c=f32[4] d=f32[3] | 2
      def f(a, b):\\n    a = a.view(b.shape[0])\\n    return a + b.sum() | a=f32[4,2] b=f32[8] | 2
      def f(a, b):\\n    a = a.view(b.shape[0])\\n    return a + b.sum() | a=f32[4,2] b=f32[8,5] | 3
      def f(a, b):\\n    a = a.view(b.shape[0])\\n    return a + b.sum() | a=f32[2,3,4] b=f32[24] | 3
      """)
  void guardsEqual(String source, String inputs, long free) {
    Trace t = symbolic(source.replace("\\n", "\n") + "\n", inputs);
    assertEquals(free, freeSymbols(t));
    assertEquals(0, nontrivialGuards(t));
  }

  /** T67 {@code test_guards_equal}, the chain of cats: one free symbol. */
  @Test
  void guardsEqualCatChain() {
    Trace t = symbolic("""
        def f(a, b, c, d, e):
            vals = [a, b, c, d, e]
            x = a
            for idx in range(len(vals) - 1):
                x = torch.cat([x, vals[idx]]) + vals[idx + 1]
            return x
        """, "a=f32[2] b=f32[4] c=f32[8] d=f32[16] e=f32[32]");
    assertEquals(1, freeSymbols(t));
    assertEquals(0, nontrivialGuards(t));
  }

  /**
   * T68 {@code test_nonidentity_transitive_guards}: chains {@code s_b == 2*s_a} are all
   * replacements. The pairs of {@code reversed(list(zip(cat_vals, vals[1:])))} are indexed
   * instead (the language has no zip).
   */
  @Test
  void nonidentityTransitiveGuards() {
    Trace t = symbolic("""
        def f(a, b, c, d, e):
            vals = [a, b, c, d, e]
            cat_vals = []
            for idx in range(len(vals) - 1):
                cat_vals.append(torch.cat([vals[idx], vals[idx]]))
            final_vals = []
            for i in range(len(cat_vals) - 1, -1, -1):
                final_vals.append(cat_vals[i] + vals[i + 1])
            return final_vals
        """, "a=f32[2] b=f32[4] c=f32[8] d=f32[16] e=f32[32]");
    assertEquals("", showGuards(t));
  }

  /** T69 {@code test_constant_specialization}: the symbol is replaced by 10, nothing shown. */
  @Test
  void constantSpecialization() {
    Trace t = symbolic("""
        def f(t):
            assert t.shape[0] == 10
            return t
        """, "t=f32[10]");
    assertEquals("", showGuards(t));
  }

  /**
   * The naming the expectations rely on: the first input's sizes are {@code s75}, {@code s96},
   * the second input's first {@code s57}.
   */
  @Test
  void symbolsAreNamedFromMakeFxInputSources() {
    Trace t = symbolic("def f(x, y):\n    return x\n", "x=f32[3,4] y=f32[5]");
    List<String> names = new ArrayList<>();
    for (Node n : t.module().graph()) {
      if (n.kind() == Node.Kind.PLACEHOLDER) {
        for (SymInt s : ((TensorValue) n.val()).symSizes()) {
          names.add(((Sym) s.expr()).name());
        }
      }
    }
    assertEquals(List.of("s75", "s96", "s57"), names);
  }
}
