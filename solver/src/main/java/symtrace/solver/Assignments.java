package symtrace.solver;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Map;
import java.util.StringJoiner;
import symtrace.symbolic.expr.Sym;

/**
 * Concrete assignments of integer symbols, as counterexamples and witnesses carry them: their
 * order and their text.
 */
public final class Assignments {
  private static final Comparator<Sym> ORDER = Assignments::compareSymbols;

  private Assignments() {}

  /**
   * The order of symbols in counterexamples, which is also the order in which their values are
   * minimized: by name, with a trailing number compared by value ({@code s2 < s10}), then by the
   * assumptions.
   */
  public static Comparator<Sym> symbolOrder() {
    return ORDER;
  }

  /**
   * The order of values for "smallest": {@code 0, 1, -1, 2, -2, ...} (by absolute value, the
   * non-negative one first), a well-order of the integers, so a smallest assignment exists even
   * for symbols unbounded below.
   */
  public static int compareValues(long a, long b) {
    int c = BigInteger.valueOf(a).abs().compareTo(BigInteger.valueOf(b).abs());
    return c != 0 ? c : Long.compare(b, a);
  }

  /** {@code s0=6, s1=2}: each symbol and value in the map's order. */
  public static String format(Map<Sym, Long> assignment) {
    StringJoiner out = new StringJoiner(", ");
    for (Map.Entry<Sym, Long> e : assignment.entrySet()) {
      out.add(e.getKey().name() + "=" + e.getValue());
    }
    return out.toString();
  }

  private static int compareSymbols(Sym a, Sym b) {
    String x = a.name();
    String y = b.name();
    int i = digitsStart(x);
    int j = digitsStart(y);
    int c = x.substring(0, i).compareTo(y.substring(0, j));
    if (c == 0 && i < x.length() && j < y.length()) {
      c = new BigInteger(x.substring(i)).compareTo(new BigInteger(y.substring(j)));
    }
    if (c == 0) {
      c = x.compareTo(y);
    }
    return c != 0 ? c : Integer.compare(a.assumptions(), b.assumptions());
  }

  /** Where the trailing digits of a name begin (the length when there are none). */
  private static int digitsStart(String name) {
    int i = name.length();
    while (i > 0 && Character.isDigit(name.charAt(i - 1))) {
      i--;
    }
    return i;
  }
}
