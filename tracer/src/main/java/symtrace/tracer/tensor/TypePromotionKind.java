package symtrace.tracer.tensor;

/**
 * PyTorch's {@code ELEMENTWISE_TYPE_PROMOTION_KIND}: how an elementwise operator turns the
 * promoted dtype of its arguments into its computation and result dtypes.
 *
 * <p>With symtrace's dtypes (no half precision, no complex) the op-math mapping is the identity,
 * so {@link #NO_OPMATH} and {@link #COMPLEX_TO_FLOAT} behave as {@link #DEFAULT}; they exist so
 * that operator tables can name PyTorch's kind.
 */
public enum TypePromotionKind {
  /** The promoted dtype, e.g. {@code add}, {@code mul}, {@code where}. */
  DEFAULT,
  /** As DEFAULT without op math, e.g. {@code cat}, {@code where}. */
  NO_OPMATH,
  /** bool and integer results become the default float dtype, e.g. {@code div}, {@code sin}. */
  INT_TO_FLOAT,
  /** Complex results become real, e.g. {@code abs}; the identity for real dtypes. */
  COMPLEX_TO_FLOAT,
  /** A bool result becomes {@code int64} (computation too), e.g. {@code pow}. */
  BOOL_TO_LONG,
  /** The result is always {@code bool}, computed in the promoted dtype, e.g. {@code eq}. */
  ALWAYS_BOOL
}
