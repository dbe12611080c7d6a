package symtrace.solver.research;

import static symtrace.solver.research.RegroupedFamilies.n;
import static symtrace.symbolic.expr.Exprs.add;
import static symtrace.symbolic.expr.Exprs.expand;
import static symtrace.symbolic.expr.Exprs.mul;
import static symtrace.symbolic.expr.Exprs.sub;

import symtrace.solver.decompose.Tracked.Producer;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/**
 * Families of the {@link Category#GRAPH_BREAK} problems: the graph does not hold the target's
 * symbols by themselves, only the sizes of tensors that crossed a break (a flattened {@code
 * s0*s1}, a padded {@code s2 + 2}) and values computed in another graph ({@code 8*s72}, {@code
 * s0 // 4} and {@code s0 % 4}).
 */
final class GraphBreakFamilies {
  private GraphBreakFamilies() {}

  /** A multiple of a value from another graph: {@code 256*s2} from {@code 8*s2}. */
  static Problem scaled(ProblemBuilder b) {
    Sym x = b.symbol();
    long c = b.pick(2L, 4L, 8L, 16L);
    long m = b.between(3, 32);
    Expr a = mul(n(c), x);
    Sym an = b.track("mul", a, Producer.OTHER_GRAPH);
    if (b.chance(0.4)) {
      Sym y = b.symbol();
      Sym yn = b.track("sym_size_int", y, Producer.INPUT_SIZE);
      return b.note("a multiple of a value from another graph, times a size")
          .solvable(mul(n(m * c), x, y), mul(n(m), an, yn));
    }
    return b.note("a multiple of a value from another graph")
        .solvable(mul(n(m * c), x), mul(n(m), an));
  }

  /** An exact quotient: {@code s0} from a flattened {@code s0*s1} and {@code s1}, or from 4*s0. */
  static Problem exactQuotient(ProblemBuilder b) {
    Sym x = b.symbol();
    if (b.chance(0.35)) {
      long c = b.pick(2L, 4L, 8L);
      Producer producer = b.chance(0.5) ? Producer.INPUT_SIZE : Producer.OTHER_GRAPH;
      Sym an = b.track("mul", mul(n(c), x), producer);
      return b.note("a size from its multiple").solvable(x, Exprs.floorDiv(an, n(c)));
    }
    Sym y = b.symbol();
    Sym an = b.track("mul", mul(x, y), Producer.INPUT_SIZE);
    Sym yn = b.track("sym_size_int", y, Producer.INPUT_SIZE);
    if (b.chance(0.5)) {
      Sym z = b.symbol();
      Sym zn = b.track("sym_size_int", z, Producer.INPUT_SIZE);
      return b.note("a size of a flattened tensor divided by another, times a size")
          .solvable(mul(x, z), mul(Exprs.floorDiv(an, yn), zn));
    }
    return b.note("a size of a flattened tensor divided by another")
        .solvable(x, Exprs.floorDiv(an, yn));
  }

  /** A view's leading sizes from its numel: {@code s0*s1} from {@code s0*s1*s2}, {@code s2}. */
  static Problem flattenedView(ProblemBuilder b) {
    Sym x = b.symbol();
    Sym y = b.symbol();
    Sym z = b.symbol();
    Sym numel = b.track("sym_numel_default", mul(x, y, z), Producer.INTERMEDIATE);
    if (b.chance(0.5)) {
      Sym zn = b.track("sym_size_int", z, Producer.INPUT_SIZE);
      return b.note("the leading sizes of a view from its numel").solvable(mul(x, y),
          Exprs.floorDiv(numel, zn));
    }
    Sym yz = b.track("sym_stride_int", mul(y, z), Producer.INPUT_SIZE);
    return b.note("the first size from the numel and the first stride").solvable(x,
        Exprs.floorDiv(numel, yz));
  }

