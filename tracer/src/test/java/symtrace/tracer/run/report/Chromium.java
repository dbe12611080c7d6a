package symtrace.tracer.run.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium} package) for the tests of the HTML report: loads
 * a page from a file and returns its DOM after the scripts ran, or a screenshot, with
 * everything the browser logged.
 *
 * <p>The browser is {@code /usr/bin/chromium}, or the one the system property {@code
 * symtrace.chromium} names. Without it the tests are skipped, unless the environment variable
 * {@code SYMTRACE_REQUIRE_CHROMIUM} is set (CI installs the browser and sets it), where they
 * fail instead: a browser test must not pass by not running.
 */
final class Chromium {
  private static final long TIMEOUT_SECONDS = 60;

  private final Path binary;
  private final Path profile;

  private Chromium(Path binary, Path profile) {
    this.binary = binary;
    this.profile = profile;
  }

  /** The browser, with a fresh profile under {@code dir}; skips or fails the test without one. */
  static Chromium require(Path dir) throws IOException {
    Path binary = Path.of(System.getProperty("symtrace.chromium", "/usr/bin/chromium"));
    boolean present = Files.isExecutable(binary);
    if (!present && System.getenv("SYMTRACE_REQUIRE_CHROMIUM") != null) {
      fail("SYMTRACE_REQUIRE_CHROMIUM is set but " + binary + " is missing: install Debian's"
          + " chromium package (apt-get install -y chromium)");
    }
    Assumptions.assumeTrue(present, binary + " is missing: the browser tests need Debian's"
        + " chromium package (apt-get install -y chromium)");
    return new Chromium(binary, Files.createDirectories(dir.resolve("chromium-profile")));
  }

  /** What one run of the browser printed: standard output, and its log on standard error. */
  record Run(String out, String log) {
    /**
     * The lines of the log that carry a message of the page's console (Chromium logs {@code
     * console.*} calls and uncaught exceptions as {@code CONSOLE} lines).
     */
    List<String> consoleLines() {
      return log.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
    }
  }

  /** The page's DOM after its scripts ran ({@code --dump-dom}); {@code fragment} may be empty. */
  Run dumpDom(Path page, String fragment) throws IOException, InterruptedException {
    return run(List.of("--dump-dom"), page, fragment);
  }

  /** A PNG of the page's first {@code width x height} pixels, written to {@code png}. */
  Run screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    return run(List.of("--screenshot=" + png, "--window-size=" + width + "," + height,
        "--hide-scrollbars", "--force-device-scale-factor=1"), page, "");
  }

  private Run run(List<String> mode, Path page, String fragment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile,
        "--enable-logging=stderr"));
    command.addAll(mode);
    command.add(page.toUri() + fragment);
    Path out = Files.createTempFile(profile, "out", ".txt");
    Path err = Files.createTempFile(profile, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    Run run = new Run(Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    assertTrue(p.exitValue() == 0, "chromium exited with " + p.exitValue() + ":\n" + run.log());
    return run;
  }
}
