package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;

/**
 * Graphs that current PyTorch's {@code make_fx} recorded for conformance programs, rebuilt
 * node by node from the recorded {@code gm.code}, with the traced values of {@code
 * print_readable} where a test reads them. Sizes are symbols of a ShapeEnv sourced as make_fx
 * sources them ({@code input0.size()[0]} is {@code s75}).
 */
final class ConformanceGraphs {
  private static final DType F32 = DType.FLOAT32;
  private static final Map<String, Object> FACTORY_KWARGS = kwargs(
      "device", Device.CPU, "pin_memory", false);

  private ConformanceGraphs() {}

  /** {@code linear_bias}: traced at x=f32[2,5,8] w=f32[6,8] b=f32[6]. */
  static GraphModule linearBias() {
    ShapeEnv env = new ShapeEnv();
    SymInt s75 = size(env, 0, 0, 2);
    SymInt s96 = size(env, 0, 1, 5);
    SymInt s7 = size(env, 0, 2, 8);
    SymInt s57 = size(env, 1, 0, 6);
    SymInt s75s96 = s75.mul(s96);
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = val(b.input("x_1"), fake(s75, s96, s7));
    Node w = val(b.input("w_1"), fake(s57, s7));
    Node bias = val(b.input("b_1"), fake(s57));
    Node size1 = val(b.call("aten.sym_size.int", "sym_size_int_1", x, 2L), s7);
    Node size2 = val(b.call("aten.sym_size.int", "sym_size_int_2", x, 1L), s96);
    Node size3 = val(b.call("aten.sym_size.int", "sym_size_int_3", x, 0L), s75);
    Node mul4 = val(b.call("operator.mul", "mul_4", size3, size2), s75s96);
    Node view = val(b.call("aten.view.default", "view", x, List.of(mul4, size1)),
        fake(s75s96, s7));
    Node t = val(b.call("aten.t.default", "t", w), fake(s7, s57));
    Node addmm = val(b.call("aten.addmm.default", "addmm", bias, view, t), fake(s75s96, s57));
    Node size4 = val(b.call("aten.sym_size.int", "sym_size_int_4", w, 0L), s57);
    Node view1 = val(b.call("aten.view.default", "view", addmm, List.of(size3, size2, size4)),
        fake(s75, s96, s57));
    Node t1 = val(b.call("aten.t.default", "t", w), fake(s7, s57));
    Node mul8 = val(b.call("operator.mul", "mul_8", size3, size2), s75s96);
    Node view2 = val(b.call("aten.view.default", "view", x, List.of(mul8, size1)),
        fake(s75s96, s7));
    Node mm = val(b.call("aten.mm.default", "mm", view2, t1), fake(s75s96, s57));
    Node unsafeView = val(b.call("aten._unsafe_view.default", "_unsafe_view", mm,
        List.of(size3, size2, size4)), fake(s75, s96, s57));
    Node view3 = val(b.call("aten.view.default", "view", x, List.of(-1L, size1)),
        fake(s75s96, s7));
    Node t2 = val(b.call("aten.t.default", "t", w), fake(s7, s57));
    Node addmm1 = val(b.call("aten.addmm.default", "addmm", bias, view3, t2), fake(s75s96, s57));
    Node sub = val(b.call("aten.sub.Tensor", "sub", view1, unsafeView), fake(s75, s96, s57));
    return b.module(PyTuple.of(sub, addmm1));
  }

