package symtrace.symbolic.env;

/** A size, stride or storage offset of a tensor source: {@code L['x'].size()[0]}. */
public record TensorPropertySource(Source base, Property property, int index) implements Source {
  /** The tensor property read. */
  public enum Property {
    SIZE,
    STRIDE,
    STORAGE_OFFSET
  }

  @Override
  public String name() {
    switch (property) {
      case SIZE:
        return base.name() + ".size()[" + index + "]";
      case STRIDE:
        return base.name() + ".stride()[" + index + "]";
      default:
        return base.name() + ".storage_offset()";
    }
  }

  /** Returns true for a size, the only property that can be a dimension constraint. */
  public boolean isSize() {
    return property == Property.SIZE;
  }

  @Override
  public String toString() {
    return name();
  }
}
