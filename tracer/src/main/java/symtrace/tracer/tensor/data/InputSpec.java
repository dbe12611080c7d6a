package symtrace.tracer.tensor.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import symtrace.tracer.tensor.DType;

/**
 * One example input of a trace, as a program header names it ({@code program-language.md},
 * "Input specifications"): a tensor of a dtype and shape, optionally with an integer value
 * range, or a scalar.
 *
 * <table>
 *   <caption>Forms</caption>
 *   <tr><td>{@code f32[3,4]}, {@code f64[]}, {@code i32[5]}, {@code bool[2,3]}</td>
 *       <td>{@link TensorInput}</td></tr>
 *   <tr><td>{@code i64[8]{0..9}}</td><td>{@link TensorInput} with values in 0..9</td></tr>
 *   <tr><td>{@code int=5}, {@code float=0.5}, {@code bool=true}</td>
 *       <td>{@link IntInput}, {@link FloatInput}, {@link BoolInput}</td></tr>
 * </table>
 *
 * {@link #toSpec()} writes the canonical text back ({@code f32[3,4]}), which {@link #parse}
 * reads to an equal value.
 */
public sealed interface InputSpec
    permits InputSpec.TensorInput, InputSpec.IntInput, InputSpec.FloatInput, InputSpec.BoolInput {

  /** The canonical spec text. */
  String toSpec();

  /**
   * Parses one spec ({@code f32[3,4]}, {@code int=5}).
   *
   * @throws InputSpecError with the column of the problem
   */
  static InputSpec parse(String text) {
    return InputSpecParser.parseSpec(text);
  }

  /**
   * Parses a header's inputs, {@code x=f32[3,4] n=int=2}: space-separated {@code name=spec}
   * pairs, in order.
   *
   * @throws InputSpecError with the column within {@code text}
   */
  static Map<String, InputSpec> parseAssignments(String text) {
    return InputSpecParser.parseAssignments(text);
  }

  /** Writes {@code name=spec} pairs as a header does. */
  static String toHeader(Map<String, ? extends InputSpec> inputs) {
    return inputs.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().toSpec())
        .collect(Collectors.joining(" "));
  }

  /**
   * A tensor input: dtype, shape, and for an integer dtype optionally the inclusive value range
   * {@code low..high} (both null without one).
   */
  record TensorInput(DType dtype, List<Long> shape, Long low, Long high) implements InputSpec {
    public TensorInput {
      Objects.requireNonNull(dtype, "dtype");
      shape = List.copyOf(shape);
      for (long s : shape) {
        if (s < 0) {
          throw new IllegalArgumentException("negative size in " + shape);
        }
      }
      if ((low == null) != (high == null)) {
        throw new IllegalArgumentException("a range needs both ends");
      }
      if (low != null && !dtype.isInteger()) {
        throw new IllegalArgumentException("a value range needs an integer dtype, not " + dtype);
      }
      if (low != null && low > high) {
        throw new IllegalArgumentException("empty range " + low + ".." + high);
      }
    }

    /** A tensor input without a range. */
    public static TensorInput of(DType dtype, long... shape) {
      return new TensorInput(dtype, java.util.Arrays.stream(shape).boxed().toList(), null, null);
    }

    public boolean hasRange() {
      return low != null;
    }

    /** The shape as an array. */
    public long[] sizes() {
      return shape.stream().mapToLong(Long::longValue).toArray();
    }

    /** The number of elements. */
    public long numel() {
      long n = 1;
      for (long s : shape) {
        n *= s;
      }
      return n;
    }

    @Override
    public String toSpec() {
      String name = dtype == DType.BOOL ? "bool" : dtype.shortName();
      String dims = shape.stream().map(String::valueOf).collect(Collectors.joining(","));
      return name + "[" + dims + "]" + (hasRange() ? "{" + low + ".." + high + "}" : "");
    }
  }

  /** A Python {@code int} input. */
  record IntInput(long value) implements InputSpec {
    @Override
    public String toSpec() {
      return "int=" + value;
    }
  }

  /** A Python {@code float} input. */
  record FloatInput(double value) implements InputSpec {
    @Override
    public String toSpec() {
      if (Double.isNaN(value)) {
        return "float=nan";
      }
      if (Double.isInfinite(value)) {
        return value > 0 ? "float=inf" : "float=-inf";
      }
      return "float=" + value;
    }
  }

  /** A Python {@code bool} input. */
  record BoolInput(boolean value) implements InputSpec {
    @Override
    public String toSpec() {
      return "bool=" + value;
    }
  }
}
