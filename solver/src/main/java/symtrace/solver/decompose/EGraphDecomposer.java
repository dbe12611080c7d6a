package symtrace.solver.decompose;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.solver.decompose.EGraph.Node;
import symtrace.solver.decompose.EGraph.Op;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;

/**
 * A research strategy: equality saturation. The target and the tracked expressions go into one
 * {@link EGraph}, each tracked class merged with its name; rewrite rules that hold for all
 * integers grow the classes until nothing changes or a budget is spent; then the cheapest term
 * of the target's class whose leaves are names and numbers, by the cost model, is extracted and
 * verified.
 *
 * <p>The rules: commutativity and associativity of {@code +} and {@code *}, distribution and
 * factoring ({@code a*(b + c) = a*b + a*c}, {@code a*b + a = a*(b + 1)}), numbers folded, {@code
 * 1} and {@code 0} as identities, a number moved across ({@code x + k = c} gives {@code x = c -
 * k}), a number split by a coefficient some tracked value has ({@code 256*x = 32*(8*x)}), and the
 * division algorithm {@code x = d*(x // d) + x % d} where both
 * atoms occur. Function applications take part through congruence only, so {@code (s0*s1*s2)//4}
 * is rebuilt once its argument's class holds {@code A*B}. There is no exact division and no use
 * of the facts: that is what the comparison with the solver strategy measures.
 */
public final class EGraphDecomposer implements Decomposer {
  static final int MAX_NODES = 1500;
  static final int MAX_ITERATIONS = 8;
  private static final long INFINITE = Long.MAX_VALUE / 4;

  private final Verifier verifier;

  public EGraphDecomposer(Verifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public String name() {
    return "egraph";
  }

  @Override
  public Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts) {
    List<Sym> missing = Decompositions.missingSymbols(target, tracked);
    if (!missing.isEmpty() && !target.isConstant()) {
      return Decomposition.notFound(target, name(), missing);
    }
    Saturation s = new Saturation(tracked);
    int goal = s.add(target);
    Map<Sym, Expr> definitions = Decompositions.definitions(tracked);
    Expr term = null;
    for (int i = 0; i <= MAX_ITERATIONS; i++) {
      Expr found = s.extract(goal);
      if (found != null && found.equals(term)) {
        break; // the cheapest term is stable
      }
      term = found;
      if (i == MAX_ITERATIONS || !s.step() || s.graph.size() > MAX_NODES) {
        term = s.extract(goal);
        break;
      }
    }
    if (term != null) {
      for (Expr candidate : List.of(term, CommonFactor.of(term))) {
        String how = verifier.verify(target, candidate, definitions, facts);
        if (how != null) {
          return Decomposition.found(target, candidate, name(), how, Decompositions.cost(candidate, tracked));
        }
      }
    }
    return Decomposition.notFound(target, name(), List.of());
  }

  /** One e-graph and its rules. */
  private static final class Saturation {
    final EGraph graph = new EGraph();
    final Map<Sym, Integer> readCost = new HashMap<>();
    final Set<BigInteger> coefficients = new LinkedHashSet<>();

    Saturation(List<Tracked> tracked) {
      for (Tracked t : tracked) {
        Sym name = Decompositions.nameSymbol(t);
        readCost.merge(name, Decompositions.readCost(t), Math::min);
        collectCoefficients(t.expr());
        graph.union(add(t.expr()), graph.add(new Node(Op.LEAF, name)));
      }
      graph.rebuild();
    }

    private void collectCoefficients(Expr e) {
      if (e instanceof Mul m && m.coefficient() instanceof IntLit k && k.bigValue().abs().compareTo(BigInteger.ONE) > 0) {
        coefficients.add(k.bigValue().abs());
      }
      for (Expr a : e.args()) {
        collectCoefficients(a);
      }
    }

