package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.tensor.Tensors.assertIndexError;
import static symtrace.tracer.tensor.Tensors.assertRuntimeError;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.ShapeEnvSettings;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.value.SymInt;

class ShapeRulesTest {
  private static final ShapeRules RULES = ShapeRules.of("test");

  private static List<SymInt> ints(String csv) {
    if (csv.isBlank()) {
      return List.of();
    }
    return Geometry.ints(Arrays.stream(csv.trim().split(" ")).mapToLong(Long::parseLong).toArray());
  }

  @Test
  void wrapDim() {
    assertEquals(1, ShapeRules.wrapDim(-1, 2));
    assertEquals(0, ShapeRules.wrapDim(-2, 2));
    assertEquals(0, ShapeRules.wrapDim(-1, 0));
    assertEquals(0, ShapeRules.wrapDim(0, 0));
    assertIndexError("Dimension out of range (expected to be in range of [-1, 0], but got 1)",
        () -> ShapeRules.wrapDim(1, 0));
    assertIndexError("Dimension out of range (expected to be in range of [-2, 1], but got -3)",
        () -> ShapeRules.wrapDim(-3, 2));
    assertIndexError("Dimension specified as -1 but tensor has no dimensions",
        () -> ShapeRules.wrapDim(-1, 0, false));
  }

  @ParameterizedTest
  @CsvSource({
    "-1, 12, 12",
    "3 -1, 12, 3 4",
    "-1 1 2, 12, 6 1 2",
    "0 -1, 8, ",
    "2 -1, 0, 2 0",
    "'', 1, ''",
  })
  void inferSize(String shape, long numel, String expected) {
    if (expected == null) {
      assertRuntimeError("shape '[0, -1]' is invalid for input of size 8",
          () -> RULES.inferSize(ints(shape), SymInt.of(numel)));
      return;
    }
    assertEquals(ints(expected).toString(),
        RULES.inferSize(ints(shape), SymInt.of(numel)).toString());
  }

  @ParameterizedTest
  @CsvSource({
    "3 1, 4, 3 4",
    "5 1 4, 3 1, 5 3 4",
    "0, 1, 0",
    "1, 0, 0",
    "'', 2 3, 2 3",
    "'', '', ''",
  })
  void broadcastShapes(String a, String b, String expected) {
    assertEquals(ints(expected).toString(), RULES.broadcastShapes(ints(a), ints(b)).toString());
    assertEquals(ints(expected).toString(), RULES.broadcastShapes(ints(b), ints(a)).toString());
  }

  @Test
  void broadcastErrorNamesTheDimension() {
    assertRuntimeError("The size of tensor a (3) must match the size of tensor b (4) at"
        + " non-singleton dimension 1", () -> RULES.broadcastShapes(ints("2 3"), ints("4")));
    assertRuntimeError("The size of tensor a (2) must match the size of tensor b (0) at"
        + " non-singleton dimension 0", () -> RULES.broadcastShapes(ints("2"), ints("0")));
  }

  /** computeStride: old sizes and strides, new sizes, new strides or "none". */
  @ParameterizedTest
  @CsvSource({
    // contiguous [3, 4]
    "3 4, 4 1, 12, 1",
    "3 4, 4 1, 2 6, 6 1",
    "3 4, 4 1, 1 3 1 4 1, 12 4 4 1 1",
    // transposed [4, 3]
    "4 3, 1 4, 12, none",
    "4 3, 1 4, 2 2 3, 2 1 4",
    "4 3, 1 4, 4 3 1, 1 4 4",
    // [2, 3, 4] sliced from [2, 6, 4]
    "2 3 4, 24 4 1, 2 12, 24 1",
    "2 3 4, 24 4 1, 6 4, none",
    // a size-1 dim with a stray stride never ends a chunk
    "3 1 4, 4 100 1, 12, 1",
    // expanded [2, 3] (strides 0 1)
    "2 3, 0 1, 6, none",
    "2 3, 0 1, 2 3 1, 0 1 1",
    // zero elements
    "0 4, 4 1, 0 4, 4 1",
    "0 4, 4 1, 4 0, 1 1",
    // zero dims
    "'', '', 1 1, 1 1",
  })
  void computeStride(String oldSizes, String oldStrides, String newSizes, String expected) {
    Optional<List<SymInt>> got = RULES.computeStride(ints(oldSizes), ints(oldStrides),
        ints(newSizes));
    assertEquals(expected.equals("none") ? "none" : ints(expected).toString(),
        got.map(Object::toString).orElse("none"));
  }

  @Test
  void contiguousStridesCountSizeZeroAsOne() {
    assertArrayEquals(new long[] {3, 3, 1}, ShapeRules.contiguousStrides(new long[] {2, 0, 3}));
    assertArrayEquals(new long[] {}, ShapeRules.contiguousStrides(new long[] {}));
    assertEquals("[3, 3, 1]", ShapeRules.contiguousStrides(ints("2 0 3")).toString());
  }

  @Test
  void denseStridesFollowTheStrideOrder() {
    assertEquals("[2, 1]", RULES.denseStrides(Geometry.of(new long[] {3, 2},
        new long[] {4, 2}, 0)).toString());
    assertEquals("[1, 8, 4]", RULES.denseStrides(Geometry.of(new long[] {4, 2, 2},
        new long[] {1, 12, 8}, 0)).toString());
    // c10's own example: (6, 5, 4, 3, 2) with strides (6, 0, 120, 0, 1) sorts to (4, 3, 0, 1, 2)
    assertEquals("[6, 36, 180, 2, 1]", RULES.denseStrides(Geometry.of(new long[] {6, 5, 4, 3, 2},
        new long[] {6, 0, 120, 0, 1}, 0)).toString());
  }

  /**
   * The same rules on a fake tensor's symbolic geometry: contiguous {@code (s0, s1)} with
   * strides {@code (s1, 1)}; views give symbolic layouts, and only questions the ranges cannot
   * answer record guards.
   */
  @Test
  void rulesRunOnSymbolicGeometries() {
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true));
    ShapeEnv.TensorSymbols ts = env.createTensorSymbols(new long[] {6, 4}, new long[] {4, 1}, 0,
        Source.local("x"), DimDynamic.DUCK);
    Geometry g = new Geometry(ts.sizes(), ts.strides(), ts.storageOffset());
    assertEquals("sizes=[s0, s1], strides=[s1, 1], offset=0", g.toString());
    ViewRules views = ViewRules.of("view");
    assertEquals("sizes=[s1, s0], strides=[1, s1], offset=0", views.transpose(g, 0, 1).toString());
    assertEquals("sizes=[s0, 1, s1], strides=[s1, s1, 1], offset=0",
        views.unsqueeze(g, 1).toString());
    assertEquals("sizes=[s1], strides=[1], offset=s1",
        views.select(g, 0, SymInt.of(1)).toString());
    assertEquals("sizes=[s0*s1], strides=[1], offset=0",
        views.view(g, List.of(ts.sizes().get(0).mul(ts.sizes().get(1)))).toString());
    assertTrue(env.guards().isEmpty(), () -> "no guards expected: " + env.guards());
    // broadcasting a symbolic size against 4 is a question only a guard answers
    RULES.broadcastShapes(g.sizes(), ints("1 4"));
    assertEquals(1, env.guards().size(), () -> env.guards().toString());
  }
}
