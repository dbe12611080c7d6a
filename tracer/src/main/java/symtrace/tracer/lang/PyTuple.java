package symtrace.tracer.lang;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple (also {@code torch.Size}): immutable, and a {@link List} so that operators take
 * it wherever aten takes {@code int[]} or {@code Tensor[]}. A Python list is any other mutable
 * {@code List} (an {@link java.util.ArrayList}); outputs keep the distinction ({@code kind:
 * "tuple"} or {@code "list"}).
 */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
  private static final PyTuple EMPTY = new PyTuple(new Object[0]);
  private final Object[] items;

  private PyTuple(Object[] items) {
    this.items = items;
  }

  public static PyTuple of(Object... items) {
    return items.length == 0 ? EMPTY : new PyTuple(items.clone());
  }

  public static PyTuple copyOf(List<?> items) {
    return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  /** Equal to another tuple with equal items; never to a list, as in Python. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PyTuple t && Arrays.equals(items, t.items);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(items);
  }

  @Override
  public String toString() {
    if (items.length == 1) {
      return "(" + items[0] + ",)";
    }
    String inner = Arrays.toString(items);
    return "(" + inner.substring(1, inner.length() - 1) + ")";
  }
}
