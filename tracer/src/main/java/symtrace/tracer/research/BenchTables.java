package symtrace.tracer.research;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import symtrace.solver.research.Strategies;
import symtrace.solver.research.Summary;

/**
 * The measured table of a run as text (aligned columns for a terminal), CSV (one row per
 * strategy and category) or JSON (the corpus, the strategies and the rows).
 */
public final class BenchTables {
  /** The CSV header, the columns of every format. */
  public static final List<String> COLUMNS = List.of("strategy", "category", "problems", "solvable",
      "solved", "success", "wrong", "unconfirmed", "impossible", "rejected", "rejection", "best",
      "provenance", "errors", "p50_us", "p95_us", "p99_us");

  private BenchTables() {}

  /** The aligned text table, with a line about the corpus above it. */
  public static String text(BenchResult r) {
    StringBuilder out = new StringBuilder();
    out.append(r.corpusLine()).append("\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"strategy", "category", "problems", "solved", "wrong", "unconfirmed",
        "rejected", "best", "p50 us", "p95 us", "p99 us"});
    String previous = null;
    for (Summary.Row row : r.rows()) {
      if (previous != null && !previous.equals(row.strategy())) {
        rows.add(null);
      }
      previous = row.strategy();
      rows.add(new String[] {row.strategy(), row.category(), Integer.toString(row.problems()),
          fraction(row.solved(), row.solvable()), Integer.toString(row.wrong()),
          Integer.toString(row.unconfirmed()), fraction(row.rejected(), row.impossible()),
          fraction(row.best(), row.solved()), micros(row.p50()), micros(row.p95()),
          micros(row.p99())});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; row != null && i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      if (row == null) {
        out.append('\n');
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean left = i < 2;
        String cell = left ? pad(row[i], width[i]) : padLeft(row[i], width[i]);
        line.append(cell).append(i + 1 < row.length ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append('\n').append(legend());
    return out.toString();
  }

  /** What the text columns mean. */
  static String legend() {
    return "solved: correct answers / solvable problems; wrong: answers the independent check"
        + " refutes (must be 0);\nunconfirmed: answers Z3 could not decide (they agree at every"
        + " point); rejected: 'not found' / impossible problems;\nbest: answers no costlier than"
        + " the best known / solved; latency per problem after a warm-up pass.\n";
  }

  /** One row per strategy and category, with the header {@link #COLUMNS}. */
  public static String csv(BenchResult r) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Summary.Row row : r.rows()) {
      List<String> cells = List.of(row.strategy(), row.category(), str(row.problems()),
          str(row.solvable()), str(row.solved()), ratio(row.success()), str(row.wrong()),
          str(row.unconfirmed()), str(row.impossible()), str(row.rejected()),
          ratio(row.rejection()),
          str(row.best()), ratio(row.provenance()), str(row.errors()), micros(row.p50()),
          micros(row.p95()), micros(row.p99()));
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  /** The run as JSON: the corpus's parts, the strategies and the rows. */
  public static String json(BenchResult r) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode corpus = root.putObject("corpus");
    corpus.put("problems", r.corpus().problems().size());
    ArrayNode parts = corpus.putArray("parts");
    for (BenchCorpus.Part p : r.corpus().parts()) {
      parts.addObject().put("name", p.name()).put("description", p.description())
          .put("problems", p.problems().size());
    }
    corpus.put("ground_truth_checked", true);
    ArrayNode strategies = root.putArray("strategies");
    for (Strategies.Entry e : r.strategies()) {
      strategies.addObject().put("name", e.name()).put("description", e.description());
    }
    ArrayNode rows = root.putArray("rows");
    for (Summary.Row row : r.rows()) {
      ObjectNode o = rows.addObject();
      o.put("strategy", row.strategy()).put("category", row.category())
          .put("problems", row.problems()).put("solvable", row.solvable())
          .put("solved", row.solved());
      putRatio(o, "success", row.success());
      o.put("wrong", row.wrong()).put("unconfirmed", row.unconfirmed())
          .put("impossible", row.impossible()).put("rejected", row.rejected());
      putRatio(o, "rejection", row.rejection());
      o.put("best", row.best());
      putRatio(o, "provenance", row.provenance());
      o.put("errors", row.errors());
      ObjectNode latency = o.putObject("latency_us");
      latency.put("p50", round(row.p50())).put("p95", round(row.p95()))
          .put("p99", round(row.p99()));
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putRatio(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, Math.round(v * 10000) / 10000.0);
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static String fraction(int a, int b) {
    if (b == 0) {
      return "-";
    }
    return a + "/" + b + " " + String.format(Locale.ROOT, "%5.1f%%", 100.0 * a / b);
  }

  static String micros(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String str(int v) {
    return Integer.toString(v);
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(w - s.length());
  }

  private static String padLeft(String s, int w) {
    return " ".repeat(w - s.length()) + s;
  }
}
