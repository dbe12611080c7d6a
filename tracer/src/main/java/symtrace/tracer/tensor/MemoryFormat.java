package symtrace.tracer.tensor;

/** PyTorch's {@code memory_format} choices for copies ({@code clone}, {@code empty_like}). */
public enum MemoryFormat {
  /** Row-major strides ({@code torch.contiguous_format}). */
  CONTIGUOUS,
  /**
   * {@code torch.preserve_format}, the default of {@code clone}: the input's strides when it is
   * non-overlapping and dense, else dense strides in the order of the input's ({@code
   * infer_dense_strides}).
   */
  PRESERVE
}
