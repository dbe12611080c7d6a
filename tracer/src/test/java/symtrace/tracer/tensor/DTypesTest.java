package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.tensor.DType.BOOL;
import static symtrace.tracer.tensor.DType.FLOAT32;
import static symtrace.tracer.tensor.DType.FLOAT64;
import static symtrace.tracer.tensor.DType.INT32;
import static symtrace.tracer.tensor.DType.INT64;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Type promotion against PyTorch's documented behaviour ("Type promotion" in the tensor
 * attributes notes, {@code torch.result_type} and {@code torch.promote_types} examples) and
 * against {@code _prims_common.elementwise_dtypes}.
 */
class DTypesTest {
  private static Operand dim(DType d) {
    return Operand.tensor(d, 1);
  }

  private static Operand zero(DType d) {
    return Operand.tensor(d, 0);
  }

  /** torch.promote_types over all pairs: the later of bool, int32, int64, float32, float64. */
  @ParameterizedTest
  @CsvSource({
    "BOOL, BOOL, BOOL", "BOOL, INT32, INT32", "BOOL, INT64, INT64", "BOOL, FLOAT32, FLOAT32",
    "BOOL, FLOAT64, FLOAT64", "INT32, INT32, INT32", "INT32, INT64, INT64",
    "INT32, FLOAT32, FLOAT32", "INT32, FLOAT64, FLOAT64", "INT64, INT64, INT64",
    "INT64, FLOAT32, FLOAT32", "INT64, FLOAT64, FLOAT64", "FLOAT32, FLOAT32, FLOAT32",
    "FLOAT32, FLOAT64, FLOAT64", "FLOAT64, FLOAT64, FLOAT64",
  })
  void promoteTypesTable(DType a, DType b, DType expected) {
    assertEquals(expected, DTypes.promoteTypes(a, b));
    assertEquals(expected, DTypes.promoteTypes(b, a));
  }

  @Test
  void documentedExamples() {
    // torch.add(5, 5).dtype == torch.int64
    assertEquals(INT64, DTypes.resultType(Operand.pyInt(), Operand.pyInt()));
    // (int_tensor + 5).dtype == torch.int32: 5 is not of a higher category
    assertEquals(INT32, DTypes.resultType(dim(INT32), Operand.pyInt()));
    // (int_tensor + long_zerodim).dtype == torch.int32
    assertEquals(INT32, DTypes.resultType(dim(INT32), zero(INT64)));
    // (long_tensor + int_tensor).dtype == torch.int64
    assertEquals(INT64, DTypes.resultType(dim(INT64), dim(INT32)));
    // (bool_tensor + long_tensor).dtype == torch.int64
    assertEquals(INT64, DTypes.resultType(dim(BOOL), dim(INT64)));
    // (float_tensor + double_tensor).dtype == torch.float64
    assertEquals(FLOAT64, DTypes.resultType(dim(FLOAT32), dim(FLOAT64)));
    // (bool_tensor + int_tensor).dtype == torch.int32
    assertEquals(INT32, DTypes.resultType(dim(BOOL), dim(INT32)));
    // torch.add(long_tensor, float_tensor).dtype == torch.float32
    assertEquals(FLOAT32, DTypes.resultType(dim(INT64), dim(FLOAT32)));
    // torch.result_type(torch.tensor([1, 2], dtype=torch.int), 1.0) == torch.float32
    assertEquals(FLOAT32, DTypes.resultType(dim(INT32), Operand.pyFloat()));
  }

  @Test
  void dimensionedBeatsZeroDimBeatsScalarWithinACategory() {
    assertEquals(FLOAT32, DTypes.resultType(dim(FLOAT32), zero(FLOAT64)));
    assertEquals(FLOAT32, DTypes.resultType(dim(FLOAT32), Operand.pyFloat()));
    assertEquals(INT32, DTypes.resultType(zero(INT32), Operand.pyInt()));
    assertEquals(INT64, DTypes.resultType(zero(INT32), zero(INT64)));
    assertEquals(FLOAT64, DTypes.resultType(zero(FLOAT64), Operand.pyFloat()));
  }

  @Test
  void aHigherCategoryAlwaysWins() {
    // a zero-dim float tensor lifts an int tensor, with its own dtype
    assertEquals(FLOAT64, DTypes.resultType(dim(INT32), zero(FLOAT64)));
    assertEquals(FLOAT64, DTypes.resultType(zero(FLOAT64), dim(INT64)));
    // int scalar with a float tensor: the tensor's dtype
    assertEquals(FLOAT64, DTypes.resultType(dim(FLOAT64), Operand.pyInt()));
    // float scalar with an int tensor: the default dtype
    assertEquals(FLOAT32, DTypes.resultType(dim(INT64), Operand.pyFloat()));
    assertEquals(FLOAT32, DTypes.resultType(zero(INT64), Operand.pyFloat()));
    // int zero-dim and float zero-dim
    assertEquals(FLOAT32, DTypes.resultType(zero(INT64), zero(FLOAT32)));
  }

