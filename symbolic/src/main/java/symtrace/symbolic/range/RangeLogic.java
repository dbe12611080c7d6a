package symtrace.symbolic.range;

import java.util.List;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;

/**
 * Transfer functions of relations, connectives and {@code Piecewise} for {@link ValueRange}:
 * PyTorch's {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt}, {@code ge}, {@code and_},
 * {@code or_}, {@code not_} and {@code piecewise}.
 *
 * <p>A relation is {@code [True, True]} when it holds for every pair of values, {@code [False,
 * False]} when it holds for none, {@code [False, True]} otherwise. Booleans compare as Python's
 * ints ({@code False < True}); a numeric range used as a truth value is true where it is not 0.
 */
public final class RangeLogic {
  private static final ValueRange TRUE = ValueRange.singleton(BoolLit.TRUE);
  private static final ValueRange FALSE = ValueRange.singleton(BoolLit.FALSE);

  private RangeLogic() {}

  /** {@code Eq(a, b)}: true for two equal singletons, false for disjoint ranges. */
  public static ValueRange eq(ValueRange a, ValueRange b) {
    ValueRange x = a.numeric();
    ValueRange y = b.numeric();
    if (x.isSingleton() && y.isSingleton() && Endpoints.compare(x.lo(), y.lo()) == 0) {
      return TRUE;
    }
    if (Endpoints.compare(x.lo(), y.hi()) > 0 || Endpoints.compare(y.lo(), x.hi()) > 0) {
      return FALSE;
    }
    return ValueRange.unknownBool();
  }

  /** {@code Ne(a, b) = Not(Eq(a, b))}. */
  public static ValueRange ne(ValueRange a, ValueRange b) {
    return not(eq(a, b));
  }

  /**
   * {@code Lt(a, b)}: true when {@code a.upper < b.lower}, false when {@code a.lower >= b.upper}.
   */
  public static ValueRange lt(ValueRange a, ValueRange b) {
    ValueRange x = a.numeric();
    ValueRange y = b.numeric();
    if (Endpoints.compare(x.hi(), y.lo()) < 0) {
      return TRUE;
    }
    if (Endpoints.compare(x.lo(), y.hi()) >= 0) {
      return FALSE;
    }
    return ValueRange.unknownBool();
  }

  /** {@code Gt(a, b) = Lt(b, a)}. */
  public static ValueRange gt(ValueRange a, ValueRange b) {
    return lt(b, a);
  }

  /** {@code Le(a, b) = Not(Gt(a, b))}. */
  public static ValueRange le(ValueRange a, ValueRange b) {
    return not(gt(a, b));
  }

  /** {@code Ge(a, b) = Not(Lt(a, b))}. */
  public static ValueRange ge(ValueRange a, ValueRange b) {
    return not(lt(a, b));
  }

  /** {@code And(a, b)}: increasing in both. */
  public static ValueRange and(ValueRange a, ValueRange b) {
    a = a.truth();
    b = b.truth();
    return ValueRange.of(
        BoolLit.of(isTrue(a.lower()) && isTrue(b.lower())),
        BoolLit.of(isTrue(a.upper()) && isTrue(b.upper())));
  }

  /** {@code Or(a, b)}: increasing in both. */
  public static ValueRange or(ValueRange a, ValueRange b) {
    a = a.truth();
    b = b.truth();
    return ValueRange.of(
        BoolLit.of(isTrue(a.lower()) || isTrue(b.lower())),
        BoolLit.of(isTrue(a.upper()) || isTrue(b.upper())));
  }

  /** {@code Not(a)}: decreasing. */
  public static ValueRange not(ValueRange a) {
    a = a.truth();
    return ValueRange.of(BoolLit.of(!isTrue(a.upper())), BoolLit.of(!isTrue(a.lower())));
  }

  /**
   * {@code Piecewise((e1, c1), (e2, c2), ...)}: the union of the ranges of the branches whose
   * condition can be true. When no condition can be true no value is reachable and the answer is
   * {@link ValueRange#unknown()} (PyTorch returns {@code None}).
   *
   * @param values the branch ranges {@code e1, e2, ...}
   * @param conditions the condition ranges {@code c1, c2, ...}, as many as {@code values}
   */
  public static ValueRange piecewise(List<ValueRange> values, List<ValueRange> conditions) {
    if (values.size() != conditions.size()) {
      throw new IllegalArgumentException(
          "Piecewise needs one condition per branch: "
              + values.size()
              + " branches, "
              + conditions.size()
              + " conditions");
    }
    ValueRange result = null;
    for (int i = 0; i < values.size(); i++) {
      if (!conditions.get(i).truth().contains(BoolLit.TRUE)) {
        continue;
      }
      ValueRange v = values.get(i);
      if (result == null) {
        result = v;
      } else if (result.isBool() == v.isBool()) {
        result = result.union(v);
      } else {
        result = result.numeric().union(v.numeric());
      }
    }
    return result != null ? result : ValueRange.unknown();
  }

  private static boolean isTrue(Expr bound) {
    return ((BoolLit) bound).value();
  }
}