  /** The dividend from quotient and remainder: {@code s0} from {@code s0 // 4}, {@code s0 % 4}. */
  static Problem divisionPair(ProblemBuilder b) {
    Sym x = b.symbol();
    if (b.chance(0.3)) {
      Sym y = b.symbol();
      Sym q = b.track("floordiv", Exprs.floorDiv(x, y), Producer.OTHER_GRAPH);
      Sym r = b.track("mod", Exprs.mod(x, y), Producer.OTHER_GRAPH);
      Sym yn = b.track("sym_size_int", y, Producer.INPUT_SIZE);
      return finishDivision(b, x, add(mul(yn, q), r));
    }
    Expr d = n(b.pick(2L, 3L, 4L, 8L, 16L));
    Sym q = b.track("floordiv", Exprs.floorDiv(x, d), Producer.OTHER_GRAPH);
    Sym r = b.track("mod", Exprs.mod(x, d), Producer.OTHER_GRAPH);
    return finishDivision(b, x, add(mul(d, q), r));
  }

  private static Problem finishDivision(ProblemBuilder b, Sym x, Expr xTerm) {
    switch (b.between(0, 3)) {
      case 0:
        return b.note("a size from its quotient and remainder").solvable(x, xTerm);
      case 1: {
        Sym z = b.symbol();
        Sym zn = b.track("sym_size_int", z, Producer.INPUT_SIZE);
        return b.note("a product from a quotient, a remainder and a size")
            .solvable(mul(x, z), mul(xTerm, zn));
      }
      case 2: {
        Sym z = b.symbol();
        Sym zn = b.track("sym_size_int", z, Producer.INPUT_SIZE);
        return b.note("a sum from a quotient, a remainder and a size")
            .solvable(add(x, z), add(xTerm, zn));
      }
      default:
        return b.note("a shifted size from its quotient and remainder")
            .solvable(add(x, n(1)), add(xTerm, n(1)));
    }
  }

  /**
   * A polynomial in the sizes of tensors that crossed the break, expanded: {@code s0*s1*s2} from
   * {@code s0*s1} and {@code s2 + 2} is {@code A*B - 2*A}.
   */
  static Problem compoundSizes(ProblemBuilder b) {
    Expr a = mul(b.symbol(), b.symbol());
    long k = b.pick(1L, 2L, 3L);
    Expr bb = add(b.symbol(), n(k));
    Sym an = b.track("sym_size_int", a, Producer.INPUT_SIZE);
    Sym bn = b.track("sym_size_int", bb, Producer.INPUT_SIZE);
    Expr term = switch (b.between(0, 5)) {
      case 0 -> mul(an, bn);
      case 1 -> add(mul(an, bn), an);
      case 2 -> mul(an, sub(bn, n(k)));
      case 3 -> add(mul(n(2), an), bn);
      case 4 -> sub(mul(an, bn), mul(n(2), an));
      default -> add(an, bn, n(-k));
    };
    Expr target = expand(term.subs(java.util.Map.of(an, a, bn, bb)));
    return b.note("a polynomial in the sizes that crossed the break").solvable(target, term);
  }

  /**
   * A size from its quotient, which a guard makes exact: {@code s0} from {@code s0 // 4} given
   * {@code Eq(Mod(s0, 4), 0)}.
   */
  static Problem guarded(ProblemBuilder b) {
    Sym x = b.symbol();
    long d = b.pick(2L, 4L, 8L);
    Sym q = b.track("floordiv", Exprs.floorDiv(x, n(d)), Producer.OTHER_GRAPH);
    b.fact(Exprs.eq(Exprs.mod(x, n(d)), n(0)));
    if (b.chance(0.5)) {
      Sym z = b.symbol();
      Sym zn = b.track("sym_size_int", z, Producer.INPUT_SIZE);
      return b.note("a product from an exact quotient (a guard says it divides)")
          .solvable(mul(x, z), mul(n(d), q, zn));
    }
    return b.note("a size from an exact quotient (a guard says it divides)")
        .solvable(x, mul(n(d), q));
  }
}
