package symtrace.tracer.research;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import symtrace.solver.research.BenchRun;

/**
 * The progress of a benchmark run on standard error, never on standard output (which carries
 * the table, the JSON or the CSV). On a terminal a bar redrawn in place ({@code \r}); otherwise,
 * only once a run has lasted {@value #QUIET_SECONDS} seconds, one line per phase and per tenth
 * of it, so a log of a long run shows it is alive and a short run stays silent.
 */
public final class ProgressBar implements BenchRun.Progress {
  static final int QUIET_SECONDS = 10;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier clock;
  private final long start;
  private String phase;
  private int lastTenth = -1;
  private boolean drawn;

  /** A progress bar writing to {@code err}; {@code terminal} chooses the redrawn bar. */
  public ProgressBar(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = nanoClock;
    this.start = nanoClock.getAsLong();
  }

  /** Whether this process's standard error is a terminal (Linux: {@code /proc/self/fd/2}). */
  public static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public void update(String what, int done, int total) {
    double seconds = (clock.getAsLong() - start) / 1e9;
    int tenth = total == 0 ? 10 : (int) (10L * done / total);
    boolean newPhase = !what.equals(phase);
    if (terminal) {
      if (newPhase || tenth != lastTenth || done == total || done % 16 == 0) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        err.print(String.format(Locale.ROOT, "\r%-24s [%s%s] %d/%d %.0fs", what,
            "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, seconds));
        err.flush();
        drawn = true;
      }
    } else if (seconds >= QUIET_SECONDS && (newPhase || tenth != lastTenth)) {
      err.println(String.format(Locale.ROOT, "decompose-bench: %s %d%% (%d/%d), %.0f s", what,
          10 * tenth, done, total, seconds));
      err.flush();
    }
    phase = what;
    lastTenth = tenth;
  }

  /** Ends the bar's line on a terminal, so what follows starts on a new one. */
  public void finish() {
    if (terminal && drawn) {
      err.print("\r" + " ".repeat(WIDTH + 48) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
