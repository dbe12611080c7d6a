package symtrace.solver.research;

import static symtrace.solver.research.RegroupedFamilies.n;
import static symtrace.symbolic.expr.Exprs.add;
import static symtrace.symbolic.expr.Exprs.mul;

import symtrace.solver.decompose.Tracked.Producer;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/**
 * Families of the {@link Category#IMPOSSIBLE} problems: a symbol the target needs is in no
 * tracked value (its tensor did not cross the break), or the tracked values hold it only in a
 * form that does not determine the target ({@code s0} from {@code s0*s1} alone). The generator
 * keeps a problem only with a {@link Witness}.
 */
final class ImpossibleFamilies {
  private ImpossibleFamilies() {}

  /** A solvable-looking problem whose target also needs a symbol no tracked value mentions. */
  static Problem absent(ProblemBuilder b) {
    Sym x = b.symbol();
    Sym y = b.symbol();
    Sym missing = b.symbol();
    Expr base = b.chance(0.5) ? mul(x, y) : add(x, y);
    b.track("sym_size_int", x, Producer.INPUT_SIZE);
    String kind = base instanceof symtrace.symbolic.expr.Add ? "add" : "mul";
    b.track(kind, base, b.inputOrIntermediate());
    if (b.chance(0.5)) {
      b.track("sym_size_int", y, Producer.INPUT_SIZE);
    }
    Expr target = switch (b.between(0, 4)) {
      case 0 -> mul(base, missing);
      case 1 -> add(base, missing);
      case 2 -> Exprs.floorDiv(base, missing);
      case 3 -> Exprs.max(base, mul(n(b.pick(2L, 64L)), missing));
      default -> missing;
    };
    return b.note("needs " + missing + ", whose tensor did not cross the break")
        .impossible(target, missing + " is in no tracked value");
  }

  /** The target's symbols are tracked only in forms that lose it. */
  static Problem notDetermined(ProblemBuilder b) {
    Sym x = b.symbol();
    Sym y = b.symbol();
    switch (b.between(0, 4)) {
      case 0:
        b.track("mul", mul(x, y), b.inputOrIntermediate());
        return b.note("a size lost in a product").impossible(b.chance(0.5) ? x : add(x, y),
            "the tracked product does not determine it");
      case 1: {
        long d = b.pick(2L, 4L, 8L);
        b.track("floordiv", Exprs.floorDiv(x, n(d)), Producer.OTHER_GRAPH);
        return b.note("a size from its quotient alone, with no guard that it divides")
            .impossible(x, "the quotient does not determine it");
      }
      case 2:
        b.track("mul", mul(x, y), Producer.INPUT_SIZE);
        b.track("add", add(x, y), Producer.INPUT_SIZE);
        return b.note("two sizes from their product and sum: they can be swapped")
            .impossible(x, "the product and the sum do not tell the two sizes apart");
      case 3:
        b.track("add", add(x, y), b.inputOrIntermediate());
        return b.note("a product from a sum").impossible(mul(x, y),
            "the sum does not determine the product");
      default: {
        long d = b.pick(3L, 4L, 8L);
        b.track("mod", Exprs.mod(x, n(d)), Producer.OTHER_GRAPH);
        b.track("sym_size_int", y, Producer.INPUT_SIZE);
        return b.note("a size from its remainder alone").impossible(mul(x, y),
            "the remainder does not determine it");
      }
    }
  }
}