    int add(Expr e) {
      if (e instanceof Add || e instanceof Mul) {
        Op op = e instanceof Add ? Op.ADD : Op.MUL;
        List<Expr> args = e.args();
        int acc = add(args.get(0));
        for (int i = 1; i < args.size(); i++) {
          acc = graph.add(new Node(op, null, acc, add(args.get(i))));
        }
        return acc;
      }
      if (e instanceof Pow p && p.exponent() instanceof IntLit n && n.signum() > 0 && n.fitsLong()
          && n.longValue() <= 4) {
        int base = add(p.base());
        int acc = base;
        for (long i = 1; i < n.longValue(); i++) {
          acc = graph.add(new Node(Op.MUL, null, acc, base));
        }
        return acc;
      }
      if (e instanceof Apply a && !a.isBoolean()) {
        int[] args = new int[a.arity()];
        for (int i = 0; i < args.length; i++) {
          args[i] = add(a.arg(i));
        }
        return graph.add(new Node(Op.APPLY, a.fn(), args));
      }
      return graph.add(new Node(Op.LEAF, e));
    }

    private int number(BigInteger v) {
      return graph.add(new Node(Op.LEAF, IntLit.of(v)));
    }

    /** The number a class holds, or null. */
    private BigInteger numberOf(int c) {
      for (Node n : graph.nodes(c)) {
        if (n.op == Op.LEAF && n.payload instanceof IntLit k) {
          return k.bigValue();
        }
      }
      return null;
    }

    /** One round of every rule; false when nothing changed. */
    boolean step() {
      List<int[]> merges = new ArrayList<>();
      List<Object[]> additions = new ArrayList<>();
      for (int c : graph.classes()) {
        for (Node n : new ArrayList<>(graph.nodes(c))) {
          if (n.op == Op.ADD || n.op == Op.MUL) {
            rewrite(c, n, merges, additions);
          }
        }
      }
      int before = graph.size();
      for (Object[] a : additions) {
        merges.add(new int[] {(Integer) a[0], build((Object[]) a[1])});
      }
      merges.addAll(divisionAlgorithm());
      boolean changed = false;
      for (int[] m : merges) {
        changed |= graph.union(m[0], m[1]);
      }
      graph.rebuild();
      return changed || graph.size() != before;
    }

    /** The rules whose left side is {@code n} in class {@code c}. */
    private void rewrite(int c, Node n, List<int[]> merges, List<Object[]> additions) {
      Op op = n.op;
      int a = n.args[0];
      int b = n.args[1];
      additions.add(new Object[] {c, new Object[] {op, b, a}}); // commutativity
      for (Node m : graph.nodes(a)) {
        if (m.op == op) { // associativity: (x op y) op b = x op (y op b)
          additions.add(new Object[] {c, new Object[] {op, m.args[0], new Object[] {op, m.args[1], b}}});
        }
      }
      BigInteger x = numberOf(a);
      BigInteger y = numberOf(b);
      if (x != null && y != null) {
        merges.add(new int[] {c, number(op == Op.ADD ? x.add(y) : x.multiply(y))});
        return;
      }
      if (op == Op.ADD && x != null && x.signum() == 0 || op == Op.MUL && x != null && x.equals(BigInteger.ONE)) {
        merges.add(new int[] {c, b});
      }
      if (op == Op.MUL) {
        for (Node m : graph.nodes(b)) {
          if (m.op == Op.ADD) { // distribution
            additions.add(new Object[] {c, new Object[] {Op.ADD, new Object[] {Op.MUL, a, m.args[0]},
                new Object[] {Op.MUL, a, m.args[1]}}});
          }
        }
        if (x != null) { // 256*t = 32*(8*t) when some tracked value has the coefficient 8
          for (BigInteger k : coefficients) {
            if (!k.equals(x.abs()) && x.mod(k).signum() == 0) {
              additions.add(new Object[] {c, new Object[] {Op.MUL, number(x.divide(k)),
                  new Object[] {Op.MUL, number(k), b}}});
            }
          }
        }
      } else {
        if (y != null && y.signum() != 0) { // x + k = c gives x = c + (-k)
          additions.add(new Object[] {a, new Object[] {Op.ADD, c, number(y.negate())}});
        }
        for (Node p : graph.nodes(a)) {
          if (p.op != Op.MUL) {
            continue;
          }
          if (graph.find(p.args[0]) == graph.find(b)) { // a*y + a = a*(y + 1)
            additions.add(new Object[] {c, new Object[] {Op.MUL, p.args[0],
                new Object[] {Op.ADD, p.args[1], number(BigInteger.ONE)}}});
          }
          for (Node q : graph.nodes(b)) { // a*y + a*z = a*(y + z)
            if (q.op == Op.MUL && graph.find(p.args[0]) == graph.find(q.args[0])) {
              additions.add(new Object[] {c, new Object[] {Op.MUL, p.args[0],
                  new Object[] {Op.ADD, p.args[1], q.args[1]}}});
            }
          }
        }
      }
    }

