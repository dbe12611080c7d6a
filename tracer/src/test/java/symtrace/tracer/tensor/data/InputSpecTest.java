package symtrace.tracer.tensor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.data.InputSpec.BoolInput;
import symtrace.tracer.tensor.data.InputSpec.FloatInput;
import symtrace.tracer.tensor.data.InputSpec.IntInput;
import symtrace.tracer.tensor.data.InputSpec.TensorInput;

class InputSpecTest {
  @Test
  void parsesEveryForm() {
    assertEquals(TensorInput.of(DType.FLOAT32, 3, 4), InputSpec.parse("f32[3,4]"));
    assertEquals(TensorInput.of(DType.FLOAT64), InputSpec.parse("f64[]"));
    assertEquals(TensorInput.of(DType.INT32, 5), InputSpec.parse("i32[5]"));
    assertEquals(TensorInput.of(DType.BOOL, 2, 3), InputSpec.parse("bool[2,3]"));
    assertEquals(TensorInput.of(DType.BOOL, 2), InputSpec.parse("b8[2]"));
    assertEquals(new TensorInput(DType.INT64, List.of(8L), 0L, 9L),
        InputSpec.parse("i64[8]{0..9}"));
    assertEquals(new TensorInput(DType.INT64, List.of(2L, 2L), -5L, 5L),
        InputSpec.parse("i64[2, 2]{-5..5}"));
    assertEquals(new IntInput(5), InputSpec.parse("int=5"));
    assertEquals(new IntInput(-3), InputSpec.parse("int=-3"));
    assertEquals(new FloatInput(0.5), InputSpec.parse("float=0.5"));
    assertEquals(new FloatInput(2.0), InputSpec.parse("float=2"));
    assertEquals(new FloatInput(1e-3), InputSpec.parse("float=1e-3"));
    assertEquals(new FloatInput(Double.NEGATIVE_INFINITY), InputSpec.parse("float=-inf"));
    assertEquals(new BoolInput(true), InputSpec.parse("bool=true"));
    assertEquals(new BoolInput(false), InputSpec.parse("bool=False"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "f32[3,4]", "f64[]", "i64[8]{0..9}", "i32[2,3]{-2..2}", "bool[2,3]", "int=5", "int=-1",
    "float=0.5", "float=1.0E-5", "float=nan", "bool=true", "bool=false",
  })
  void printsWhatItParses(String text) {
    InputSpec spec = InputSpec.parse(text);
    assertEquals(text, spec.toSpec());
    assertEquals(spec, InputSpec.parse(spec.toSpec()));
  }

  @Test
  void parsesHeaderAssignmentsInOrder() {
    Map<String, InputSpec> inputs = InputSpec.parseAssignments(
        "x=f32[4,6] idx=i64[4]{0..5}  n=int=2 flip=bool=true");
    assertEquals(List.of("x", "idx", "n", "flip"), List.copyOf(inputs.keySet()));
    assertEquals(new IntInput(2), inputs.get("n"));
    assertEquals("x=f32[4,6] idx=i64[4]{0..5} n=int=2 flip=bool=true",
        InputSpec.toHeader(inputs));
    assertEquals(Map.of(), InputSpec.parseAssignments("  "));
  }

  /** spec, 1-based column, problem. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "f32[3,x]|7|expected a size (a non-negative integer), found 'x'",
    "f32[3,-4]|7|expected a size (a non-negative integer), found '-'",
    "f16[3]|1|unknown dtype 'f16' (expected f32, f64, i64, i32 or bool)",
    "[3]|1|expected a dtype (f32, f64, i64, i32, bool) or a scalar (int=, float=, bool=),"
        + " found '['",
    "f32(3)|4|expected '[' after the dtype, found '('",
    "f32[3,4|8|expected ',' or ']' in the shape, found the end",
    "f32[3 4]|7|expected ',' or ']' in the shape, found '4'",
    "f32[3]x|7|unexpected 'x' after the spec",
    "f32[3]{0..9}|7|a value range needs an integer dtype (i64 or i32), not f32",
    "bool[3]{0..1}|8|a value range needs an integer dtype (i64 or i32), not bool",
    "i64[3]{5..2}|7|empty value range 5..2",
    "i64[3]{0.9}|9|expected '..' in the range, found '.'",
    "i64[3]{0..9|12|expected '}' after the range, found the end",
    "int=2.5|6|unexpected '.' after the spec",
    "int=|5|expected an int (an integer), found the end",
    "float=abc|7|expected a float, found 'a'",
    "bool=yes|6|expected true or false, found 'y'",
    "f32[99999999999999999999]|5|size 99999999999999999999 is too large",
  })
  void errorsNameTheColumn(String text, int column, String problem) {
    InputSpecError e = assertThrows(InputSpecError.class, () -> InputSpec.parse(text));
    assertEquals(column, e.column(), e.getMessage());
    assertEquals("invalid input spec '" + text + "': column " + column + ": " + problem,
        e.getMessage());
    assertEquals(text, e.spec());
  }

  @Test
  void headerErrorsAreColumnsOfTheWholeLine() {
    InputSpecError e = assertThrows(InputSpecError.class,
        () -> InputSpec.parseAssignments("x=f32[3,4] y=f32[4,q]"));
    assertEquals(20, e.column());
    e = assertThrows(InputSpecError.class, () -> InputSpec.parseAssignments("x=f32[3] x=f32[3]"));
    assertEquals("invalid input spec 'x=f32[3] x=f32[3]': column 10: parameter 'x' is given"
        + " twice", e.getMessage());
    e = assertThrows(InputSpecError.class, () -> InputSpec.parseAssignments("x f32[3]"));
    assertEquals(2, e.column());
    e = assertThrows(InputSpecError.class, () -> InputSpec.parseAssignments("x=f32[3],y=f32[3]"));
    assertEquals("invalid input spec 'x=f32[3],y=f32[3]': column 9: unexpected ',' after the spec"
        + " of 'x'", e.getMessage());
  }

  @Test
  void recordsValidateTheirParts() {
    assertThrows(IllegalArgumentException.class,
        () -> new TensorInput(DType.FLOAT32, List.of(2L), 0L, 1L));
    assertThrows(IllegalArgumentException.class,
        () -> new TensorInput(DType.INT64, List.of(-2L), null, null));
    assertEquals(12, TensorInput.of(DType.FLOAT32, 3, 4).numel());
  }
}
