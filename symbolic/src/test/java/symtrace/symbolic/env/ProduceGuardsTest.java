package symtrace.symbolic.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymInt;

/**
 * {@code produce_guards} reproduced exactly as current PyTorch prints it, by driving the shape
 * environment the way {@code make_fx(tracing_mode="symbolic")} does: tensor {@code i} is allocated
 * from {@code ConstantSource("input<i>")} with every size {@code DUCK} and inferred strides, the
 * program's comparisons are made on the symbolic sizes, and the guards are produced for {@code
 * LocalSource}s named after the parameters ({@code L['x']}).
 *
 * <p>Expected strings come from the conformance suite ({@code
 * shared/conformance/expected/<program>.json}, fields {@code pt2.modes.symbolic.produce_guards}
 * ({@code ignore_static=False}), {@code show_guards} ({@code _simplified=True}), {@code
 * shape_env}, and {@code pt2.evals[i].failed_guards}) and from PyTorch's tests quoted in the
 * reference (T32, T57, T62/T69, T64, T65).
 */
class ProduceGuardsTest {
  private static final Provenance BRANCH = Provenance.of("branch");

  /** A make_fx-like trace: contiguous tensor inputs {@code input0, input1, ...}. */
  private static final class Trace {
    final ShapeEnv env = new ShapeEnv();
    final List<String> params = new ArrayList<>();
    final List<ShapeEnv.TensorSymbols> tensors = new ArrayList<>();

    ShapeEnv.TensorSymbols tensor(String param, long... sizes) {
      ShapeEnv.TensorSymbols t = env.createTensorSymbols(sizes, contiguous(sizes), 0,
          Source.constant("input" + tensors.size()), DimDynamic.DUCK);
      params.add(param);
      tensors.add(t);
      return t;
    }

    GuardSet guards(boolean simplified, boolean ignoreStatic) {
      List<Placeholder> placeholders = new ArrayList<>();
      List<Source> sources = new ArrayList<>();
      for (int i = 0; i < tensors.size(); i++) {
        placeholders.add(GuardProducer.tensor(tensors.get(i)));
        sources.add(Source.local(params.get(i)));
      }
      return new GuardProducer(env).produce(placeholders, sources, simplified, ignoreStatic);
    }

    /** {@code produce_guards(..., ignore_static=False)}, the conformance field. */
    List<String> produceGuards() {
      return guards(false, false).python();
    }

    /** {@code show_guards}: {@code _simplified=True}. */
    List<String> showGuards() {
      return guards(true, true).python();
    }

    /** The lines of {@link #produceGuards} that contiguous inputs of these shapes fail. */
    List<String> failing(long[]... shapes) {
      return guards(false, false).failing(values(shapes)).stream().map(ProducedGuard::python).toList();
    }

    Function<Source, Object> values(long[]... shapes) {
      assertEquals(params.size(), shapes.length, "one shape per tensor input");
      Map<String, Object> byName = new HashMap<>();
      for (int i = 0; i < shapes.length; i++) {
        Source base = Source.local(params.get(i));
        long[] strides = contiguous(shapes[i]);
        for (int d = 0; d < shapes[i].length; d++) {
          byName.put(Source.size(base, d).name(), shapes[i][d]);
          byName.put(Source.stride(base, d).name(), strides[d]);
        }
        byName.put(Source.storageOffset(base).name(), 0L);
      }
      return s -> {
        Object v = byName.get(s.name());
        if (v == null) {
          throw new IllegalArgumentException("no input value for " + s.name());
        }
        return v;
      };
    }

    List<String> shapeEnvGuards() {
      return env.guards().stream().map(Guard::toString).toList();
    }

    /** {@code var_to_range} of every symbol with a source, sorted by name as the JSON is. */
    Map<String, String> ranges() {
      Map<String, String> out = new TreeMap<>();
      for (Sym s : env.symbolsWithSources()) {
        out.put(s.name(), env.range(s).toString());
      }
      return out;
    }

    Map<String, String> replacements() {
      Map<String, String> out = new TreeMap<>();
      env.replacements().forEach((k, v) -> out.put(k.name(), v.toString()));
      return out;
    }

