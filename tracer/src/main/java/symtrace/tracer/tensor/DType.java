package symtrace.tracer.tensor;

/**
 * The element types symtrace supports, with PyTorch's names ({@code torch.float32}, ...), the
 * short names of printed graph annotations ({@code f32[3, 4]}) and their type-promotion
 * category.
 *
 * <p>The declaration order is PyTorch's promotion order for these five dtypes ({@code bool <
 * int32 < int64 < float32 < float64}, a chain: there are no unordered pairs such as {@code
 * uint8}/{@code int8} here), so {@link DTypes#promoteTypes} is the later of two constants.
 */
public enum DType {
  BOOL("bool", "b8", "Bool", "torch.BoolTensor", 1, Category.BOOL),
  INT32("int32", "i32", "Int", "torch.IntTensor", 4, Category.INTEGER),
  INT64("int64", "i64", "Long", "torch.LongTensor", 8, Category.INTEGER),
  FLOAT32("float32", "f32", "Float", "torch.FloatTensor", 4, Category.FLOATING),
  FLOAT64("float64", "f64", "Double", "torch.DoubleTensor", 8, Category.FLOATING);

  /**
   * PyTorch's type categories ({@code bool -> integer -> floating point}, complex is not
   * supported), in promotion order: a higher category always wins.
   */
  public enum Category {
    BOOL,
    INTEGER,
    FLOATING
  }

  /** The default floating dtype ({@code torch.get_default_dtype()}), which symtrace fixes. */
  public static final DType DEFAULT_FLOAT = FLOAT32;

  private final String pytorchName;
  private final String shortName;
  private final String scalarTypeName;
  private final String legacyTypeName;
  private final int itemSize;
  private final Category category;

  DType(String pytorchName, String shortName, String scalarTypeName, String legacyTypeName,
      int itemSize, Category category) {
    this.pytorchName = pytorchName;
    this.shortName = shortName;
    this.scalarTypeName = scalarTypeName;
    this.legacyTypeName = legacyTypeName;
    this.itemSize = itemSize;
    this.category = category;
  }

  /** PyTorch's name without the module: {@code float32}. */
  public String pytorchName() {
    return pytorchName;
  }

  /** As Python prints it: {@code torch.float32}. */
  public String toPython() {
    return "torch." + pytorchName;
  }

  /** The annotation prefix of printed graphs: {@code f32}, {@code b8}. */
  public String shortName() {
    return shortName;
  }

  /** c10's {@code ScalarType} name used in error texts: {@code Float}, {@code Long}. */
  public String scalarTypeName() {
    return scalarTypeName;
  }

  /** The legacy tensor type name of some error texts: {@code torch.FloatTensor}. */
  public String legacyTypeName() {
    return legacyTypeName;
  }

  /** Bytes per element ({@code element_size()}), used in storage-bounds error texts. */
  public int itemSize() {
    return itemSize;
  }

  public Category category() {
    return category;
  }

  public boolean isFloatingPoint() {
    return category == Category.FLOATING;
  }

  /** PyTorch's {@code is_integer_dtype}: int32 and int64, not bool. */
  public boolean isInteger() {
    return category == Category.INTEGER;
  }

  public boolean isBool() {
    return category == Category.BOOL;
  }

  /**
   * Returns the dtype with a PyTorch name or alias: {@code float32}/{@code float}, {@code
   * float64}/{@code double}, {@code int64}/{@code long}, {@code int32}/{@code int}, {@code
   * bool}; an optional {@code torch.} prefix is accepted.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static DType fromPytorchName(String name) {
    String n = name.startsWith("torch.") ? name.substring("torch.".length()) : name;
    switch (n) {
      case "float32":
      case "float":
        return FLOAT32;
      case "float64":
      case "double":
        return FLOAT64;
      case "int64":
      case "long":
        return INT64;
      case "int32":
      case "int":
        return INT32;
      case "bool":
        return BOOL;
      default:
        throw new IllegalArgumentException("unknown dtype '" + name + "'");
    }
  }

  /**
   * Returns the dtype with a short annotation name ({@code f32}, {@code f64}, {@code i64},
   * {@code i32}, {@code b8}), or null for any other text.
   */
  public static DType fromShortName(String shortName) {
    for (DType d : values()) {
      if (d.shortName.equals(shortName)) {
        return d;
      }
    }
    return null;
  }

  /** The PyTorch name, {@code float32}. */
  @Override
  public String toString() {
    return pytorchName;
  }
}
