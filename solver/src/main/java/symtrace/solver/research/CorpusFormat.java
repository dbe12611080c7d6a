package symtrace.solver.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.decompose.Tracked.Producer;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParseException;
import symtrace.symbolic.parse.ExprParser;

/**
 * The corpus files ({@code *.problems}): one problem per block of lines, blocks separated by
 * blank lines, {@code #} starting a comment line. Expressions are in sympy's text, as {@code
 * symtrace simplify} prints them; {@code s<N>} are sizes, other names integers.
 *
 * <pre>
 * problem regrouped/product-3
 * category regrouped
 * kind hand
 * note simplification flattens (s1*s2)*s3
 * target s1*s2*s3
 * tracked A intermediate 0 = s1*s2
 * tracked B input-size 1 = s3
 * fact s1 &lt;= 64
 * expect solvable 16 = A*B
 * </pre>
 *
 * <p>{@code tracked NAME PRODUCER POSITION = EXPR}, in the order the graph tracked them; the
 * producers are {@code input-size}, {@code intermediate}, {@code other-graph}, {@code stashed}.
 * {@code expect solvable COST = TERM} gives a known solution and its cost; {@code expect
 * impossible REASON} says none exists. {@code kind}, {@code note} and {@code fact} are optional.
 * Errors name the file, line and column.
 */
public final class CorpusFormat {
  private CorpusFormat() {}

