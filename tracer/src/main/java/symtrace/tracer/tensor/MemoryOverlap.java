package symtrace.tracer.tensor;

import java.util.Arrays;

/**
 * ATen's memory-overlap checks ({@code MemoryOverlap.cpp}) that guard writes: an output must
 * not have two elements at one storage index, and an input may not partly overlap the output.
 * Both answer {@code TOO_HARD} for layouts that are not dense, where ATen does not raise; the
 * caller then reads the input before writing.
 */
final class MemoryOverlap {
  enum Status {
    NO,
    YES,
    FULL,
    PARTIAL,
    TOO_HARD
  }

  private MemoryOverlap() {}

  /** {@code has_internal_overlap}: YES when a dimension of size above 1 has stride 0. */
  static Status internal(Tensor t) {
    if (t.isNonOverlappingAndDense()) {
      return Status.NO;
    }
    for (int d = 0; d < t.dim(); d++) {
      if (t.sizeAt(d) > 1 && t.strideAt(d) == 0) {
        return Status.YES;
      }
    }
    return Status.TOO_HARD;
  }

  /** {@code get_overlap_status(a, b)}, comparing the storage ranges of two dense tensors. */
  static Status between(Tensor a, Tensor b) {
    if (a == b) {
      return Status.FULL;
    }
    if (a.numel() == 0 || b.numel() == 0) {
      return Status.NO;
    }
    if (a.storage() != b.storage()) {
      return Status.NO;
    }
    if (!a.isNonOverlappingAndDense() || !b.isNonOverlappingAndDense()) {
      return Status.TOO_HARD;
    }
    long aBegin = a.storageOffset();
    long aEnd = aBegin + a.numel();
    long bBegin = b.storageOffset();
    long bEnd = bBegin + b.numel();
    if (aBegin == bBegin && aEnd == bEnd) {
      return Arrays.equals(a.strides(), b.strides()) ? Status.FULL : Status.PARTIAL;
    }
    if (aBegin < bEnd && bBegin < aEnd) {
      return Status.PARTIAL;
    }
    return Status.NO;
  }

  /** {@code assert_no_internal_overlap}. */
  static void checkNoInternalOverlap(Tensor t) {
    if (internal(t) == Status.YES) {
      throw TensorError.runtime("unsupported operation: more than one element of the written-to"
          + " tensor refers to a single memory location. Please clone() the tensor before"
          + " performing the operation.");
    }
  }

  /** {@code assert_no_partial_overlap}. */
  static void checkNoPartialOverlap(Tensor output, Tensor input) {
    if (between(output, input) == Status.PARTIAL) {
      throw TensorError.runtime("unsupported operation: some elements of the input tensor and"
          + " the written-to tensor refer to a single memory location. Please clone() the tensor"
          + " before performing the operation.");
    }
  }
}
