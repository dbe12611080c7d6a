package symtrace.symbolic.expr;

import java.util.HashMap;
import java.util.Map;

/**
 * The one list of functions an {@link Apply} node can hold, with the name sympy prints, the
 * arity, the type of the result and the class key sympy sorts by.
 *
 * <p>The names are those of {@code torch/utils/_sympy/functions.py} (and sympy's for {@code Abs},
 * {@code floor}, {@code ceiling}, {@code Piecewise}, relations and connectives), so printed text
 * matches what PyTorch users read.
 */
public enum Fn {
  // Integer division and modulus (Python floor semantics unless noted).
  FLOOR_DIV("FloorDiv", 2, Type.INT, Group.FUNCTION),
  CLEAN_DIV("CleanDiv", 2, Type.INT, Group.FUNCTION),
  MODULAR_INDEXING("ModularIndexing", 3, Type.INT, Group.FUNCTION),
  MOD("Mod", 2, Type.INT, Group.FUNCTION),
  PYTHON_MOD("PythonMod", 2, Type.INT, Group.FUNCTION),
  // True division and conversions.
  INT_TRUE_DIV("IntTrueDiv", 2, Type.FLOAT, Group.FUNCTION),
  FLOAT_TRUE_DIV("FloatTrueDiv", 2, Type.FLOAT, Group.FUNCTION),
  TO_FLOAT("ToFloat", 1, Type.FLOAT, Group.FUNCTION),
  TRUNC_TO_INT("TruncToInt", 1, Type.INT, Group.FUNCTION),
  TRUNC_TO_FLOAT("TruncToFloat", 1, Type.FLOAT, Group.FUNCTION),
  FLOOR_TO_INT("FloorToInt", 1, Type.INT, Group.FUNCTION),
  CEIL_TO_INT("CeilToInt", 1, Type.INT, Group.FUNCTION),
  ROUND_TO_INT("RoundToInt", 1, Type.INT, Group.FUNCTION),
  ROUND_DECIMAL("RoundDecimal", 2, Type.FLOAT, Group.FUNCTION),
  FLOOR("floor", 1, Type.INT, Group.FUNCTION),
  CEILING("ceiling", 1, Type.INT, Group.FUNCTION),
  // Powers.
  POW_BY_NATURAL("PowByNatural", 2, Type.INT, Group.FUNCTION),
  FLOAT_POW("FloatPow", 2, Type.FLOAT, Group.FUNCTION),
  // Bitwise functions and shifts.
  BITWISE_AND("BitwiseFn_bitwise_and", 2, Type.INT, Group.FUNCTION),
  BITWISE_OR("BitwiseFn_bitwise_or", 2, Type.INT, Group.FUNCTION),
  BITWISE_XOR("BitwiseFn_bitwise_xor", 2, Type.INT, Group.FUNCTION),
  LSHIFT("LShift", 2, Type.INT, Group.FUNCTION),
  RSHIFT("RShift", 2, Type.INT, Group.FUNCTION),
  // Lattice operations and other numeric functions.
  MAX("Max", -1, Type.SAME, Group.BASIC),
  MIN("Min", -1, Type.SAME, Group.BASIC),
  ABS("Abs", 1, Type.SAME, Group.FUNCTION),
  IDENTITY("Identity", 1, Type.SAME, Group.FUNCTION),
  IS_NON_OVERLAPPING_AND_DENSE(
      "IsNonOverlappingAndDenseIndicator", -1, Type.INT, Group.VARIADIC_FUNCTION),
  // Piecewise((e1, c1), (e2, c2), ...) is stored flat: e1, c1, e2, c2, ...
  PIECEWISE("Piecewise", -1, Type.SAME, Group.VARIADIC_FUNCTION),
  // Float math with no algebraic rewriting, only constant folding.
  OPAQUE_SQRT("OpaqueUnaryFn_sqrt", 1, Type.FLOAT, Group.FUNCTION),
  OPAQUE_EXP("OpaqueUnaryFn_exp", 1, Type.FLOAT, Group.FUNCTION),
  OPAQUE_LOG("OpaqueUnaryFn_log", 1, Type.FLOAT, Group.FUNCTION),
  OPAQUE_LOG2("OpaqueUnaryFn_log2", 1, Type.FLOAT, Group.FUNCTION),
  OPAQUE_SIN("OpaqueUnaryFn_sin", 1, Type.FLOAT, Group.FUNCTION),
  OPAQUE_COS("OpaqueUnaryFn_cos", 1, Type.FLOAT, Group.FUNCTION),
  OPAQUE_TAN("OpaqueUnaryFn_tan", 1, Type.FLOAT, Group.FUNCTION),
  OPAQUE_TANH("OpaqueUnaryFn_tanh", 1, Type.FLOAT, Group.FUNCTION),
  // Relations (never reordered, as in sympy).
  EQ("Eq", 2, Type.BOOL, Group.BASIC),
  NE("Ne", 2, Type.BOOL, Group.BASIC),
  LT("Lt", 2, Type.BOOL, Group.BASIC),
  LE("Le", 2, Type.BOOL, Group.BASIC),
  GT("Gt", 2, Type.BOOL, Group.BASIC),
  GE("Ge", 2, Type.BOOL, Group.BASIC),
  // Connectives.
  AND("And", -1, Type.BOOL, Group.BASIC),
  OR("Or", -1, Type.BOOL, Group.BASIC),
  NOT("Not", 1, Type.BOOL, Group.BASIC);

