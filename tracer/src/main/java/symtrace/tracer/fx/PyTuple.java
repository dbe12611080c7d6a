package symtrace.tracer.fx;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple among a graph's values: an immutable list that prints as {@code (a, b)} where a
 * plain {@link List} prints as {@code [a, b]}. A traced function's tuple result is one ({@code
 * return (sub, addmm_1)}); operator arguments such as {@code int[]} are lists.
 */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
  private final Object[] items;

  private PyTuple(Object[] items) {
    this.items = items;
  }

  public static PyTuple of(Object... items) {
    return new PyTuple(items.clone());
  }

  public static PyTuple copyOf(List<?> items) {
    return new PyTuple(items.toArray());
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
}
