package symtrace.symbolic.range;

import com.google.common.base.Preconditions;
import java.util.Objects;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;

/**
 * A closed interval {@code [lower, upper]} of integers, reals or booleans: PyTorch's {@code
 * ValueRanges} ({@code torch/utils/_sympy/value_ranges.py}).
 *
 * <p>The kinds are:
 *
 * <ul>
 *   <li>{@link Kind#INT}: both bounds are integers or {@code -int_oo}/{@code int_oo}, e.g. {@code
 *       VR[2, int_oo]} for a backed size;
 *   <li>{@link Kind#FLOAT}: any other numeric bounds, e.g. {@code VR[0.500000000000000, oo]}.
 *       {@link #unknown()} {@code = [-oo, oo]} is a float range, as in PyTorch;
 *   <li>{@link Kind#BOOL}: bounds {@code False}/{@code True} ordered {@code False < True}, so
 *       {@code [False, True]} is "either", {@code [True, True]} "certainly true".
 * </ul>
 *
 * <p>As in PyTorch's constructor, an integer bound paired with {@code oo} becomes an integer range:
 * {@code of(0, oo)} is {@code [0, int_oo]}. Bounds are compared exactly (floats as binary
 * fractions) with {@code -oo < -int_oo < finite < int_oo < oo}. A range is immutable; two ranges
 * are equal when they have the same kind and the same bounds.
 *
 * <p>A range describes a set of finite values: {@code [2, int_oo]} holds every integer from 2 on.
 * {@code [int_oo, int_oo]} is allowed (PyTorch allows it) but holds no finite value.
 */
public final class ValueRange {
  /** The kind of values a range holds. */
  public enum Kind {
    /** Integers: integer or {@code int_oo} bounds. */
    INT,
    /** Reals: any other numeric bounds. */
    FLOAT,
    /** Truth values. */
    BOOL
  }

  private static final ValueRange UNKNOWN =
      new ValueRange(Infinity.NEG_OO, Infinity.OO, Kind.FLOAT);
  private static final ValueRange UNKNOWN_INT =
      new ValueRange(Infinity.NEG_INT_OO, Infinity.INT_OO, Kind.INT);
  private static final ValueRange UNKNOWN_BOOL =
      new ValueRange(BoolLit.FALSE, BoolLit.TRUE, Kind.BOOL);
  private static final ValueRange BOOL_AS_INT =
      new ValueRange(IntLit.of(0), IntLit.of(1), Kind.INT);

  private final Expr lower;
  private final Expr upper;
  private final Kind kind;

  private ValueRange(Expr lower, Expr upper, Kind kind) {
    this.lower = lower;
    this.upper = upper;
    this.kind = kind;
  }

  /**
   * Returns the range {@code [lower, upper]}.
   *
   * @param lower a number, an infinity or a boolean literal ({@code nan} is not a bound)
   * @param upper of the same family as {@code lower}
   * @throws ValueRangeError if {@code lower > upper}
   * @throws IllegalArgumentException if a bound is not a number or boolean literal, is {@code nan},
   *     or the bounds mix a boolean with a number
   */
  public static ValueRange of(Expr lower, Expr upper) {
    Preconditions.checkNotNull(lower, "lower");
    Preconditions.checkNotNull(upper, "upper");
    if (lower instanceof BoolLit lo && upper instanceof BoolLit hi) {
      if (lo.value() && !hi.value()) {
        throw new ValueRangeError(lower.toString(), upper.toString());
      }
      return lo.value() == hi.value() ? new ValueRange(lo, hi, Kind.BOOL) : UNKNOWN_BOOL;
    }
    Preconditions.checkArgument(
        lower instanceof Num && upper instanceof Num,
        "a range bound must be a number, an infinity or a boolean literal: [%s, %s]",
        lower,
        upper);
    Num lo = (Num) lower;
    Num hi = (Num) upper;
    Preconditions.checkArgument(!lo.isNaN() && !hi.isNaN(), "nan is not a range bound");
    // [Integer, oo] is an integer range: PyTorch replaces oo by int_oo next to an Integer.
    if (lo instanceof IntLit && hi == Infinity.OO) {
      hi = Infinity.INT_OO;
    }
    if (hi instanceof IntLit && lo == Infinity.NEG_OO) {
      lo = Infinity.NEG_INT_OO;
    }
    if (Endpoints.compare(lo, hi) > 0) {
      throw new ValueRangeError(lo.toString(), hi.toString());
    }
    Kind kind = Endpoints.isIntegral(lo) && Endpoints.isIntegral(hi) ? Kind.INT : Kind.FLOAT;
    return new ValueRange(lo, hi, kind);
  }

  /** Returns the integer range {@code [lower, upper]}. */
  public static ValueRange of(long lower, long upper) {
    return of(IntLit.of(lower), IntLit.of(upper));
  }

  /** Returns {@code [value, value]}, PyTorch's {@code ValueRanges.wrap} of a constant. */
  public static ValueRange singleton(Expr value) {
    return of(value, value);
  }

  /** Returns the integer range {@code [value, value]}. */
  public static ValueRange singleton(long value) {
    IntLit v = IntLit.of(value);
    return of(v, v);
  }

  /** Returns {@code [-oo, oo]}: nothing is known (PyTorch's {@code unknown()}, a float range). */
  public static ValueRange unknown() {
    return UNKNOWN;
  }

  /** Returns {@code [-int_oo, int_oo]}: any integer. */
  public static ValueRange unknownInt() {
    return UNKNOWN_INT;
  }

  /** Returns {@code [False, True]}: either truth value. */
  public static ValueRange unknownBool() {
    return UNKNOWN_BOOL;
  }

