package symtrace.tracer.tensor;

import java.util.Objects;

/**
 * One argument of a type-promotion question: a tensor with at least one dimension, a
 * zero-dimensional tensor, or a Python scalar, with its dtype.
 *
 * <p>Within one {@link DType.Category} the three kinds have a priority ({@link Kind}): a
 * dimensioned tensor's dtype beats a zero-dimensional tensor's, which beats a Python scalar's.
 * A Python scalar carries the dtype PyTorch wraps it in for promotion: {@code bool} for a bool,
 * {@code int64} for an int, and the default dtype {@code float32} for a float.
 *
 * <p>Only the dtype and the number of dimensions matter, never the sizes, so a fake tensor
 * with symbolic sizes gives the same operand as a real one.
 */
public record Operand(DType dtype, Kind kind) {
  /** The priority classes of {@code torch.result_type}, lowest first. */
  public enum Kind {
    PYTHON_SCALAR,
    ZERO_DIM_TENSOR,
    DIMENSIONED_TENSOR
  }

  private static final Operand PY_BOOL = new Operand(DType.BOOL, Kind.PYTHON_SCALAR);
  private static final Operand PY_INT = new Operand(DType.INT64, Kind.PYTHON_SCALAR);
  private static final Operand PY_FLOAT = new Operand(DType.DEFAULT_FLOAT, Kind.PYTHON_SCALAR);

  public Operand {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(kind, "kind");
  }

  /** A tensor operand: zero-dimensional when {@code dim == 0}. */
  public static Operand tensor(DType dtype, int dim) {
    if (dim < 0) {
      throw new IllegalArgumentException("negative dim: " + dim);
    }
    return new Operand(dtype, dim == 0 ? Kind.ZERO_DIM_TENSOR : Kind.DIMENSIONED_TENSOR);
  }

  /** The operand of a real tensor. */
  public static Operand of(Tensor t) {
    return tensor(t.dtype(), t.dim());
  }

  /** A Python {@code bool} (or SymBool). */
  public static Operand pyBool() {
    return PY_BOOL;
  }

  /** A Python {@code int} (or SymInt). */
  public static Operand pyInt() {
    return PY_INT;
  }

  /** A Python {@code float} (or SymFloat). */
  public static Operand pyFloat() {
    return PY_FLOAT;
  }

  public boolean isTensor() {
    return kind != Kind.PYTHON_SCALAR;
  }

  @Override
  public String toString() {
    switch (kind) {
      case PYTHON_SCALAR:
        return dtype.isBool() ? "bool" : dtype.isInteger() ? "int" : "float";
      case ZERO_DIM_TENSOR:
        return dtype.shortName() + "[]";
      default:
        return dtype.shortName() + "[...]";
    }
  }
}
