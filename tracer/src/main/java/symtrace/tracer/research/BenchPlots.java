package symtrace.tracer.research;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import symtrace.solver.research.Strategies;
import symtrace.solver.research.Summary;
import symtrace.symbolic.SymtraceException;

/**
 * The report's plots, as PNG files (XChart, rendered headless: no display is needed): the share
 * of solvable problems solved per category, the share of answers that chose the cheapest
 * producers, and the distribution of latencies per strategy.
 */
public final class BenchPlots {
  /** The files {@link #write} makes, in the order the report shows them. */
  public static final List<String> FILES = List.of("success.png", "provenance.png", "latency.png");

  private static final int WIDTH = 960;
  private static final int HEIGHT = 440;

  private BenchPlots() {}

  /** Writes the plots of {@code r} into {@code dir}; returns the files. */
  public static List<Path> write(BenchResult r, Path dir) {
    System.setProperty("java.awt.headless", "true"); // before the first AWT class loads
    try {
      Files.createDirectories(dir);
      List<Path> out = new ArrayList<>();
      out.add(save(success(r), dir.resolve(FILES.get(0))));
      out.add(save(provenance(r), dir.resolve(FILES.get(1))));
      out.add(save(latency(r), dir.resolve(FILES.get(2))));
      return out;
    } catch (IOException e) {
      throw new SymtraceException("cannot write the plots to " + dir + ": " + e.getMessage());
    }
  }

  /** Solved / solvable, per category (those with solvable problems) and strategy. */
  static CategoryChart success(BenchResult r) {
    return perCategory(r, bars("Solvable problems solved (%)", "solved (%)"),
        row -> 100 * row.success());
  }

  /** Best / solved: answers no costlier than the best known, per category and strategy. */
  static CategoryChart provenance(BenchResult r) {
    return perCategory(r,
        bars("Answers that read the cheapest producers (% of solved)", "best (%)"),
        row -> row.solved() == 0 ? 0.0 : 100 * row.provenance());
  }

  /** One bar series per strategy: {@code value} of each category with solvable problems. */
  private static CategoryChart perCategory(BenchResult r, CategoryChart c,
      ToDoubleFunction<Summary.Row> value) {
    for (Strategies.Entry s : r.strategies()) {
      List<String> categories = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Summary.Row row : rows(r, s.name())) {
        if (row.solvable() > 0) {
          categories.add(row.category());
          values.add(value.applyAsDouble(row));
        }
      }
      c.addSeries(s.name(), categories, values);
    }
    return c;
  }

  /** For each strategy, the latency at each percentile of the problems (log scale). */
  static XYChart latency(BenchResult r) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Latency per problem, by percentile (after a warm-up pass)")
        .xAxisTitle("percentile of the problems").yAxisTitle("latency (microseconds, log scale)")
        .build();
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    c.getStyler().setMarkerSize(0);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    c.getStyler().setXAxisDecimalPattern("#");
    c.getStyler().setXAxisTickMarkSpacingHint(90);
    c.getStyler().setYAxisDecimalPattern("#,##0.#");
    for (Strategies.Entry s : r.strategies()) {
      double[] micros = r.outcomes().stream().filter(o -> o.strategy().equals(s.name()))
          .mapToDouble(o -> Math.max(0.1, o.micros())).sorted().toArray();
      if (micros.length == 0) {
        continue;
      }
      // the percentiles 1 to 100 (nearest rank): a hundred points draw the curve
      double[] percentile = new double[100];
      double[] at = new double[100];
      for (int q = 1; q <= 100; q++) {
        percentile[q - 1] = q;
        at[q - 1] = Summary.percentile(micros, q);
      }
      c.addSeries(s.name(), percentile, at);
    }
    return c;
  }

  private static CategoryChart bars(String title, String yTitle) {
    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("category").yAxisTitle(yTitle).build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(100.0);
    c.getStyler().setYAxisDecimalPattern("#");
    c.getStyler().setOverlapped(false);
    return c;
  }

  private static List<Summary.Row> rows(BenchResult r, String strategy) {
    return r.rows().stream()
        .filter(row -> row.strategy().equals(strategy) && !row.category().equals(Summary.ALL))
        .toList();
  }

  private static Path save(Chart<?, ?> chart, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
    return file;
  }
}