  /** {@code symint_arith}: traced at x=f32[7,5] y=f32[3]. */
  static GraphModule symintArith() {
    ShapeEnv env = new ShapeEnv();
    SymInt n = size(env, 0, 0, 7);
    SymInt m = size(env, 0, 1, 5);
    SymInt k = size(env, 1, 0, 3);
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = val(b.input("x_1"), fake(n, m));
    Node y = val(b.input("y_1"), fake(k));
    Node s0 = val(b.call("aten.sym_size.int", "sym_size_int", x, 0L), n);
    SymInt floorDivV = n.floorDiv(2);
    SymInt modV = n.mod(3);
    Node floordiv = val(b.call("operator.floordiv", "floordiv", s0, 2L), floorDivV);
    Node mod = val(b.call("operator.mod", "mod", s0, 3L), modV);
    SymInt addV = floorDivV.add(modV);
    Node add = val(b.call("operator.add", "add", floordiv, mod), addV);
    Node s1 = val(b.call("aten.sym_size.int", "sym_size_int", x, 1L), m);
    Node mul = val(b.call("operator.mul", "mul", s1, 2L), m.mul(2));
    SymInt add1V = addV.add(m.mul(2));
    Node add1 = val(b.call("operator.add", "add", add, mul), add1V);
    Node s2 = val(b.call("aten.sym_size.int", "sym_size_int", y, 0L), k);
    SymInt subV = add1V.sub(k);
    Node sub = val(b.call("operator.sub", "sub", add1, s2), subV);
    Node sub1 = val(b.call("operator.sub", "sub", s0, s2), n.sub(k));
    Node sub2 = val(b.call("operator.sub", "sub", s1, s0), m.sub(n));
    Node abs = val(b.call("operator.abs", "abs", sub2), m.sub(n).abs());
    SymInt add2V = n.sub(k).add(m.sub(n).abs());
    Node add2 = val(b.call("operator.add", "add", sub1, abs), add2V);
    Node pow = val(b.call("operator.pow", "pow", s0, 2L), n.pow(SymInt.of(2)));
    SymInt sub3V = n.pow(SymInt.of(2)).sub(m);
    Node sub3 = val(b.call("operator.sub", "sub", pow, s1), sub3V);
    Node add3 = val(b.call("operator.add", "add", s0, s1), n.add(m));
    SymInt floorDiv1V = n.add(m).floorDiv(3);
    Node floordiv1 = val(b.call("operator.floordiv", "floordiv", add3, 3L), floorDiv1V);
    Node zeros = val(b.callKw("aten.zeros.default", "zeros", List.of(List.of(sub)),
        FACTORY_KWARGS), fake(subV));
    Node ones = val(b.callKw("aten.ones.default", "ones", List.of(List.of(add2, floordiv1)),
        FACTORY_KWARGS), fake(add2V, floorDiv1V));
    Node arange = val(b.callKw("aten.arange.default", "arange", List.of(sub3), FACTORY_KWARGS),
        FakeTensor.contiguous(DType.INT64, List.of(sub3V)));
    Node full = val(b.callKw("aten.full.default", "full", List.of(List.of(s0), 1.0),
        FACTORY_KWARGS), fake(n));
    return b.module(PyTuple.of(zeros, ones, arange, full));
  }

