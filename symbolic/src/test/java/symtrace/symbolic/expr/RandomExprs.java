package symtrace.symbolic.expr;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import symtrace.symbolic.eval.PyMath;

/**
 * Random operation trees over the whole vocabulary, for property tests. A tree is built twice:
 * {@link Node#build()} goes through the smart constructors (so construction rules apply), and
 * {@link Node#eval} computes the same operations directly with Python's arithmetic, without any
 * rewriting. Comparing the two checks every construction rule.
 *
 * <p>Trees are typed: integer, float or boolean valued. Float-valued operations always have a
 * symbolic operand, so no float constant with more than 15 significant digits is folded (sympy
 * prints 15, and the round trip through text must be exact).
 */
final class RandomExprs {
  static final Sym[] SYMBOLS = {
    Sym.size("s0"), Sym.size("s1"), Sym.size("s2"), Sym.integer("u0"), Sym.integer("u1")
  };
  private static final double[] FLOATS = {0.5, 1.5, 2.0, 0.25, 3.0, -1.5};

  private final Random random;

  RandomExprs(long seed) {
    this.random = new Random(seed);
  }

  enum Type {
    INT,
    FLOAT,
    BOOL
  }

  /** One operation of a random tree. */
  record Node(String op, Type type, List<Node> kids, Expr leaf) {
    Expr build() {
      if (leaf != null) {
        return leaf;
      }
      List<Expr> a = new ArrayList<>();
      for (Node k : kids) {
        a.add(k.build());
      }
      switch (op) {
        case "+":
          return Exprs.add(a.get(0), a.get(1));
        case "-":
          return Exprs.sub(a.get(0), a.get(1));
        case "*":
          return Exprs.mul(a.get(0), a.get(1));
        case "neg":
          return Exprs.neg(a.get(0));
        case "**":
          return Exprs.pow(a.get(0), a.get(1));
        case "expand":
          return Exprs.expand(a.get(0));
        case "ceildiv":
          return Exprs.ceilDiv(a.get(0), a.get(1));
        case "ite":
          return Exprs.ite(a.get(0), a.get(1), a.get(2));
        default:
          return Exprs.apply(Fn.valueOf(op), a);
      }
    }

    Object eval(Map<Sym, Object> point) {
      if (leaf != null) {
        return symtrace.symbolic.eval.Evaluator.evaluate(leaf, point);
      }
      List<Object> v = new ArrayList<>();
      if (!op.equals("ite")) {
        for (Node k : kids) {
          v.add(k.eval(point));
        }
      }
      switch (op) {
        case "+":
          return PyMath.add(v.get(0), v.get(1));
        case "-":
          return PyMath.sub(v.get(0), v.get(1));
        case "*":
          return PyMath.mul(v.get(0), v.get(1));
        case "neg":
          return PyMath.neg(v.get(0));
        case "**":
          return PyMath.pow(v.get(0), v.get(1));
        case "expand":
          return v.get(0);
        case "ceildiv":
          return PyMath.neg(PyMath.floorDiv(PyMath.neg(v.get(0)), v.get(1)));
        case "ite":
          return truth(kids.get(0).eval(point)) ? kids.get(1).eval(point) : kids.get(2).eval(point);
        case "AND":
          // Both sides are evaluated: sympy's And has no evaluation order to short-circuit by.
          return truth(v.get(0)) & truth(v.get(1));
        case "OR":
          return truth(v.get(0)) | truth(v.get(1));
        case "NOT":
          return !truth(v.get(0));
        case "FLOOR_DIV":
          return PyMath.floorDiv(v.get(0), v.get(1));
        case "MOD":
        case "PYTHON_MOD":
          return PyMath.mod(v.get(0), v.get(1));
        case "MODULAR_INDEXING":
          return PyMath.mod(PyMath.floorDiv(v.get(0), v.get(1)), v.get(2));
        case "MAX":
          return PyMath.compare(v.get(1), v.get(0)) > 0 ? v.get(1) : v.get(0);
        case "MIN":
          return PyMath.compare(v.get(1), v.get(0)) < 0 ? v.get(1) : v.get(0);
        case "ABS":
          return PyMath.compare(v.get(0), 0L) < 0 ? PyMath.neg(v.get(0)) : v.get(0);
        case "IDENTITY":
          return v.get(0);
        case "INT_TRUE_DIV":
        case "FLOAT_TRUE_DIV":
          return PyMath.trueDiv(v.get(0), v.get(1));
        case "TO_FLOAT":
          return PyMath.toDouble(v.get(0));
        case "TRUNC_TO_INT":
          return PyMath.toInt(v.get(0), RoundingMode.DOWN);
        case "FLOOR_TO_INT":
        case "FLOOR":
          return PyMath.toInt(v.get(0), RoundingMode.FLOOR);
        case "CEIL_TO_INT":
        case "CEILING":
          return PyMath.toInt(v.get(0), RoundingMode.CEILING);
        case "ROUND_TO_INT":
          return PyMath.roundToInt(v.get(0));
        case "POW_BY_NATURAL":
          return PyMath.intPow(v.get(0), v.get(1));
        case "BITWISE_AND":
          return PyMath.add(0L, new java.math.BigInteger(v.get(0).toString())
              .and(new java.math.BigInteger(v.get(1).toString())));
        case "BITWISE_OR":
          return PyMath.add(0L, new java.math.BigInteger(v.get(0).toString())
              .or(new java.math.BigInteger(v.get(1).toString())));
        case "LSHIFT":
          return PyMath.mul(v.get(0), PyMath.intPow(2L, v.get(1)));
        case "RSHIFT":
          return PyMath.floorDiv(v.get(0), PyMath.intPow(2L, v.get(1)));
        case "OPAQUE_SQRT":
          return OpaqueFunctions.apply(Fn.OPAQUE_SQRT, PyMath.toDouble(v.get(0)));
        case "EQ":
          return PyMath.compare(v.get(0), v.get(1)) == 0;
        case "NE":
          return PyMath.compare(v.get(0), v.get(1)) != 0;
        case "LT":
          return PyMath.compare(v.get(0), v.get(1)) < 0;
        case "LE":
          return PyMath.compare(v.get(0), v.get(1)) <= 0;
        case "GT":
          return PyMath.compare(v.get(0), v.get(1)) > 0;
        case "GE":
          return PyMath.compare(v.get(0), v.get(1)) >= 0;
        default:
          throw new IllegalStateException("no direct evaluation for " + op);
      }
    }