    /** {@code x = d*(x // d) + x % d} for every pair of such applications in the graph. */
    private List<int[]> divisionAlgorithm() {
      List<int[]> merges = new ArrayList<>();
      Map<String, int[]> pairs = new HashMap<>();
      for (int c : graph.classes()) {
        for (Node n : graph.nodes(c)) {
          if (n.op == Op.APPLY && n.args.length == 2) {
            Fn fn = (Fn) n.payload;
            int slot = fn == Fn.FLOOR_DIV ? 0 : fn == Fn.MOD || fn == Fn.PYTHON_MOD ? 1 : -1;
            if (slot >= 0) {
              String key = graph.find(n.args[0]) + "/" + graph.find(n.args[1]);
              int[] p = pairs.computeIfAbsent(key, k -> new int[] {-1, -1, n.args[0], n.args[1]});
              p[slot] = c;
            }
          }
        }
      }
      for (int[] p : pairs.values()) {
        if (p[0] >= 0 && p[1] >= 0) {
          int dq = graph.add(new Node(Op.MUL, null, p[3], p[0]));
          merges.add(new int[] {p[2], graph.add(new Node(Op.ADD, null, dq, p[1]))});
        }
      }
      return merges;
    }

    /** Adds a nested pattern {@code {op, left, right}} (classes or patterns); its class. */
    private int build(Object[] pattern) {
      int l = pattern[1] instanceof Object[] x ? build(x) : (Integer) pattern[1];
      int r = pattern[2] instanceof Object[] y ? build(y) : (Integer) pattern[2];
      return graph.add(new Node((Op) pattern[0], null, l, r));
    }

    /** The cheapest term of class {@code c} over names and numbers, or null. */
    Expr extract(int c) {
      Map<Integer, Long> cost = new HashMap<>();
      Map<Integer, Node> best = new HashMap<>();
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int k : graph.classes()) {
          for (Node n : graph.nodes(k)) {
            long v = cost(n, cost);
            if (v < cost.getOrDefault(k, INFINITE)) {
              cost.put(k, v);
              best.put(k, n);
              changed = true;
            }
          }
        }
      }
      return cost.getOrDefault(graph.find(c), INFINITE) < INFINITE ? term(graph.find(c), best) : null;
    }

    private long cost(Node n, Map<Integer, Long> cost) {
      if (n.op == Op.LEAF) {
        if (n.payload instanceof IntLit) {
          return 0;
        }
        Integer read = n.payload instanceof Sym s ? readCost.get(s) : null;
        return read == null ? INFINITE : read;
      }
      long v = 10;
      for (int a : n.args) {
        long x = cost.getOrDefault(graph.find(a), INFINITE);
        if (x >= INFINITE) {
          return INFINITE;
        }
        v += x;
      }
      return v;
    }

    private Expr term(int c, Map<Integer, Node> best) {
      Node n = best.get(graph.find(c));
      switch (n.op) {
        case LEAF:
          return (Expr) n.payload;
        case ADD:
          return Exprs.add(term(n.args[0], best), term(n.args[1], best));
        case MUL:
          return Exprs.mul(term(n.args[0], best), term(n.args[1], best));
        default:
          List<Expr> args = new ArrayList<>();
          for (int a : n.args) {
            args.add(term(a, best));
          }
          return Exprs.apply((Fn) n.payload, args);
      }
    }
  }
}
