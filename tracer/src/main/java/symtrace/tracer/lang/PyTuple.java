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
  private static final PyTuple EMPTY = new PyTuple(new Object[0], null);
  private final Object[] items;
  /** The field names of a named tuple ({@code torch.return_types.max}), else null. */
  private final List<String> fields;

  private PyTuple(Object[] items, List<String> fields) {
    this.items = items;
    this.fields = fields;
  }

  public static PyTuple of(Object... items) {
    return items.length == 0 ? EMPTY : new PyTuple(items.clone(), null);
  }

  public static PyTuple copyOf(List<?> items) {
    return items.isEmpty() ? EMPTY : new PyTuple(items.toArray(), null);
  }

  /**
   * A named tuple, as PyTorch returns several results of a native function ({@code
   * torch.max(x, 1).values}): a tuple whose items can also be read by name.
   */
  public static PyTuple named(List<String> fields, List<?> items) {
    if (fields.size() != items.size()) {
      throw new IllegalArgumentException(fields.size() + " names for " + items.size() + " items");
    }
    return new PyTuple(items.toArray(), List.copyOf(fields));
  }

  /** Whether this is a named tuple with a field {@code name}. */
  public boolean hasField(String name) {
    return fields != null && fields.contains(name);
  }

  /** The item named {@code name} of a named tuple. */
  public Object field(String name) {
    int i = fields == null ? -1 : fields.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no field " + name);
    }
    return items[i];
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  /** Equal to another tuple with equal items (named or not); never to a list, as in Python. */
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