    private static boolean truth(Object v) {
      return v instanceof Boolean b ? b : PyMath.toDouble(v) != 0;
    }
  }

  private Node leaf(Expr e, Type t) {
    return new Node("leaf", t, List.of(), e);
  }

  private Node op(String op, Type t, Node... kids) {
    return new Node(op, t, List.of(kids), null);
  }

  Node intTree(int depth) {
    if (depth <= 0 || random.nextInt(5) == 0) {
      return random.nextInt(3) == 0
          ? leaf(IntLit.of(random.nextInt(13) - 4), Type.INT)
          : leaf(SYMBOLS[random.nextInt(SYMBOLS.length)], Type.INT);
    }
    int d = depth - 1;
    switch (random.nextInt(22)) {
      case 0:
      case 1:
        return op("+", Type.INT, intTree(d), intTree(d));
      case 2:
        return op("-", Type.INT, intTree(d), intTree(d));
      case 3:
      case 4:
        return op("*", Type.INT, intTree(d), intTree(d));
      case 5:
        return op("neg", Type.INT, intTree(d));
      case 6:
        return op("**", Type.INT, intTree(d), leaf(IntLit.of(random.nextInt(3)), Type.INT));
      case 7:
        return op("FLOOR_DIV", Type.INT, intTree(d), divisor(d));
      case 8:
        // Mod is PyTorch's modulus of non-negative arguments; PythonMod takes any sign.
        return random.nextBoolean()
            ? op("MOD", Type.INT, op("ABS", Type.INT, intTree(d)), positiveDivisor(d))
            : op("PYTHON_MOD", Type.INT, intTree(d), divisor(d));
      case 9:
        return op("MODULAR_INDEXING", Type.INT, intTree(d), positiveConst(), positiveConst());
      case 10:
        return op(random.nextBoolean() ? "MAX" : "MIN", Type.INT, intTree(d), intTree(d));
      case 11:
        return op("ABS", Type.INT, intTree(d));
      case 12:
        return op("ite", Type.INT, boolTree(d), intTree(d), intTree(d));
      case 13:
        return op("expand", Type.INT, op("*", Type.INT, intTree(d), intTree(d)));
      case 14:
        return op("ceildiv", Type.INT, intTree(d), positiveConst());
      case 15:
        return op(pick("TRUNC_TO_INT", "FLOOR_TO_INT", "CEIL_TO_INT", "ROUND_TO_INT"), Type.INT, floatTree(d));
      case 16:
        return op("POW_BY_NATURAL", Type.INT, intTree(d), leaf(IntLit.of(random.nextInt(4)), Type.INT));
      case 17:
        return op(random.nextBoolean() ? "BITWISE_AND" : "BITWISE_OR", Type.INT, intTree(d), intTree(d));
      case 18:
        return op(random.nextBoolean() ? "LSHIFT" : "RSHIFT", Type.INT, intTree(d),
            leaf(IntLit.of(random.nextInt(3)), Type.INT));
      case 19:
        return op(random.nextBoolean() ? "FLOOR" : "CEILING", Type.INT, intTree(d));
      case 20:
        return op("IDENTITY", Type.INT, intTree(d));
      default:
        return op("FLOOR_DIV", Type.INT, op("*", Type.INT, intTree(d), positiveConst()), positiveConst());
    }
  }

