package symtrace.symbolic.env;

/**
 * How a dimension gets its symbol (PyTorch's {@code DimDynamic}): {@code DUCK} shares the symbol
 * of an earlier size with the same value, {@code DYNAMIC} always allocates a fresh one, {@code
 * STATIC} keeps the value, {@code SIZE_LIKE_UNBACKED} makes an unbacked size-like symbol, {@code
 * INFER_STRIDE} derives a stride from the sizes.
 */
public enum DimDynamic {
  DYNAMIC,
  DUCK,
  STATIC,
  SIZE_LIKE_UNBACKED,
  INFER_STRIDE,
  OBLIVIOUS_SIZE
}