    SymInt size(int tensor, int dim) {
      return tensors.get(tensor).sizes().get(dim);
    }
  }

  static long[] contiguous(long[] sizes) {
    long[] strides = new long[sizes.length];
    long s = 1;
    for (int i = sizes.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= Math.max(sizes[i], 1);
    }
    return strides;
  }

  private static long[] shape(long... sizes) {
    return sizes;
  }

  private static Map<String, String> map(String... kv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], kv[i + 1]);
    }
    return new TreeMap<>(out);
  }

  // ---------------------------------------------------------------------------------------
  // Conformance programs

  @Test
  void branchOnSize() { // conformance branch_on_size.py: if x.shape[0] > 4
    Trace t = new Trace();
    t.tensor("x", 6, 3);
    assertTrue(t.size(0, 0).gt(4).guardBool(BRANCH));
    assertEquals(List.of("s75 > 4"), t.shapeEnvGuards());
    assertEquals(map("s75", "VR[5, int_oo]", "s96", "VR[2, int_oo]"), t.ranges());
    assertEquals(List.of(
        "L['x'].stride()[0] == L['x'].size()[1]",
        "L['x'].stride()[1] == 1",
        "L['x'].storage_offset() == 0",
        "5 <= L['x'].size()[0]",
        "2 <= L['x'].size()[1]"), t.produceGuards());
    assertEquals(List.of("5 <= L['x'].size()[0]"), t.showGuards());
    assertEquals(List.of(), t.failing(shape(6, 3)));
    assertEquals(List.of(), t.failing(shape(9, 3)));
    assertEquals(List.of("5 <= L['x'].size()[0]"), t.failing(shape(3, 3)));
    assertEquals(List.of("5 <= L['x'].size()[0]"), t.failing(shape(4, 5)));
  }

  @Test
  void duckSizing() { // conformance duck_sizing.py: equal sizes share a symbol, no guards
    Trace t = new Trace();
    t.tensor("x", 5, 3);
    t.tensor("y", 5, 3);
    // cat([x, y], dim=0) compares the other dims: the same symbol, no guard
    assertTrue(t.size(0, 1).eq(t.size(1, 1)).guardBool(Provenance.of("cat")));
    assertEquals(List.of(), t.shapeEnvGuards());
    assertEquals(List.of(
        "L['x'].stride()[0] == L['x'].size()[1]",
        "L['x'].stride()[1] == 1",
        "L['x'].storage_offset() == 0",
        "L['y'].size()[0] == L['x'].size()[0]",
        "L['y'].size()[1] == L['x'].size()[1]",
        "L['y'].stride()[0] == L['x'].size()[1]",
        "L['y'].stride()[1] == 1",
        "L['y'].storage_offset() == 0",
        "2 <= L['x'].size()[0]",
        "2 <= L['x'].size()[1]"), t.produceGuards());
    assertEquals(List.of(), t.showGuards());
    assertEquals(List.of(), t.failing(shape(8, 4), shape(8, 4)));
    assertEquals(List.of("L['y'].size()[0] == L['x'].size()[0]"), t.failing(shape(5, 3), shape(6, 3)));
    assertEquals(List.of(), t.failing(shape(4, 4), shape(4, 4)), "x's two dims were distinct symbols");
  }

  @Test
  void elifChained() { // conformance elif_chained.py
    Trace t = new Trace();
    t.tensor("x", 5, 4);
    t.tensor("y", 7);
    SymInt n = t.size(0, 0);
    SymInt m = t.size(1, 0);
    assertFalse(n.lt(3).guardBool(BRANCH)); // if n < 3
    assertTrue(SymInt.of(3).le(n).guardBool(BRANCH)); // elif 3 <= n < m
    assertTrue(n.lt(m).guardBool(BRANCH));
    assertFalse(n.eq(m).guardBool(BRANCH)); // if not (n == m) and n != 1
    assertTrue(n.ne(1).guardBool(BRANCH));
    assertEquals(List.of("s75 >= 3", "s75 < s57"), t.shapeEnvGuards(), "the others are statically known");
    assertEquals(map("s57", "VR[4, int_oo]", "s75", "VR[3, int_oo]", "s96", "VR[2, int_oo]"), t.ranges());
    assertEquals(List.of(
        "L['x'].stride()[0] == L['x'].size()[1]",
        "L['x'].stride()[1] == 1",
        "L['x'].storage_offset() == 0",
        "L['y'].stride()[0] == 1",
        "L['y'].storage_offset() == 0",
        "L['x'].size()[0] < L['y'].size()[0]",
        "3 <= L['x'].size()[0]",
        "2 <= L['x'].size()[1]",
        "4 <= L['y'].size()[0]"), t.produceGuards());
    assertEquals(List.of(
        "L['x'].size()[0] < L['y'].size()[0]",
        "3 <= L['x'].size()[0]",
        "4 <= L['y'].size()[0]"), t.showGuards());
    assertEquals(List.of(), t.failing(shape(5, 4), shape(7)));
    assertEquals(List.of(), t.failing(shape(6, 4), shape(8)));
    assertEquals(List.of("3 <= L['x'].size()[0]"), t.failing(shape(2, 3), shape(9)));
    assertEquals(List.of("L['x'].size()[0] < L['y'].size()[0]", "4 <= L['y'].size()[0]"),
        t.failing(shape(12, 2), shape(3)));
    assertEquals(List.of("L['x'].size()[0] < L['y'].size()[0]"), t.failing(shape(7, 2), shape(7)));
  }

  @Test
  void statementsMisc() { // conformance statements_misc.py: assert x.shape[0] == y.shape[0]; rows > 2
    Trace t = new Trace();
    t.tensor("x", 4, 6);
    t.tensor("y", 4, 6);
    assertTrue(t.size(0, 0).eq(t.size(1, 0)).guardBool(Provenance.of("assert")));
    SymInt rows = t.size(0, 0);
    SymInt cols = t.size(0, 1);
    SymInt k = cols.add(rows).sub(1).mul(2).floorDiv(3);
    assertTrue(k.ge(0).staticallyKnownTrue(), "torch.zeros(k) needs no guard");
    assertTrue(rows.gt(2).guardBool(BRANCH));
    assertEquals(List.of("s75 > 2"), t.shapeEnvGuards());
    assertEquals(map("s75", "VR[3, int_oo]", "s96", "VR[2, int_oo]"), t.ranges());
    assertEquals(List.of(
        "L['x'].stride()[0] == L['x'].size()[1]",
        "L['x'].stride()[1] == 1",
        "L['x'].storage_offset() == 0",
        "L['y'].size()[0] == L['x'].size()[0]",
        "L['y'].size()[1] == L['x'].size()[1]",
        "L['y'].stride()[0] == L['x'].size()[1]",
        "L['y'].stride()[1] == 1",
        "L['y'].storage_offset() == 0",
        "3 <= L['x'].size()[0]",
        "2 <= L['x'].size()[1]"), t.produceGuards());
    assertEquals(List.of("3 <= L['x'].size()[0]"), t.showGuards());
    assertEquals(List.of(), t.failing(shape(3, 2), shape(3, 2)));
    assertEquals(List.of(), t.failing(shape(5, 8), shape(5, 8)));
    assertEquals(List.of("3 <= L['x'].size()[0]"), t.failing(shape(2, 2), shape(2, 2)));
  }

  @Test
  void tensorConstantsSpecializeTheBroadcastDim() { // conformance tensor_constants.py: x * w, w of size 3
    Trace t = new Trace();
    t.tensor("x", 4, 3);
    // broadcasting x.size(1) against 3: size 1 is statically excluded, equality guarded
    assertFalse(t.size(0, 1).eq(1).guardBool(Provenance.of("broadcast")));
    assertTrue(t.size(0, 1).eq(3).guardBool(Provenance.of("broadcast")));
    assertEquals(List.of("Eq(s96, 3)"), t.shapeEnvGuards());
    assertEquals(map("s96", "3"), t.replacements());
    assertEquals(map("s75", "VR[2, int_oo]", "s96", "VR[3, 3]"), t.ranges());
    assertEquals(List.of(
        "L['x'].size()[1] == 3",
        "L['x'].stride()[0] == 3",
        "L['x'].stride()[1] == 1",
        "L['x'].storage_offset() == 0",
        "2 <= L['x'].size()[0]"), t.produceGuards());
    assertEquals(List.of(), t.showGuards());
    assertEquals(List.of(), t.failing(shape(9, 3)));
    assertEquals(List.of("L['x'].size()[1] == 3", "L['x'].stride()[0] == 3"), t.failing(shape(9, 4)));
  }

  @Test
  void loopOverRangeOfSizesSpecializesBoth() { // conformance loop_range_size.py
    Trace t = new Trace();
    t.tensor("x", 4, 3);
    assertEquals(4, t.size(0, 0).guardInt(Provenance.of("range"))); // for i in range(x.shape[0])
    assertEquals(3, t.size(0, 1).guardInt(Provenance.of("range"))); // range(1, x.shape[1], 2)
    assertEquals(List.of("Eq(s75, 4)", "Eq(s96, 3)"), t.shapeEnvGuards());
    assertEquals(map("s75", "4", "s96", "3"), t.replacements());
    assertEquals(List.of(
        "L['x'].size()[0] == 4",
        "L['x'].size()[1] == 3",
        "L['x'].stride()[0] == 3",
        "L['x'].stride()[1] == 1",
        "L['x'].storage_offset() == 0"), t.produceGuards());
    assertEquals(List.of(), t.showGuards());
    assertEquals(List.of(), t.failing(shape(4, 3)));
    assertEquals(List.of("L['x'].size()[0] == 4"), t.failing(shape(6, 3)));
    assertEquals(List.of("L['x'].size()[0] == 4", "L['x'].size()[1] == 3", "L['x'].stride()[0] == 3"),
        t.failing(shape(2, 5)));
  }

  @Test
  void zeroAndOneSizesAreStatic() { // conformance zero_one_dims.py
    Trace t = new Trace();
    t.tensor("x", 1, 4);
    t.tensor("y", 5, 4);
    t.tensor("e", 0, 4);
    assertEquals(List.of(), t.shapeEnvGuards());
    assertEquals(List.of(
        "L['x'].size()[0] == 1",
        "L['x'].stride()[0] == L['x'].size()[1]",
        "L['x'].stride()[1] == 1",
        "L['x'].storage_offset() == 0",
        "L['y'].size()[1] == L['x'].size()[1]",
        "L['y'].stride()[0] == L['x'].size()[1]",
        "L['y'].stride()[1] == 1",
        "L['y'].storage_offset() == 0",
        "L['e'].size()[0] == 0",
        "L['e'].size()[1] == L['x'].size()[1]",
        "L['e'].stride()[0] == L['x'].size()[1]",
        "L['e'].stride()[1] == 1",
        "L['e'].storage_offset() == 0",
        "2 <= L['x'].size()[1]",
        "2 <= L['y'].size()[0]"), t.produceGuards());
    assertEquals(List.of(), t.failing(shape(1, 6), shape(3, 6), shape(0, 6)));
    assertEquals(List.of("L['x'].size()[0] == 1", "L['e'].size()[0] == 0"),
        t.failing(shape(5, 4), shape(5, 4), shape(2, 4)));
  }

  @Test
  void layerNormSpecializesTheNormalizedDim() { // conformance layer_norm_mlp.py
    Trace t = new Trace();
    t.tensor("x", 2, 5, 8);
    t.tensor("g", 8);
    t.tensor("b", 8);
    t.tensor("w1", 16, 8);
    t.tensor("w2", 8, 16);
    // F.layer_norm(x, (8,), ...) checks x.shape[-1:] == (8,)
    assertTrue(t.size(0, 2).eq(8).guardBool(Provenance.of("layer_norm")));
    assertEquals(List.of("Eq(s7, 8)"), t.shapeEnvGuards());
    assertEquals(map("s7", "8"), t.replacements());
    assertEquals(map("s67", "VR[2, int_oo]", "s7", "VR[8, 8]", "s75", "VR[2, int_oo]", "s96", "VR[2, int_oo]"),
        t.ranges());
    assertEquals(List.of(
        "L['x'].size()[2] == 8",
        "L['x'].stride()[0] == 8*L['x'].size()[1]",
        "L['x'].stride()[1] == 8",
        "L['x'].stride()[2] == 1",
        "L['x'].storage_offset() == 0",
        "L['g'].size()[0] == 8",
        "L['g'].stride()[0] == 1",
        "L['g'].storage_offset() == 0",
        "L['b'].size()[0] == 8",
        "L['b'].stride()[0] == 1",
        "L['b'].storage_offset() == 0",
        "L['w1'].size()[1] == 8",
        "L['w1'].stride()[0] == 8",
        "L['w1'].stride()[1] == 1",
        "L['w1'].storage_offset() == 0",
        "L['w2'].size()[0] == 8",
        "L['w2'].size()[1] == L['w1'].size()[0]",
        "L['w2'].stride()[0] == L['w1'].size()[0]",
        "L['w2'].stride()[1] == 1",
        "L['w2'].storage_offset() == 0",
        "2 <= L['x'].size()[0]",
        "2 <= L['x'].size()[1]",
        "2 <= L['w1'].size()[0]"), t.produceGuards());
    assertEquals(List.of(), t.showGuards());
    assertEquals(List.of(), t.failing(shape(3, 7, 8), shape(8), shape(8), shape(16, 8), shape(8, 16)));
    assertEquals(List.of("2 <= L['x'].size()[0]"),
        t.failing(shape(1, 2, 8), shape(8), shape(8), shape(6, 8), shape(8, 6)));
  }

  // ---------------------------------------------------------------------------------------
  // PyTorch's own tests (reference section 4.2)

  @Test
  void megaGuard() { // T64 test_mega_guard: assert a.shape[0] == b.shape[0] * 2
    Trace t = new Trace();
    t.tensor("a", 16);
    t.tensor("b", 8);
    assertTrue(t.size(0, 0).eq(t.size(1, 0).mul(2)).guardBool(Provenance.of("assert")));
    assertEquals(List.of(
        "L['a'].size()[0] == 2*L['b'].size()[0]",
        "L['a'].stride()[0] == 1",
        "L['a'].storage_offset() == 0",
        "L['b'].stride()[0] == 1",
        "L['b'].storage_offset() == 0",
        "2 <= L['b'].size()[0]"), t.produceGuards());
    assertEquals(List.of("L['a'].size()[0] == 2*L['b'].size()[0]", "2 <= L['b'].size()[0]"),
        t.guards(false, true).python());
    assertEquals(List.of(), t.showGuards());
    assertEquals(List.of(), t.failing(shape(10), shape(5)));
    assertEquals(List.of("L['a'].size()[0] == 2*L['b'].size()[0]"), t.failing(shape(9), shape(5)));
  }

  @Test
  void rangeRefinementUp() { // T65 up: assert a.shape[0] > 5 and a.shape[0] > 12
    Trace t = new Trace();
    t.tensor("a", 15);
    assertTrue(t.size(0, 0).gt(5).guardBool(Provenance.of("assert")));
    assertTrue(t.size(0, 0).gt(12).guardBool(Provenance.of("assert")));
    assertEquals(List.of("13 <= L['a'].size()[0]"), t.showGuards());
    assertEquals(List.of("L['a'].stride()[0] == 1", "L['a'].storage_offset() == 0", "13 <= L['a'].size()[0]"),
        t.produceGuards());
  }

  @Test
  void rangeRefinementLow() { // T65 low: assert a.shape[0] < 20 and a.shape[0] < 30
    Trace t = new Trace();
    t.tensor("a", 15);
    assertTrue(t.size(0, 0).lt(20).guardBool(Provenance.of("assert")));
    assertTrue(t.size(0, 0).lt(30).guardBool(Provenance.of("assert")));
    assertEquals(1, t.env.guards().size(), "the second assert is implied by the refined range");
    assertEquals(List.of("L['a'].size()[0] <= 19"), t.showGuards());
    assertEquals(List.of("L['a'].stride()[0] == 1", "L['a'].storage_offset() == 0",
        "2 <= L['a'].size()[0] and L['a'].size()[0] <= 19"), t.produceGuards());
  }

  @Test
  void rangeRefinementUpMulti() { // T65 up_multi, input randn(15, 20)
    Trace t = new Trace();
    t.tensor("a", 15, 20);
    SymInt a0 = t.size(0, 0);
    SymInt a1 = t.size(0, 1);
    assertTrue(a0.gt(5).guardBool(Provenance.of("assert")));
    assertTrue(a0.gt(12).guardBool(Provenance.of("assert")));
    assertTrue(a1.gt(5).guardBool(Provenance.of("assert")));
    assertTrue(a1.gt(a0).guardBool(Provenance.of("assert")));
    assertEquals(List.of(
        "L['a'].size()[1] > L['a'].size()[0]",
        "13 <= L['a'].size()[0]",
        "14 <= L['a'].size()[1]"), t.showGuards());
  }

  @Test
  void rangeRefinementLowMulti() { // T65 low_multi, input randn(15, 5)
    Trace t = new Trace();
    t.tensor("a", 15, 5);
    SymInt a0 = t.size(0, 0);
    SymInt a1 = t.size(0, 1);
    assertTrue(a0.lt(20).guardBool(Provenance.of("assert")));
    assertTrue(a0.lt(30).guardBool(Provenance.of("assert")));
    assertTrue(a1.lt(30).guardBool(Provenance.of("assert")));
    assertTrue(a1.lt(a0).guardBool(Provenance.of("assert")));
    assertEquals(List.of(
        "L['a'].size()[1] < L['a'].size()[0]",
        "3 <= L['a'].size()[0] and L['a'].size()[0] <= 19",
        "L['a'].size()[1] <= 18"), t.showGuards());
  }

  @Test
  void unaryAssertBoundsTheSize() { // T32 test_unary: assert x.shape[0] < 20, traced at (3, 4)
    Trace t = new Trace();
    t.tensor("x", 3, 4);
    assertTrue(t.size(0, 0).lt(20).guardBool(Provenance.of("assert")));
    assertEquals(List.of("L['x'].size()[0] <= 19"), t.showGuards());
    GuardSet guards = t.guards(false, true);
    Map<String, Object> bound = new TreeMap<>();
    guards.bind(t.values(shape(4, 5))).forEach((s, v) -> bound.put(s.name(), v));
    assertEquals("{s75=4, s96=5}", bound.toString()); // bind_symbols: {s75: 4, s96: 5}
    assertTrue(guards.failing(t.values(shape(4, 5))).isEmpty());
    assertFalse(guards.failing(t.values(shape(25, 5))).isEmpty());
  }

  @Test
  void catGuardOnTheProductOfSizes() { // T57 test_cat, traced at a=(1, 6), b=(8, 1)
    Trace t = new Trace();
    t.tensor("a", 1, 6);
    t.tensor("b", 8, 1);
    ShapeEnv.TensorSymbols a = t.tensors.get(0);
    ShapeEnv.TensorSymbols b = t.tensors.get(1);
    // val = a * b: (1, s96) * (s57, 1) broadcasts without guards (the 1s are static)
    SymInt rows = b.sizes().get(0);
    SymInt cols = a.sizes().get(1);
    // out = cat([val, val]): (2*s57, s96); if out.shape[0] * out.shape[1] > 20
    assertTrue(rows.mul(2).mul(cols).gt(20).guardBool(BRANCH));
    assertEquals(List.of("2*L['b'].size()[0]*L['a'].size()[1] > 20"), t.showGuards());
    assertTrue(t.guards(false, true).failing(t.values(shape(1, 10), shape(6, 1))).isEmpty());
    assertFalse(t.guards(false, true).failing(t.values(shape(1, 2), shape(4, 1))).isEmpty());
  }

  @Test
  void constantSpecializationShowsNothing() { // T62 / T69: assert t.shape[0] == 10
    Trace t = new Trace();
    t.tensor("t", 10);
    assertTrue(t.size(0, 0).eq(10).guardBool(Provenance.of("assert")));
    assertTrue(t.size(0, 0).isConstant(), "old SymInts see the specialization");
    assertEquals(List.of(), t.showGuards());
    assertEquals(List.of("L['t'].size()[0] == 10", "L['t'].stride()[0] == 1", "L['t'].storage_offset() == 0"),
        t.produceGuards());
    assertEquals(List.of("L['t'].size()[0] == 10"), t.failing(shape(11)));
  }
}
