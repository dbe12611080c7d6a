package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DTypeTest {
  @ParameterizedTest
  @CsvSource({
    "FLOAT32, float32, f32, Float, 4, FLOATING",
    "FLOAT64, float64, f64, Double, 8, FLOATING",
    "INT64, int64, i64, Long, 8, INTEGER",
    "INT32, int32, i32, Int, 4, INTEGER",
    "BOOL, bool, b8, Bool, 1, BOOL",
  })
  void namesSizesAndCategoriesAreTorchs(DType d, String name, String shortName, String scalar,
      int itemSize, DType.Category category) {
    assertEquals(name, d.pytorchName());
    assertEquals(name, d.toString());
    assertEquals("torch." + name, d.toPython());
    assertEquals(shortName, d.shortName());
    assertEquals(scalar, d.scalarTypeName());
    assertEquals(itemSize, d.itemSize());
    assertEquals(category, d.category());
    assertEquals(d, DType.fromPytorchName(name));
    assertEquals(d, DType.fromPytorchName("torch." + name));
    assertEquals(d, DType.fromShortName(shortName));
  }

  @ParameterizedTest
  @CsvSource({
    "float, FLOAT32", "double, FLOAT64", "long, INT64", "int, INT32", "torch.long, INT64",
  })
  void acceptsTorchsAliases(String alias, DType d) {
    assertEquals(d, DType.fromPytorchName(alias));
  }

  @Test
  void rejectsUnknownNames() {
    assertThrows(IllegalArgumentException.class, () -> DType.fromPytorchName("float16"));
    assertNull(DType.fromShortName("f16"));
    assertNull(DType.fromShortName("F32"));
  }

  @Test
  void categoriesAreOrderedBoolIntegerFloating() {
    assertTrue(DType.Category.BOOL.compareTo(DType.Category.INTEGER) < 0);
    assertTrue(DType.Category.INTEGER.compareTo(DType.Category.FLOATING) < 0);
    assertTrue(DType.INT32.isInteger());
    assertFalse(DType.BOOL.isInteger());
    assertTrue(DType.FLOAT64.isFloatingPoint());
    assertEquals("torch.FloatTensor", DType.FLOAT32.legacyTypeName());
  }
}