  /** What a function returns. */
  public enum Type {
    INT,
    FLOAT,
    BOOL,
    /** The type of its (value) arguments: Max of ints is an int. */
    SAME
  }

  /** sympy's class-key group: fixed-arity functions, variadic functions, other Basic. */
  enum Group {
    FUNCTION,
    VARIADIC_FUNCTION,
    BASIC
  }

  private static final Map<String, Fn> BY_NAME = new HashMap<>();

  static {
    for (Fn f : values()) {
      BY_NAME.put(f.sympyName, f);
    }
  }

  private final String sympyName;
  private final int arity;
  private final Type resultType;
  private final Group group;

  Fn(String sympyName, int arity, Type resultType, Group group) {
    this.sympyName = sympyName;
    this.arity = arity;
    this.resultType = resultType;
    this.group = group;
  }

  /** Returns the function with this sympy name, or null. */
  public static Fn byName(String name) {
    return BY_NAME.get(name);
  }

  /** Returns the name sympy prints, e.g. {@code FloorDiv} or {@code OpaqueUnaryFn_sqrt}. */
  public String sympyName() {
    return sympyName;
  }

  /** Returns the number of arguments, or -1 for a variadic function. */
  public int arity() {
    return arity;
  }

  public Type resultType() {
    return resultType;
  }

  Group group() {
    return group;
  }

  /** Returns true for {@code Eq Ne Lt Le Gt Ge}. */
  public boolean isRelation() {
    return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
  }

  /**
   * The relation with its sides swapped ({@code a < b} is {@code b > a}): Lt and Gt, Le and Ge
   * trade places; Eq, Ne and every other function are their own.
   */
  public Fn reversed() {
    switch (this) {
      case LT:
        return GT;
      case LE:
        return GE;
      case GT:
        return LT;
      case GE:
        return LE;
      default:
        return this;
    }
  }

  /** The relation that holds exactly when this one does not: Lt is Ge, Eq is Ne, ... */
  public Fn negated() {
    switch (this) {
      case EQ:
        return NE;
      case NE:
        return EQ;
      case LT:
        return GE;
      case LE:
        return GT;
      case GT:
        return LE;
      case GE:
        return LT;
      default:
        throw new IllegalArgumentException("not a relation: " + this);
    }
  }

  /** Returns true for {@code And Or Not}. */
  public boolean isConnective() {
    return this == AND || this == OR || this == NOT;
  }

  /** Returns true for the float functions that only fold constants. */
  public boolean isOpaqueUnary() {
    return sympyName.startsWith("OpaqueUnaryFn_");
  }

  /** sympy's class name of the relation, used in sort keys ({@code StrictLessThan}, ...). */
  String className() {
    switch (this) {
      case EQ:
        return "Equality";
      case NE:
        return "Unequality";
      case LT:
        return "StrictLessThan";
      case LE:
        return "LessThan";
      case GT:
        return "StrictGreaterThan";
      case GE:
        return "GreaterThan";
      default:
        return sympyName;
    }
  }
}
