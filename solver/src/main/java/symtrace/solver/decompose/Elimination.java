package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import symtrace.symbolic.algebra.SymjaAlgebra;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;

/**
 * The elimination stage of the solver strategy: a lexicographic Gröbner basis of {@code {name -
 * expr, ..., T - target}} with the sizes' symbols first. An element free of them and linear in
 * {@code T} gives {@code T} over the names: with coefficient ±1 as a polynomial ({@code T - A*B}
 * gives {@code A*B}); with another coefficient {@code c} (a number or a product of names) as the
 * exact division {@code (-rest) // c}, since its value is the target's ({@code B*T - A} gives
 * {@code A // B}).
 *
 * <p>Function applications ({@code FloorDiv(s0, 2)}) are opaque atoms, the same atom on both
 * sides. Two kinds of known relations join the ideal: Python's division algorithm {@code x =
 * d*(x // d) + x % d} when both atoms occur, and the facts that are equalities over the same
 * symbols and atoms ({@code Eq(Mod(s0, 4), 0)} makes {@code s0 = 4*(s0 // 4)}).
 */
final class Elimination {
  static final int MAX_TRACKED = 8;

  private Elimination() {}

  /** Candidate terms for {@code target}, in the order the basis gives them. */
  static List<Expr> find(Expr target, List<Tracked> tracked, List<Expr> facts,
      SymjaAlgebra algebra) {
    if (tracked.isEmpty() || tracked.size() > MAX_TRACKED) {
      return List.of();
    }
    Atoms atoms = new Atoms();
    Sym t = Sym.integer("_target");
    List<Expr> polys = new ArrayList<>();
    List<Sym> names = new ArrayList<>();
    for (Tracked v : tracked) {
      Sym n = Decompositions.nameSymbol(v);
      names.add(n);
      polys.add(Exprs.sub(n, atoms.polynomial(v.expr())));
    }
    polys.add(Exprs.sub(t, atoms.polynomial(target)));
    Set<Sym> reached = new LinkedHashSet<>(atoms.variables());
    for (Expr f : facts) {
      if (f instanceof Apply eq && eq.fn() == Fn.EQ && !eq.arg(0).isBoolean()
          && !Collections.disjoint(f.freeSymbols(), reached)) {
        polys.add(atoms.polynomial(Exprs.sub(eq.arg(0), eq.arg(1))));
      }
    }
    polys.addAll(atoms.divisionRelations());
    List<Sym> order = new ArrayList<>(atoms.variables());
    order.add(t);
    order.addAll(names);
    Optional<List<Expr>> basis = algebra.groebnerBasis(polys, order);
    if (basis.isEmpty()) {
      return List.of();
    }
    List<Expr> out = new ArrayList<>();
    for (Expr g : basis.get()) {
      boolean freeOfVariables = Collections.disjoint(g.freeSymbols(), atoms.variables());
      if (freeOfVariables && g.freeSymbols().contains(t)) {
        Expr solution = solveFor(Exprs.expand(g), t);
        if (solution != null) {
          out.add(solution);
        }
      }
    }
    return out;
  }

  /** {@code T} from {@code g = c*T + rest = 0}, or null unless {@code g} is linear in {@code T}. */
  private static Expr solveFor(Expr g, Sym t) {
    List<Expr> coefficientTerms = new ArrayList<>();
    List<Expr> rest = new ArrayList<>();
    for (Expr term : g instanceof Add a ? a.args() : List.of(g)) {
      if (!term.freeSymbols().contains(t)) {
        rest.add(term);
        continue;
      }
      Expr c = Exprs.expand(Exprs.div(term, t));
      if (c.freeSymbols().contains(t) || !integral(c)) {
        return null;
      }
      coefficientTerms.add(c);
    }
    Expr c = Exprs.add(coefficientTerms);
    Expr numerator = Exprs.neg(Exprs.add(rest));
    if (!integral(numerator)) {
      return null;
    }
    if (c == Exprs.ONE) {
      return Exprs.expand(numerator);
    }
    if (c == Exprs.MINUS_ONE) {
      return Exprs.expand(Exprs.neg(numerator));
    }
    // c*T = numerator: the division is exact, whatever the sign of c (the verifier proves that
    // c is not zero under the facts).
    return Exprs.floorDiv(Exprs.expand(numerator), c);
  }

  private static boolean integral(Expr e) {
    for (Expr term : e instanceof Add a ? a.args() : List.of(e)) {
      if (!(Exprs.coefficient(term) instanceof IntLit)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Names function applications as opaque variables, so that expressions become polynomials in
   * symbols and atoms; the same application gets the same atom everywhere.
   */
  private static final class Atoms {
    private final Map<Expr, Sym> atoms = new LinkedHashMap<>();
    private final Set<Sym> variables = new LinkedHashSet<>();

    Expr polynomial(Expr e) {
      switch (e.kind()) {
        case SYMBOL:
          variables.add((Sym) e);
          return e;
        case ADD:
        case MUL:
          {
            List<Expr> args = new ArrayList<>();
            for (Expr a : e.args()) {
              args.add(polynomial(a));
            }
            return e.kind() == Expr.Kind.ADD ? Exprs.add(args) : Exprs.mul(args);
          }
        case POW:
          {
            Pow p = (Pow) e;
            if (p.exponent() instanceof IntLit n && n.signum() > 0) {
              return Exprs.pow(polynomial(p.base()), n);
            }
            return atom(e);
          }
        default:
          return e instanceof Num ? e : atom(e);
      }
    }

    private Sym atom(Expr e) {
      Sym a = atoms.computeIfAbsent(e, k -> Sym.integer("_atom" + atoms.size()));
      variables.add(a);
      return a;
    }

    Set<Sym> variables() {
      return variables;
    }

    /**
     * {@code x - d*q - r = 0} for each pair of atoms {@code q = x // d} and {@code r = x % d}
     * (Python's division algorithm, for {@code d != 0}, where both are defined).
     */
    List<Expr> divisionRelations() {
      List<Expr> out = new ArrayList<>();
      for (Map.Entry<Expr, Sym> q : new ArrayList<>(atoms.entrySet())) {
        if (!(q.getKey() instanceof Apply div) || div.fn() != Fn.FLOOR_DIV) {
          continue;
        }
        for (Map.Entry<Expr, Sym> r : new ArrayList<>(atoms.entrySet())) {
          if (r.getKey() instanceof Apply mod && (mod.fn() == Fn.MOD || mod.fn() == Fn.PYTHON_MOD)
              && mod.arg(0) == div.arg(0) && mod.arg(1) == div.arg(1)) {
            Expr x = polynomial(div.arg(0));
            Expr d = polynomial(div.arg(1));
            out.add(Exprs.sub(x, Exprs.add(Exprs.mul(d, q.getValue()), r.getValue())));
          }
        }
      }
      return out;
    }
  }
}
