package symtrace.symbolic.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * mpmath's {@code to_str}, which sympy uses to print a {@code Float}: {@code dps} significant
 * digits, fixed notation for decimal exponents in {@code (min(-dps/3, -5), dps)}, scientific
 * otherwise, trailing zeros stripped on request ({@code 2.0} nested, {@code 2.00000000000000}
 * at top level).
 */
final class FloatFormat {
  private FloatFormat() {}

  static String format(double value, int dps, boolean stripZeros) {
    if (value == 0.0) {
      return stripZeros ? "0.0" : "0." + "0".repeat(Math.max(dps - 1, 1));
    }
    String sign = value < 0 ? "-" : "";
    BigDecimal exact = new BigDecimal(Math.abs(value));
    BigDecimal rounded = exact.round(new MathContext(dps, RoundingMode.HALF_EVEN));
    String digits = rounded.unscaledValue().toString();
    int exponent = digits.length() - 1 - rounded.scale();
    if (digits.length() < dps) {
      digits = digits + "0".repeat(dps - digits.length());
    } else if (digits.length() > dps) {
      digits = digits.substring(0, dps);
    }
    int minFixed = Math.min(-(dps / 3), -5);
    int maxFixed = dps;
    int split;
    if (minFixed < exponent && exponent < maxFixed) {
      if (exponent < 0) {
        digits = "0".repeat(-exponent) + digits;
        split = 1;
      } else {
        split = exponent + 1;
        if (split > dps) {
          digits = digits + "0".repeat(split - dps);
        }
      }
      exponent = 0;
    } else {
      split = 1;
    }
    String text = digits.substring(0, split) + "." + digits.substring(split);
    if (stripZeros) {
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) == '0') {
        end--;
      }
      text = text.substring(0, end);
      if (text.endsWith(".")) {
        text = text + "0";
      }
    }
    if (exponent == 0) {
      return sign + text;
    }
    return sign + text + (exponent > 0 ? "e+" + exponent : "e" + exponent);
  }
}
