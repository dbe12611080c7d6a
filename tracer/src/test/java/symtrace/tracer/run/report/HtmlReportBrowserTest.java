package symtrace.tracer.run.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.run.GuardReport;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * The HTML report of a conformance program in headless Chromium: its script runs without a
 * console message and sets up the filters, the implied-guard filter hides exactly the guards
 * {@code --minimize} drops, and a screenshot shows the page with its highlighted lines.
 */
class HtmlReportBrowserTest {
  private static final String PROGRAM = "scalar_int_input";

  @TempDir static Path dir;
  private static Path page;
  private static JsonNode json;

  @BeforeAll
  static void render() throws IOException {
    Path file = ConformanceFiles.root().resolve("programs").resolve(PROGRAM + ".py");
    ProgramRunner runner = ProgramRunner.load(file);
    ProgramRunner.Inputs inputs = runner.inputs(runner.traceHeader());
    Trace trace = runner.trace(inputs, TracingMode.SYMBOLIC);
    GuardReport report = GuardReport.of(file.getFileName().toString(), inputs.spec(), trace,
        true);
    json = report.toJson();
    page = dir.resolve(PROGRAM + ".html");
    Files.writeString(page, HtmlGuardReport.render(report, trace, runner.program().source()),
        StandardCharsets.UTF_8);
  }

  private static int guardCount() {
    return json.path("guards").size();
  }

  private static int impliedCount() {
    int n = 0;
    for (JsonNode g : json.path("guards")) {
      n += g.path("redundant").asBoolean() ? 1 : 0;
    }
    return n;
  }

  private static String bodyAttribute(String dom, String name) {
    Matcher m = Pattern.compile("<body[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"")
        .matcher(dom);
    return m.find() ? m.group(1) : null;
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theScriptRunsWithoutConsoleMessagesAndShowsEveryGuard() throws Exception {
    Chromium.Run run = Chromium.require(dir).dumpDom(page, "");
    assertEquals("true", bodyAttribute(run.out(), "data-ready"), run.out());
    assertTrue(run.consoleLines().isEmpty(), String.join("\n", run.consoleLines()));
    assertTrue(guardCount() > impliedCount() && impliedCount() > 0, json.toString());
    assertEquals(String.valueOf(guardCount()), bodyAttribute(run.out(), "data-shown-guards"));
    assertTrue(run.out().contains("showing " + guardCount() + " of " + guardCount()
        + " guards"), run.out());
    assertEquals(0, count(run.out(), "<li class=\"guard[^\"]*\"[^>]*\\shidden"), run.out());
  }

  @Test
  void theImpliedFilterHidesTheGuardsMinimizeDrops() throws Exception {
    Chromium.Run run = Chromium.require(dir).dumpDom(page, "#hide-implied");
    assertTrue(run.consoleLines().isEmpty(), String.join("\n", run.consoleLines()));
    int kept = guardCount() - impliedCount();
    assertEquals(String.valueOf(kept), bodyAttribute(run.out(), "data-shown-guards"));
    assertEquals(impliedCount(), count(run.out(), "<li class=\"guard implied\"[^>]*\\shidden"),
        run.out());
    assertEquals(0, count(run.out(), "<li class=\"guard\"[^>]*\\shidden"), run.out());
    // The marks of hidden guards on the program lines are hidden with them.
    assertEquals(impliedCount(), count(run.out(), "<a class=\"mark implied\"[^>]*\\shidden"),
        run.out());
  }

  @Test
  void theScreenshotShowsThePageWithTheHighlightedLines() throws Exception {
    Path png = dir.resolve(PROGRAM + ".png");
    Chromium.Run run = Chromium.require(dir).screenshot(page, png, 1200, 900);
    assertTrue(run.consoleLines().isEmpty(), String.join("\n", run.consoleLines()));
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "not a PNG: " + png);
    assertEquals(1200, image.getWidth());
    assertEquals(900, image.getHeight());
    int highlight = Color.decode(HtmlGuardReport.HIGHLIGHT).getRGB() & 0xffffff;
    long inked = 0;
    long highlighted = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        inked += rgb != 0xffffff ? 1 : 0;
        highlighted += rgb == highlight ? 1 : 0;
      }
    }
    long pixels = (long) image.getWidth() * image.getHeight();
    assertTrue(inked > pixels / 20, "nearly blank: " + inked + " of " + pixels + " pixels");
    // A highlighted program line is a band of that colour at least a few hundred pixels wide.
    assertTrue(highlighted > 2_000, "only " + highlighted + " pixels of "
        + HtmlGuardReport.HIGHLIGHT);
  }
}