  /** The problems of one file's text; {@code file} names it in errors and origins. */
  public static List<Problem> read(String file, String text) {
    List<Problem> out = new ArrayList<>();
    Block block = null;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      Line line = new Line(file, i + 1, lines[i]);
      if (line.text.isBlank()) {
        if (block != null) {
          out.add(block.finish());
          block = null;
        }
        continue;
      }
      if (line.text.stripLeading().startsWith("#")) {
        continue;
      }
      String key = line.key();
      if (key.equals("problem")) {
        if (block != null) {
          out.add(block.finish());
        }
        block = new Block(line, line.rest());
        continue;
      }
      if (block == null) {
        throw line.error(1, "expected 'problem ID' to start a problem, found '" + key + "'");
      }
      block.add(key, line);
    }
    if (block != null) {
      out.add(block.finish());
    }
    return out;
  }

  /** The text of {@code problems}, readable by {@link #read}. */
  public static String write(List<Problem> problems, String header) {
    StringBuilder out = new StringBuilder();
    for (String h : header.split("\\R")) {
      out.append("# ").append(h).append('\n');
    }
    for (Problem p : problems) {
      out.append('\n');
      out.append("problem ").append(p.id()).append('\n');
      out.append("category ").append(p.category().label()).append('\n');
      out.append("kind ").append(p.kind()).append('\n');
      if (!p.note().isEmpty()) {
        out.append("note ").append(p.note()).append('\n');
      }
      out.append("target ").append(p.target()).append('\n');
      for (Tracked t : p.tracked()) {
        out.append("tracked ").append(t.name()).append(' ').append(producerLabel(t.producer()))
            .append(' ').append(t.position()).append(" = ").append(t.expr()).append('\n');
      }
      for (Expr f : p.facts()) {
        out.append("fact ").append(f).append('\n');
      }
      GroundTruth g = p.truth();
      if (g.solvable()) {
        out.append("expect solvable ").append(g.cost()).append(" = ").append(g.solution())
            .append('\n');
      } else {
        out.append("expect impossible ").append(g.reason()).append('\n');
      }
    }
    return out.toString();
  }

  public static String producerLabel(Producer p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Producer producer(String label) {
    for (Producer p : Producer.values()) {
      if (producerLabel(p).equals(label)) {
        return p;
      }
    }
    return null;
  }

  /** One line of a file, with its position for errors. */
  private static final class Line {
    final String file;
    final int number;
    final String text;

    Line(String file, int number, String text) {
      this.file = file;
      this.number = number;
      this.text = text;
    }

    String key() {
      String s = text.stripLeading();
      int space = s.indexOf(' ');
      return space < 0 ? s : s.substring(0, space);
    }

    /** The text after the key, stripped. */
    String rest() {
      return text.substring(restColumn() - 1).strip();
    }

    /** The 1-based column where the text after the key starts. */
    int restColumn() {
      int start = text.length() - text.stripLeading().length() + key().length();
      while (start < text.length() && text.charAt(start) == ' ') {
        start++;
      }
      return start + 1;
    }

    SymtraceException error(int column, String message) {
      return new SymtraceException(file + ":" + number + ":" + column + ": " + message);
    }

    Expr expr(int column, String source) {
      if (source.isBlank()) {
        throw error(column, "expected an expression");
      }
      try {
        return ExprParser.parse(source);
      } catch (ExprParseException e) {
        throw error(column + e.column() - 1, e.getMessage().replaceFirst("^column [0-9]+: ", ""));
      } catch (SymtraceException e) {
        throw error(column, e.getMessage());
      }
    }
  }

  /** The lines of one problem, collected until its end. */
  private static final class Block {
    private final Line start;
    private final String id;
    private Category category;
    private String kind = "hand";
    private String note = "";
    private Expr target;
    private final List<Tracked> tracked = new ArrayList<>();
    private final List<Expr> facts = new ArrayList<>();
    private GroundTruth truth;
    private Line expectLine;

    Block(Line start, String id) {
      if (id.isEmpty() || id.contains(" ")) {
        throw start.error(start.restColumn(), "expected 'problem ID', an id without spaces");
      }
      this.start = start;
      this.id = id;
    }

    void add(String key, Line line) {
      String rest = line.rest();
      int col = line.restColumn();
      switch (key) {
        case "category" -> {
          category = Category.fromLabel(rest);
          if (category == null) {
            throw line.error(col, "unknown category '" + rest + "'; expected one of "
                + String.join(", ", java.util.Arrays.stream(Category.values())
                    .map(Category::label).toList()));
          }
        }
        case "kind" -> kind = rest;
        case "note" -> note = rest;
        case "target" -> target = line.expr(col, rest);
        case "fact" -> facts.add(line.expr(col, rest));
        case "tracked" -> tracked.add(tracked(line, rest, col));
        case "expect" -> {
          truth = expectation(line, rest, col);
          expectLine = line;
        }
        default -> throw line.error(1, "unknown line '" + key + "'; expected category, kind, note,"
            + " target, tracked, fact or expect");
      }
    }

    private static Tracked tracked(Line line, String rest, int col) {
      int eq = rest.indexOf('=');
      String[] head = (eq < 0 ? rest : rest.substring(0, eq)).trim().split("\\s+");
      if (eq < 0 || head.length != 3) {
        throw line.error(col, "expected 'tracked NAME PRODUCER POSITION = EXPR'");
      }
      if (!Problem.validName(head[0])) {
        throw line.error(col, "'" + head[0] + "' cannot name a tracked value: use an identifier"
            + " other than s<N> and u<N>");
      }
      int producerCol = col + rest.indexOf(head[1], head[0].length());
      Producer p = producer(head[1]);
      if (p == null) {
        throw line.error(producerCol, "unknown producer '" + head[1] + "'; expected input-size,"
            + " intermediate, other-graph or stashed");
      }
      int position;
      try {
        position = Integer.parseInt(head[2]);
      } catch (NumberFormatException e) {
        throw line.error(producerCol + head[1].length() + 1, "the position '" + head[2]
            + "' is not a number");
      }
      int exprCol = col + eq + 1;
      String source = rest.substring(eq + 1);
      int lead = source.length() - source.stripLeading().length();
      return new Tracked(head[0], line.expr(exprCol + lead, source.strip()), p, position);
    }

    private static GroundTruth expectation(Line line, String rest, int col) {
      if (rest.startsWith("impossible")) {
        String reason = rest.substring("impossible".length()).strip();
        return GroundTruth.impossible(reason.isEmpty()
            ? "no term over the tracked values equals the target" : reason);
      }
      if (rest.startsWith("solvable")) {
        int eq = rest.indexOf('=');
        String cost = (eq < 0 ? "" : rest.substring("solvable".length(), eq)).strip();
        if (eq < 0 || !cost.matches("[0-9]+")) {
          throw line.error(col, "expected 'expect solvable COST = TERM'");
        }
        String source = rest.substring(eq + 1);
        int lead = source.length() - source.stripLeading().length();
        return GroundTruth.solvable(line.expr(col + eq + 1 + lead, source.strip()),
            Integer.parseInt(cost));
      }
      throw line.error(col, "expected 'expect solvable COST = TERM' or 'expect impossible REASON'");
    }

    Problem finish() {
      String where = start.file + ":" + start.number;
      if (category == null) {
        throw start.error(1, "problem " + id + " has no 'category' line");
      }
      if (target == null) {
        throw start.error(1, "problem " + id + " has no 'target' line");
      }
      if (truth == null) {
        throw start.error(1, "problem " + id + " has no 'expect' line");
      }
      java.util.Set<String> names = new java.util.HashSet<>();
      for (Tracked t : tracked) {
        if (!names.add(t.name())) {
          throw start.error(1, "problem " + id + " tracks the name " + t.name() + " twice");
        }
      }
      if (truth.solvable()) {
        for (symtrace.symbolic.expr.Sym s : truth.solution().freeSymbols()) {
          if (!names.contains(s.name()) || s.isPositiveSymbol()) {
            throw expectLine.error(1, "the solution reads " + s.name()
                + ", which is not a tracked name");
          }
        }
      }
      return new Problem(id, category, kind, note, target, tracked, facts, truth, where);
    }
  }
}