  @Test
  void boolSpecialCases() {
    assertEquals(BOOL, DTypes.resultType(dim(BOOL), dim(BOOL)));
    assertEquals(BOOL, DTypes.resultType(dim(BOOL), Operand.pyBool()));
    // bool_tensor + 2 is int64 (the scalar's dtype), bool_tensor + 2.5 float32
    assertEquals(INT64, DTypes.resultType(dim(BOOL), Operand.pyInt()));
    assertEquals(FLOAT32, DTypes.resultType(dim(BOOL), Operand.pyFloat()));
    // a bool of any kind never raises an int or float tensor
    assertEquals(INT32, DTypes.resultType(dim(INT32), Operand.pyBool()));
    assertEquals(INT32, DTypes.resultType(zero(BOOL), dim(INT32)));
    assertEquals(INT32, DTypes.resultType(dim(BOOL), zero(INT32)));
    assertEquals(FLOAT64, DTypes.resultType(dim(BOOL), zero(FLOAT64), Operand.pyInt()));
    assertEquals(BOOL, DTypes.resultType(Operand.pyBool(), Operand.pyBool()));
  }

  @Test
  void promotionKinds() {
    // true division of ints: float32
    assertEquals(new Promotion(FLOAT32, FLOAT32),
        DTypes.promote(TypePromotionKind.INT_TO_FLOAT, dim(INT64), dim(INT64)));
    assertEquals(new Promotion(FLOAT32, FLOAT32),
        DTypes.promote(TypePromotionKind.INT_TO_FLOAT, dim(INT32), Operand.pyInt()));
    assertEquals(new Promotion(FLOAT32, FLOAT32),
        DTypes.promote(TypePromotionKind.INT_TO_FLOAT, dim(BOOL)));
    // an int divided by a float64 zero-dim tensor keeps float64
    assertEquals(new Promotion(FLOAT64, FLOAT64),
        DTypes.promote(TypePromotionKind.INT_TO_FLOAT, dim(INT64), zero(FLOAT64)));
    // comparisons compute in the promoted dtype and return bool
    assertEquals(new Promotion(FLOAT32, BOOL),
        DTypes.promote(TypePromotionKind.ALWAYS_BOOL, dim(INT64), Operand.pyFloat()));
    // pow of bools is long
    assertEquals(new Promotion(INT64, INT64),
        DTypes.promote(TypePromotionKind.BOOL_TO_LONG, dim(BOOL), dim(BOOL)));
    assertEquals(new Promotion(INT32, INT32),
        DTypes.promote(TypePromotionKind.BOOL_TO_LONG, dim(INT32), Operand.pyInt()));
    assertEquals(INT32, DTypes.promote(dim(INT32), Operand.pyInt()));
    for (TypePromotionKind k : new TypePromotionKind[] {TypePromotionKind.DEFAULT,
        TypePromotionKind.NO_OPMATH, TypePromotionKind.COMPLEX_TO_FLOAT}) {
      assertEquals(new Promotion(FLOAT64, FLOAT64), DTypes.promote(k, dim(FLOAT64), dim(INT32)));
    }
  }

  /** The C++ result_type and prims' elementwise_dtypes agree on all up-to-three operand lists. */
  @Test
  void resultTypeAgreesWithElementwiseDtypesEverywhere() {
    List<Operand> all = new ArrayList<>();
    for (DType d : DType.values()) {
      all.add(dim(d));
      all.add(zero(d));
    }
    all.add(Operand.pyBool());
    all.add(Operand.pyInt());
    all.add(Operand.pyFloat());
    int checked = 0;
    for (Operand a : all) {
      for (Operand b : all) {
        assertEquals(DTypes.resultType(a, b), DTypes.promote(a, b), a + " with " + b);
        for (Operand c : all) {
          assertEquals(DTypes.resultType(a, b, c), DTypes.promote(a, b, c),
              a + ", " + b + ", " + c);
          checked++;
        }
      }
    }
    assertEquals(13 * 13 * 13, checked);
  }

  @Test
  void canCastRefusesFloatToIntAndAnythingToBool() {
    assertFalse(DTypes.canCast(FLOAT32, INT64));
    assertFalse(DTypes.canCast(FLOAT64, INT32));
    assertFalse(DTypes.canCast(INT64, BOOL));
    assertFalse(DTypes.canCast(FLOAT32, BOOL));
    assertTrue(DTypes.canCast(INT64, INT32));
    assertTrue(DTypes.canCast(FLOAT64, FLOAT32));
    assertTrue(DTypes.canCast(BOOL, INT64));
    assertTrue(DTypes.canCast(BOOL, BOOL));
    assertTrue(DTypes.canCast(INT64, FLOAT32));
  }

  @Test
  void operandsOfTensors() {
    assertEquals(zero(FLOAT32), Operand.of(Tensor.scalar(FLOAT32, 1)));
    assertEquals(dim(INT64), Operand.of(Tensor.zeros(INT64, 2, 3)));
    assertEquals(Operand.Kind.PYTHON_SCALAR, Operand.pyFloat().kind());
    assertEquals(FLOAT32, Operand.pyFloat().dtype());
  }
}