  private Node divisor(int d) {
    return random.nextInt(3) == 0 ? intTree(d) : positiveConst();
  }

  private Node positiveDivisor(int d) {
    return random.nextBoolean() ? positiveConst() : leaf(SYMBOLS[random.nextInt(3)], Type.INT);
  }

  private Node positiveConst() {
    return leaf(IntLit.of(1 + random.nextInt(6)), Type.INT);
  }

  private String pick(String... names) {
    return names[random.nextInt(names.length)];
  }

  /** A float tree: always over a symbol, so constants never fold into long floats. */
  Node floatTree(int depth) {
    int d = Math.max(depth - 1, 0);
    switch (random.nextInt(6)) {
      case 0:
        return op("TO_FLOAT", Type.FLOAT, symbolic(d));
      case 1:
        return op("*", Type.FLOAT, leaf(Exprs.real(FLOATS[random.nextInt(FLOATS.length)]), Type.FLOAT),
            op("TO_FLOAT", Type.FLOAT, symbolic(d)));
      case 2:
        return op("INT_TRUE_DIV", Type.FLOAT, symbolic(d), positiveConst());
      case 3:
        return op("+", Type.FLOAT, op("TO_FLOAT", Type.FLOAT, symbolic(d)),
            leaf(Exprs.real(FLOATS[random.nextInt(FLOATS.length)]), Type.FLOAT));
      case 4:
        return op("FLOAT_TRUE_DIV", Type.FLOAT, op("TO_FLOAT", Type.FLOAT, symbolic(d)),
            leaf(Exprs.real(2.0), Type.FLOAT));
      default:
        return op("OPAQUE_SQRT", Type.FLOAT, op("TO_FLOAT", Type.FLOAT, op("ABS", Type.INT, symbolic(d))));
    }
  }

  /** An integer tree that mentions at least one symbol. */
  private Node symbolic(int d) {
    Node sym = leaf(SYMBOLS[random.nextInt(SYMBOLS.length)], Type.INT);
    return random.nextBoolean() ? sym : op("+", Type.INT, sym, intTree(d));
  }

  Node boolTree(int depth) {
    int d = Math.max(depth - 1, 0);
    switch (random.nextInt(9)) {
      case 0:
        return op("AND", Type.BOOL, relation(d), relation(d));
      case 1:
        return op("OR", Type.BOOL, relation(d), relation(d));
      case 2:
        return op("NOT", Type.BOOL, relation(d));
      default:
        return relation(d);
    }
  }

  private Node relation(int d) {
    return op(pick("EQ", "NE", "LT", "LE", "GT", "GE"), Type.BOOL, intTree(d), intTree(d));
  }

  /** A tree of a random type. */
  Node any(int depth) {
    int r = random.nextInt(10);
    return r < 7 ? intTree(depth) : r < 9 ? boolTree(depth) : floatTree(depth);
  }

  /** A random assignment: sizes in [1, 9], unbacked integers in [-6, 6]. */
  Map<Sym, Object> point() {
    Map<Sym, Object> p = new java.util.HashMap<>();
    for (Sym s : SYMBOLS) {
      long v = s.isPositiveSymbol() ? 1 + random.nextInt(9) : random.nextInt(13) - 6;
      p.put(s, v);
    }
    return p;
  }
}
