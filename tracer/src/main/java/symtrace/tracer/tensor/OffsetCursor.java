package symtrace.tracer.tensor;

import java.util.NoSuchElementException;

/**
 * Walks the storage indices of a strided layout in row-major order (the last dimension
 * fastest), as an odometer: each step adds one stride and carries on overflow, so a full walk
 * costs O(numel) additions with no multiplication.
 *
 * <p>{@code for (OffsetCursor c = t.cursor(); c.hasNext(); ) { int i = c.next(); ... }}
 */
public final class OffsetCursor {
  private final long[] sizes;
  private final long[] strides;
  private final long[] counter;
  private long remaining;
  private long current;

  OffsetCursor(long[] sizes, long[] strides, long offset) {
    this.sizes = sizes;
    this.strides = strides;
    this.counter = new long[sizes.length];
    long n = 1;
    for (long s : sizes) {
      n *= s;
    }
    this.remaining = n;
    this.current = offset;
  }

  public boolean hasNext() {
    return remaining > 0;
  }

  /** The storage index of the next element in row-major order. */
  public int next() {
    if (remaining <= 0) {
      throw new NoSuchElementException();
    }
    int result = (int) current;
    remaining--;
    for (int d = sizes.length - 1; d >= 0; d--) {
      counter[d]++;
      current += strides[d];
      if (counter[d] < sizes[d]) {
        break;
      }
      current -= strides[d] * sizes[d];
      counter[d] = 0;
    }
    return result;
  }
}