  /** {@code layer_norm_mlp}: a multi-output operator and floats such as {@code 1e-05}. */
  static GraphModule layerNormMlp() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node g = b.input("g_1");
    Node bias = b.input("b_1");
    Node w1 = b.input("w1_1");
    Node w2 = b.input("w2_1");
    Node ln = b.call("aten.native_layer_norm.default", "native_layer_norm", x, List.of(8L), g,
        bias, 1e-05);
    Node getitem = b.call("operator.getitem", "getitem", ln, 0L);
    b.call("operator.getitem", "getitem", ln, 1L);
    b.call("operator.getitem", "getitem", ln, 2L);
    Node ln1 = b.call("aten.native_layer_norm.default", "native_layer_norm", x, List.of(8L),
        null, null, 0.001);
    Node getitem3 = b.call("operator.getitem", "getitem", ln1, 0L);
    b.call("operator.getitem", "getitem", ln1, 1L);
    b.call("operator.getitem", "getitem", ln1, 2L);
    Node clone = b.call("aten.clone.default", "clone", getitem);
    Node t = b.call("aten.t.default", "t", w1);
    Node s0 = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    Node s1 = b.call("aten.sym_size.int", "sym_size_int", x, 1L);
    Node mul3 = b.call("operator.mul", "mul_3", s0, s1);
    Node view = b.call("aten.view.default", "view", clone, List.of(mul3, 8L));
    Node mm = b.call("aten.mm.default", "mm", view, t);
    Node s2 = b.call("aten.sym_size.int", "sym_size_int", w1, 0L);
    Node unsafeView = b.call("aten._unsafe_view.default", "_unsafe_view", mm,
        List.of(s0, s1, s2));
    Node gelu = b.call("aten.gelu.default", "gelu", unsafeView);
    Node clone1 = b.call("aten.clone.default", "clone", gelu);
    Node t1 = b.call("aten.t.default", "t", w2);
    Node s3 = b.call("aten.sym_size.int", "sym_size_int", unsafeView, 1L);
    Node mul11 = b.call("operator.mul", "mul_11", s0, s3);
    Node view1 = b.call("aten.view.default", "view", clone1, List.of(mul11, s2));
    Node mm1 = b.call("aten.mm.default", "mm", view1, t1);
    Node unsafeView1 = b.call("aten._unsafe_view.default", "_unsafe_view", mm1,
        List.of(s0, s3, 8L));
    Node add = b.call("aten.add.Tensor", "add", x, unsafeView1);
    return b.module(PyTuple.of(add, getitem3));
  }

  /** {@code split_chunk_unbind}: getitems nothing uses, and a constant in the result. */
  static GraphModule splitChunkUnbind() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node split = b.call("aten.split.Tensor", "split", x, 3L);
    Node[] parts = new Node[4];
    for (int i = 0; i < 4; i++) {
      parts[i] = b.call("operator.getitem", "getitem", split, (long) i);
    }
    Node sum = b.call("aten.sum.default", "sum", parts[0]);
    Node mean = b.call("aten.mean.default", "mean", parts[0]);
    Node total = b.call("aten.add.Tensor", "add", sum, mean);
    for (int i = 1; i < 4; i++) {
      Node m = b.call("aten.mean.default", "mean", parts[i]);
      total = b.call("aten.add.Tensor", "add", total, m);
    }
    Node sizes = b.call("aten.split_with_sizes.default", "split_with_sizes", x, List.of(2L, 8L));
    Node a = b.call("operator.getitem", "getitem", sizes, 0L);
    Node bb = b.call("operator.getitem", "getitem", sizes, 1L);
    Node split1 = b.call("aten.split.Tensor", "split", x, 5L);
    Node c0 = b.call("operator.getitem", "getitem", split1, 0L);
    Node c1 = b.call("operator.getitem", "getitem", split1, 1L);
    Node unbind = b.call("aten.unbind.int", "unbind", x, 1L);
    Node col0 = b.call("operator.getitem", "getitem", unbind, 0L);
    b.call("operator.getitem", "getitem", unbind, 1L);
    b.call("operator.getitem", "getitem", unbind, 2L);
    Node col3 = b.call("operator.getitem", "getitem", unbind, 3L);
    Node sub = b.call("aten.sub.Tensor", "sub_1", col0, col3);
    return b.module(PyTuple.of(total, a, bb, c0, c1, sub, 4L));
  }

  /** {@code tensor_constants}: traced at x=f32[4,3]; the constants are module attributes. */
  static GraphModule tensorConstants() {
    ShapeEnv env = new ShapeEnv();
    SymInt s75 = size(env, 0, 0, 4);
    Map<String, Tensor> attributes = new LinkedHashMap<>();
    attributes.put("_tensor_constant0",
        Tensor.ofDoubles(F32, new long[] {3}, 1.0, -2.0, 0.5));
    attributes.put("_tensor_constant1",
        Tensor.ofLongs(DType.INT64, new long[] {2, 2}, 2, 3, 4, 5));
    attributes.put("_tensor_constant2", Tensor.scalar(F32, 0.25));
    attributes.put("_tensor_constant3",
        Tensor.ofBools(DType.BOOL, new long[] {2}, true, false));
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = val(b.input("x_1"), fake(s75, SymInt.of(3)));
    Node c0 = constant(b, attributes, "_tensor_constant0");
    Node w = val(b.call("aten.lift_fresh_copy.default", "lift_fresh_copy", c0), c0.val());
    Node c1 = constant(b, attributes, "_tensor_constant1");
    Node s = val(b.call("aten.lift_fresh_copy.default", "lift_fresh_copy", c1), c1.val());
    FakeTensor longScalar = FakeTensor.contiguous(DType.INT64, List.of());
    Node sum = val(b.call("aten.sum.default", "sum", s), longScalar);
    Node row = val(b.call("aten.select.int", "select", s, 0L, 1L),
        FakeTensor.contiguous(DType.INT64, Geometry.ints(2)));
    Node item = val(b.call("aten.select.int", "select", row, 0L, 0L), longScalar);
    Node mul = val(b.call("aten.mul.Tensor", "mul", item, 2L), longScalar);
    Node k = val(b.call("aten.add.Tensor", "add", sum, mul), longScalar);
    Node c2 = constant(b, attributes, "_tensor_constant2");
    Node scale = val(b.call("aten.lift_fresh_copy.default", "lift_fresh_copy", c2), c2.val());
    FakeTensor xType = fake(s75, SymInt.of(3));
    Node xw = val(b.call("aten.mul.Tensor", "mul", x, w), xType);
    Node y = val(b.call("aten.add.Tensor", "add", xw, k), xType);
    Node scaled = val(b.call("aten.mul.Tensor", "mul", y, scale), xType);
    Node c3 = constant(b, attributes, "_tensor_constant3");
    Node mask = val(b.call("aten.lift_fresh_copy.default", "lift_fresh_copy", c3), c3.val());
    Node asLong = val(b.callKw("aten._to_copy.default", "_to_copy", List.of(mask),
        kwargs("dtype", DType.INT64)), FakeTensor.contiguous(DType.INT64, Geometry.ints(2)));
    b.graph.output(PyTuple.of(scaled, asLong));
    return new GraphModule(b.graph, attributes, "f");
  }

  private static Node constant(FxTesting.Builder b, Map<String, Tensor> attributes, String name) {
    Tensor t = attributes.get(name);
    return val(b.graph.getAttr(name), FakeTensor.contiguous(t.dtype(), Geometry.ints(t.sizes())));
  }

  /** Size {@code dim} of make_fx's input {@code k}, duck-sized by its hint. */
  static SymInt size(ShapeEnv env, int k, int dim, long hint) {
    return env.createSymInt(hint, Source.size(Source.constant("input" + k), dim),
        DimDynamic.DUCK);
  }

  static FakeTensor fake(SymInt... sizes) {
    return FakeTensor.contiguous(F32, List.of(sizes));
  }

  static Node val(Node n, Object value) {
    n.meta().put("val", value);
    return n;
  }

  static Map<String, Object> kwargs(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
