package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * The cost model and the diagnosis shared by the strategies (and by the benchmark, which states
 * each problem's best known cost in the same model).
 */
public final class Decompositions {
  private Decompositions() {}

  /**
   * The target's symbols that no tracked value mentions: without them no term over the tracked
   * values can equal the target (unless they cancel, which the algebra would have found).
   */
  public static List<Sym> missingSymbols(Expr target, List<Tracked> tracked) {
    Set<Sym> provided = new HashSet<>();
    for (Tracked t : tracked) {
      provided.addAll(t.expr().freeSymbols());
    }
    List<Sym> missing = new ArrayList<>();
    for (Sym s : target.freeSymbols()) {
      if (!provided.contains(s)) {
        missing.add(s);
      }
    }
    return missing;
  }

  /**
   * The cost of a term: 10 per operation, plus for each tracked value it reads 1 for a graph
   * input size, 3 for an intermediate, 5 for a value from another graph or stashed, plus its
   * position in the graph (earlier is cheaper, fewer tensors kept alive).
   */
  public static int cost(Expr term, List<Tracked> tracked) {
    int ops = operations(term);
    int reads = 0;
    for (Sym s : term.freeSymbols()) {
      for (Tracked t : tracked) {
        if (t.name().equals(s.name())) {
          reads += readCost(t);
          break;
        }
      }
    }
    return 10 * ops + reads;
  }

  /** The cost of reading one tracked value: its producer's weight plus its position. */
  public static int readCost(Tracked t) {
    int weight = switch (t.producer()) {
      case INPUT_SIZE -> 1;
      case INTERMEDIATE -> 3;
      default -> 5;
    };
    return weight + t.position();
  }

  private static int operations(Expr e) {
    List<Expr> args = e.args();
    if (args.isEmpty()) {
      return 0;
    }
    int n = args.size() - 1;
    if (e.kind() == Expr.Kind.POW || e.kind() == Expr.Kind.APPLY) {
      n = 1;
    }
    for (Expr a : args) {
      n += operations(a);
    }
    return n;
  }

  static Map<Sym, Expr> definitions(List<Tracked> tracked) {
    Map<Sym, Expr> d = new java.util.HashMap<>();
    for (Tracked t : tracked) {
      d.put(nameSymbol(t), t.expr());
    }
    return d;
  }

  static Sym nameSymbol(Tracked t) {
    return Sym.integer(t.name());
  }
}
