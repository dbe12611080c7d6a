package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;

class SchemaTest {
  @Test
  void parsesNamesTypesDefaultsAndKeywordOnly() {
    Schema s = Schema.parse("add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor");
    assertEquals("add", s.name());
    assertEquals("Tensor", s.overload());
    assertEquals(3, s.arguments().size());
    Argument alpha = s.arguments().get(2);
    assertTrue(alpha.kwargOnly());
    assertEquals(1L, alpha.defaultValue());
    assertEquals("Scalar alpha=1", alpha.toString());
  }

  @Test
  void parsesListsOptionalsAliasesAndNamedReturns() {
    Schema s = Schema.parse("max.dim(Tensor self, int dim, bool keepdim=False)"
        + " -> (Tensor values, Tensor indices)");
    assertEquals(List.of("values", "indices"), s.returnNames());
    Schema v = Schema.parse("view(Tensor(a) self, SymInt[] size) -> Tensor(a)");
    assertTrue(v.returnsAlias());
    assertFalse(v.isMutable());
    Schema inplace = Schema.parse("add_.Tensor(Tensor(a!) self, Tensor other, *,"
        + " Scalar alpha=1) -> Tensor(a!)");
    assertTrue(inplace.isMutable());
    Schema pool = Schema.parse("avg_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[],"
        + " int[2] padding=0, bool ceil_mode=False, bool count_include_pad=True,"
        + " int? divisor_override=None) -> Tensor");
    assertEquals(List.of(0L, 0L), pool.arguments().get(3).defaultValue());
    assertEquals(List.of(), pool.arguments().get(2).defaultValue());
    assertNull(pool.arguments().get(6).defaultValue());
    Schema sum = Schema.parse("sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *,"
        + " ScalarType? dtype=None) -> Tensor");
    assertEquals("int[1]?", sum.arguments().get(1).type().toString());
    Schema empty = Schema.parse("empty.memory_format(SymInt[] size, *, ScalarType? dtype=None,"
        + " Layout? layout=None, Device? device=None, bool? pin_memory=None,"
        + " MemoryFormat? memory_format=None) -> Tensor");
    assertEquals("memory_format", empty.overload());
    Schema var = Schema.parse("var.correction(Tensor self, int[1]? dim=None, *,"
        + " Scalar? correction=None, bool keepdim=False) -> Tensor");
    assertEquals(4, var.arguments().size());
    Schema ln = Schema.parse("native_layer_norm(Tensor input, SymInt[] normalized_shape,"
        + " Tensor? weight, Tensor? bias, float eps) -> (Tensor, Tensor, Tensor)");
    assertEquals(3, ln.returns().size());
    Schema split = Schema.parse("split.Tensor(Tensor(a -> *) self, SymInt split_size,"
        + " int dim=0) -> Tensor(a)[]");
    assertEquals("a", split.arguments().get(0).type().alias());
    Schema to = Schema.parse("_to_copy(Tensor self, *, ScalarType? dtype=None) -> Tensor");
    assertNull(to.arguments().get(1).defaultValue());
    Schema eps = Schema.parse("f(float eps=1e-05, ScalarType t=float) -> Tensor");
    assertEquals(1e-05, eps.arguments().get(0).defaultValue());
    assertEquals(DType.FLOAT32, eps.arguments().get(1).defaultValue());
  }

  @Test
  void bindsPositionalKeywordsAndDefaults() {
    Schema s = Schema.parse("add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor");
    Object[] bound = s.bind(List.of("x", "y"), Map.of("alpha", 2L));
    assertEquals(List.of("x", "y", 2L), List.of(bound));
    Object[] defaulted = s.bind(List.of("x", "y"), Map.of());
    assertEquals(1L, defaulted[2]);
  }

  @Test
  void badCallsGivePythonsArgumentErrors() {
    Schema s = Schema.parse("add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor");
    assertEquals("add.Tensor() takes 2 positional arguments but 3 were given",
        assertThrows(SchemaError.class, () -> s.bind(List.of(1, 2, 3), Map.of())).getMessage());
    assertEquals("add.Tensor() got an unexpected keyword argument 'beta'",
        assertThrows(SchemaError.class, () -> s.bind(List.of(1, 2), Map.of("beta", 1)))
            .getMessage());
    assertEquals("add.Tensor() missing required argument 'other' (pos 2)",
        assertThrows(SchemaError.class, () -> s.bind(List.of(1), Map.of())).getMessage());
  }

  @Test
  void typesAcceptTheirValues() {
    Schema s = Schema.parse("f(int[2] k, Tensor? t, Tensor?[] idx, Scalar v, ScalarType? d)"
        + " -> Tensor");
    ArgType k = s.arguments().get(0).type();
    assertTrue(k.accepts(3L));
    assertTrue(k.accepts(List.of(3L, 4L)));
    assertFalse(k.accepts("x"));
    assertTrue(s.arguments().get(1).type().accepts(null));
    assertFalse(s.arguments().get(3).type().accepts(null));
    assertTrue(s.arguments().get(3).type().accepts(2.5));
    assertTrue(s.arguments().get(4).type().accepts(DType.INT64));
    assertTrue(s.arguments().get(2).type().accepts(java.util.Arrays.asList((Object) null)));
  }
}
