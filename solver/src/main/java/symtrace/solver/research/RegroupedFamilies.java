package symtrace.solver.research;

import static symtrace.symbolic.expr.Exprs.add;
import static symtrace.symbolic.expr.Exprs.expand;
import static symtrace.symbolic.expr.Exprs.mul;

import java.util.ArrayList;
import java.util.List;
import symtrace.solver.decompose.Tracked.Producer;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/**
 * Families of the {@link Category#REGROUPED} problems: the target is built from tracked values
 * by an operation that sympy's construction flattens or distributes, so the tracked
 * subexpressions are no longer subtrees of the target. Each family returns the term it built the
 * target from as the solution.
 */
final class RegroupedFamilies {
  private RegroupedFamilies() {}

  static Expr n(long v) {
    return IntLit.of(v);
  }

  /** The node name a tracked product or sum would have. */
  private static String base(Expr e) {
    return e instanceof symtrace.symbolic.expr.Mul ? "mul" : "add";
  }

  /** {@code c * P1 * ... * Pk} for tracked products: {@code s1*s2*s3} from s1*s2, s3. */
  static Problem product(ProblemBuilder b) {
    int k = b.between(2, 4);
    List<Expr> names = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int size = i == 0 ? b.between(2, 3) : b.between(1, 2);
      long c = i == 0 || b.chance(0.7) ? 1 : b.pick(2L, 4L, 8L);
      List<Expr> factors = new ArrayList<>(b.symbols(size));
      factors.add(n(c));
      Expr e = mul(factors);
      values.add(e);
      names.add(b.track(size > 1 || c != 1 ? "mul" : "sym_size_int", e, b.inputOrIntermediate()));
    }
    if (b.chance(0.4)) {
      b.track("sym_size_int", b.symbol(), Producer.INPUT_SIZE);
    }
    long c = b.pick(1L, 1L, 2L, 3L);
    values.add(n(c));
    names.add(n(c));
    return b.note("a product of tracked products, flattened").solvable(mul(values), mul(names));
  }

  /** {@code c*A + d} distributed: {@code 2*s0 + 2} from {@code s0 + 1}. */
  static Problem distributed(ProblemBuilder b) {
    Sym x = b.symbol();
    Expr a = b.chance(0.5) ? add(x, n(b.pick(1L, 2L, 3L, -1L))) : add(x, b.symbol());
    Sym name = b.track("add", a, b.inputOrIntermediate());
    long c = b.pick(2L, 3L, 4L, 8L);
    long d = b.pick(0L, 0L, 1L, -1L, 2L);
    return b.note("a multiple of a tracked sum, distributed")
        .solvable(add(mul(n(c), a), n(d)), add(mul(n(c), name), n(d)));
  }

  /** {@code A*B} expanded: {@code s0*s1 + s1} from {@code s0 + 1}, {@code s1}. */
  static Problem expandedProduct(ProblemBuilder b) {
    Expr a = b.chance(0.6) ? add(b.symbol(), n(b.pick(1L, 2L, -1L))) : add(b.symbol(), b.symbol());
    Expr bb = b.chance(0.6) ? b.symbol() : add(b.symbol(), n(b.pick(1L, 3L)));
    Sym an = b.track("add", a, b.inputOrIntermediate());
    Sym bn = b.track(bb instanceof Sym ? "sym_size_int" : "add", bb, b.inputOrIntermediate());
    long c = b.pick(1L, 1L, 2L);
    return b.note("a product of tracked sums, expanded")
        .solvable(expand(mul(n(c), a, bb)), mul(n(c), an, bn));
  }

  /** {@code A + B + k} flattened: {@code s0 + s1 + s2} from {@code s0 + s1}, {@code s2}. */
  static Problem flattenedSum(ProblemBuilder b) {
    Expr a = add(b.symbol(), b.chance(0.7) ? b.symbol() : n(b.pick(1L, 2L)));
    Sym an = b.track("add", a, b.inputOrIntermediate());
    Sym x = b.symbol();
    Sym xn = b.track("sym_size_int", x, Producer.INPUT_SIZE);
    List<Expr> values = new ArrayList<>(List.of(a, x));
    List<Expr> names = new ArrayList<>(List.of(an, xn));
    if (b.chance(0.5)) {
      Expr m = mul(b.symbol(), b.symbol());
      values.add(m);
      names.add(b.track("mul", m, b.inputOrIntermediate()));
    }
    long k = b.pick(0L, 1L, -1L, 2L);
    values.add(n(k));
    names.add(n(k));
    return b.note("a sum of tracked values, flattened").solvable(add(values), add(names));
  }

  /** {@code A**2} (times {@code B}) expanded: {@code s0**2*s1**2} from {@code s0*s1}. */
  static Problem power(ProblemBuilder b) {
    Expr a = b.chance(0.5) ? mul(b.symbol(), b.symbol()) : add(b.symbol(), n(1));
    Sym an = b.track(base(a), a, b.inputOrIntermediate());
    if (b.chance(0.5)) {
      Sym y = b.symbol();
      Sym yn = b.track("sym_size_int", y, Producer.INPUT_SIZE);
      return b.note("a square of a tracked value times another, expanded")
          .solvable(expand(mul(Exprs.pow(a, n(2)), y)), mul(Exprs.pow(an, n(2)), yn));
    }
    return b.note("a square of a tracked value, expanded")
        .solvable(expand(Exprs.pow(a, n(2))), Exprs.pow(an, n(2)));
  }

  /**
   * A size function of a regrouped product: {@code (s0*s1*s2)//4} from {@code s0*s1}, {@code
   * s2}, as a view's size computes it.
   */
  static Problem insideFunction(ProblemBuilder b) {
    Expr a = b.chance(0.7) ? mul(b.symbol(), b.symbol()) : add(b.symbol(), n(1));
    Sym an = b.track(base(a), a, b.inputOrIntermediate());
    Sym y = b.symbol();
    Sym yn = b.track("sym_size_int", y, Producer.INPUT_SIZE);
    Expr p = expand(mul(a, y));
    Expr pn = mul(an, yn);
    long d = b.pick(2L, 3L, 4L, 8L);
    switch (b.between(0, 3)) {
      case 0:
        return b.note("a floor division of a regrouped product")
            .solvable(Exprs.floorDiv(p, n(d)), Exprs.floorDiv(pn, n(d)));
      case 1:
        return b.note("a remainder of a regrouped product")
            .solvable(Exprs.mod(p, n(d)), Exprs.mod(pn, n(d)));
      case 2:
        return b.note("a ceiling division of a regrouped product")
            .solvable(Exprs.ceilDiv(p, n(d)), Exprs.ceilDiv(pn, n(d)));
      default:
        Sym z = b.symbol();
        Sym zn = b.track("sym_size_int", z, Producer.INPUT_SIZE);
        return b.note("a maximum of a regrouped product and a size")
            .solvable(Exprs.max(p, z), Exprs.max(pn, zn));
    }
  }
}
