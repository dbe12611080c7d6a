package symtrace.solver.research;

import static symtrace.solver.research.RegroupedFamilies.n;
import static symtrace.symbolic.expr.Exprs.add;
import static symtrace.symbolic.expr.Exprs.mul;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import symtrace.solver.decompose.Tracked.Producer;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/**
 * Families where the choice of producer matters. {@link Category#PROVENANCE}: the same value has
 * several producers and the one tracked first (the one PyTorch's tracker keeps) is a stashed
 * value, a value from another graph or a late intermediate, while a graph input's size holds it
 * too. {@link Category#AMBIGUOUS}: different terms rebuild the target, at different costs. The
 * ground truth is the cheapest of the terms the family built.
 */
final class ProducerFamilies {
  private ProducerFamilies() {}

  /** Each symbol of the target tracked twice: a costly producer first, a graph input later. */
  static Problem twoProducers(ProblemBuilder b) {
    int k = b.between(1, 2);
    List<Sym> xs = b.symbols(k);
    Sym x = xs.get(0);
    Expr target = k == 1
        ? switch (b.between(0, 2)) {
          case 0 -> x;
          case 1 -> add(mul(n(b.pick(2L, 3L)), x), n(b.pick(1L, -1L)));
          default -> add(Exprs.floorDiv(x, n(2)), n(1));
        }
        : switch (b.between(0, 2)) {
          case 0 -> mul(x, xs.get(1));
          case 1 -> add(x, xs.get(1));
          default -> add(mul(n(2), x, xs.get(1)), xs.get(1));
        };
    Map<Sym, Expr> first = new HashMap<>();
    Map<Sym, Expr> inputs = new HashMap<>();
    for (Sym s : xs) {
      first.put(s, b.track("sym_size_int", s, b.costly(), 4, 12));
    }
    for (Sym s : xs) {
      inputs.put(s, b.track("sym_size_int", s, Producer.INPUT_SIZE, 0, 3));
    }
    return b.note("each symbol from a costly producer tracked first and from a graph input")
        .best(target, List.of(target.subs(first), target.subs(inputs)));
  }

  /** A product tracked twice, from another graph first and as a graph input's size later. */
  static Problem compoundProducers(ProblemBuilder b) {
    Expr p = b.chance(0.7) ? mul(b.symbol(), b.symbol()) : mul(n(b.pick(2L, 8L)), b.symbol());
    Sym late = b.track("mul", p, b.costly(), 4, 12);
    Sym early = b.track("sym_size_int", p, Producer.INPUT_SIZE, 0, 3);
    long k = b.pick(2L, 3L);
    UnaryOperator<Expr> shape = switch (b.between(0, 3)) {
      case 0 -> e -> e;
      case 1 -> e -> Exprs.floorDiv(e, n(k));
      case 2 -> e -> add(e, n(k - 3));
      default -> {
        Sym z = b.symbol();
        Sym zn = b.track("sym_size_int", z, Producer.INPUT_SIZE, 0, 3);
        // the maximum of the product and a size: the size's own name on the term's side
        yield e -> e == p ? Exprs.max(e, z) : Exprs.max(e, zn);
      }
    };
    return b.note("a product from another graph tracked first and as an input's size")
        .best(shape.apply(p), List.of(shape.apply(late), shape.apply(early)));
  }

  /** The whole value tracked, and its parts as graph inputs' sizes. */
  static Problem wholeOrParts(ProblemBuilder b) {
    List<Sym> xs = b.symbols(b.between(2, 3));
    boolean sum = b.chance(0.3);
    Expr p = sum ? add(new ArrayList<Expr>(xs)) : mul(new ArrayList<Expr>(xs));
    boolean wholeFirst = b.chance(0.5);
    Sym whole = wholeFirst ? b.track(sum ? "add" : "mul", p, any(b), 0, 10) : null;
    List<Expr> parts = new ArrayList<>();
    for (Sym s : xs) {
      parts.add(b.track("sym_size_int", s, Producer.INPUT_SIZE, 0, 6));
    }
    if (!wholeFirst) {
      whole = b.track(sum ? "add" : "mul", p, any(b), 0, 10);
    }
    return b.note("the whole value, or the product or sum of its parts")
        .best(p, List.of(whole, sum ? add(parts) : mul(parts)));
  }

  /** Two factorings of a product of three sizes. */
  static Problem twoFactorings(ProblemBuilder b) {
    Sym x = b.symbol();
    Sym y = b.symbol();
    Sym z = b.symbol();
    Sym a = b.track("mul", mul(x, y), any(b), 0, 10);
    Sym bz = b.track("sym_size_int", z, any(b), 0, 10);
    Sym c = b.track("mul", mul(y, z), any(b), 0, 10);
    Sym d = b.track("sym_size_int", x, any(b), 0, 10);
    return b.note("two factorings of a product of three sizes")
        .best(mul(x, y, z), List.of(mul(a, bz), mul(c, d)));
  }

  /** A scaled value from another graph, or the same from graph inputs' sizes. */
  static Problem scaledOrParts(ProblemBuilder b) {
    Sym x = b.symbol();
    Sym y = b.symbol();
    long c = b.pick(4L, 8L, 16L);
    Sym a = b.track("mul", mul(n(c), x), Producer.OTHER_GRAPH, 0, 10);
    Sym yn = b.track("sym_size_int", y, Producer.INPUT_SIZE, 0, 6);
    Sym xn = b.track("sym_size_int", x, Producer.INPUT_SIZE, 0, 6);
    return b.note("a multiple from another graph, or from an input's size")
        .best(mul(n(c), x, y), List.of(mul(a, yn), mul(n(c), xn, yn)));
  }

  /** A size tracked late, or rebuilt from its quotient and remainder tracked early. */
  static Problem divisionOrDirect(ProblemBuilder b) {
    Sym x = b.symbol();
    long d = b.pick(2L, 4L);
    Sym q = b.track("floordiv", Exprs.floorDiv(x, n(d)), Producer.INTERMEDIATE, 0, 3);
    Sym r = b.track("mod", Exprs.mod(x, n(d)), Producer.INTERMEDIATE, 0, 3);
    Sym direct = b.track("sym_size_int", x, b.costly(), 4, 14);
    return b.note("a size from a costly producer, or from its quotient and remainder")
        .best(x, List.of(direct, add(mul(n(d), q), r)));
  }

  private static Producer any(ProblemBuilder b) {
    return b.pick(Producer.INPUT_SIZE, Producer.INTERMEDIATE, Producer.OTHER_GRAPH,
        Producer.STASHED);
  }
}