  /** Returns the lower bound: a number, an infinity or a boolean literal. */
  public Expr lower() {
    return lower;
  }

  /** Returns the upper bound: a number, an infinity or a boolean literal. */
  public Expr upper() {
    return upper;
  }

  /** Returns the kind: integer, float or boolean. */
  public Kind kind() {
    return kind;
  }

  /** Returns true for an integer range (PyTorch's {@code is_int}). */
  public boolean isInt() {
    return kind == Kind.INT;
  }

  /** Returns true for a numeric range that is not an integer range (PyTorch's {@code is_float}). */
  public boolean isFloat() {
    return kind == Kind.FLOAT;
  }

  /** Returns true for a range of truth values (PyTorch's {@code is_bool}). */
  public boolean isBool() {
    return kind == Kind.BOOL;
  }

  /** Returns true when the range holds one value: {@code lower == upper}. */
  public boolean isSingleton() {
    return lower == upper;
  }

  /**
   * Returns true when every value of this range is in {@code other}. A boolean range is never a
   * subset of a numeric one, nor the converse.
   */
  public boolean issubset(ValueRange other) {
    if (isBool() != other.isBool()) {
      return false;
    }
    if (isBool()) {
      return boolLe(other.lower, lower) && boolLe(upper, other.upper);
    }
    return Endpoints.compare(other.lo(), lo()) <= 0 && Endpoints.compare(hi(), other.hi()) <= 0;
  }

  /** Returns true when the number {@code x} lies in this numeric range ({@code nan} never does). */
  public boolean contains(Num x) {
    if (isBool() || x.isNaN()) {
      return false;
    }
    return Endpoints.compare(lo(), x) <= 0 && Endpoints.compare(x, hi()) <= 0;
  }

  /** Returns true when the truth value {@code x} lies in this boolean range. */
  public boolean contains(BoolLit x) {
    return isBool() && boolLe(lower, x) && boolLe(x, upper);
  }

  /**
   * Returns the intersection (PyTorch's {@code &}). {@link #unknown()} and {@link #unknownInt()}
   * are identities, whatever the other range's kind, as in PyTorch.
   *
   * @throws ValueRangeError if the ranges are disjoint
   * @throws IllegalArgumentException if one range is boolean and the other numeric
   */
  public ValueRange intersect(ValueRange other) {
    if (other.equals(UNKNOWN) || other.equals(UNKNOWN_INT)) {
      return this;
    }
    if (equals(UNKNOWN) || equals(UNKNOWN_INT)) {
      return other;
    }
    checkSameFamily(other, "intersect");
    if (isBool()) {
      return of(
          BoolLit.of(boolValue(lower) || boolValue(other.lower)),
          BoolLit.of(boolValue(upper) && boolValue(other.upper)));
    }
    return of(Endpoints.max(lo(), other.lo()), Endpoints.min(hi(), other.hi()));
  }

  /**
   * Returns the smallest range holding both (PyTorch's {@code |}); with {@link #unknown()} the
   * result is {@link #unknown()}.
   *
   * @throws IllegalArgumentException if one range is boolean and the other numeric
   */
  public ValueRange union(ValueRange other) {
    if (equals(UNKNOWN) || other.equals(UNKNOWN)) {
      return UNKNOWN;
    }
    checkSameFamily(other, "union");
    if (isBool()) {
      return of(
          BoolLit.of(boolValue(lower) && boolValue(other.lower)),
          BoolLit.of(boolValue(upper) || boolValue(other.upper)));
    }
    return of(Endpoints.min(lo(), other.lo()), Endpoints.max(hi(), other.hi()));
  }

  /** PyTorch's {@code repr}: {@code VR[2, int_oo]}, bounds in sympy's {@code str}. */
  @Override
  public String toString() {
    return "VR" + toIntervalString();
  }

  /** The interval alone, as the command line and PyTorch's logs print it: {@code [2, int_oo]}. */
  public String toIntervalString() {
    return "[" + lower + ", " + upper + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueRange r && r.kind == kind && r.lower == lower && r.upper == upper;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, lower, upper);
  }

  /** The lower bound of a numeric range. */
  Num lo() {
    return (Num) lower;
  }

  /** The upper bound of a numeric range. */
  Num hi() {
    return (Num) upper;
  }

  /** This range with a boolean range read as Python's ints 0 and 1. */
  ValueRange numeric() {
    if (!isBool()) {
      return this;
    }
    if (isSingleton()) {
      return singleton(boolValue(lower) ? 1 : 0);
    }
    return BOOL_AS_INT;
  }

  /** This range read as truth values: a number is true when it is not zero, as in Python. */
  ValueRange truth() {
    if (isBool()) {
      return this;
    }
    if (!contains(IntLit.of(0))) {
      return singleton(BoolLit.TRUE);
    }
    return isSingleton() ? singleton(BoolLit.FALSE) : UNKNOWN_BOOL;
  }

  /** True when 0 is in this numeric range. */
  boolean containsZero() {
    return contains(IntLit.of(0));
  }

  private void checkSameFamily(ValueRange other, String operation) {
    Preconditions.checkArgument(
        isBool() == other.isBool(),
        "cannot %s a boolean range with a numeric range: %s, %s",
        operation,
        this,
        other);
  }

  private static boolean boolValue(Expr b) {
    return ((BoolLit) b).value();
  }

  /** {@code a <= b} for truth values, {@code False < True}. */
  private static boolean boolLe(Expr a, Expr b) {
    return !boolValue(a) || boolValue(b);
  }
}
