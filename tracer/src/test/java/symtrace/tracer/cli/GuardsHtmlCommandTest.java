package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import symtrace.tracer.lang.ConformanceFiles;

/** {@code symtrace guards --format html}: the page on standard output, and its usage errors. */
class GuardsHtmlCommandTest {
  private static String program(String name) {
    return ConformanceFiles.root().resolve("programs").resolve(name + ".py").toString();
  }

  @Test
  void thePageGoesToStandardOutput() {
    CommandRun r = CommandRun.symtrace("guards", program("branch_on_size"), "--format", "html");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("<!DOCTYPE html>\n"), r.out());
    assertTrue(r.out().endsWith("</html>\n"), r.out());
    assertTrue(r.out().contains("<span class=\"line guarded\" id=\"L10\""), r.out());
    assertTrue(r.out().contains("L[&#39;x&#39;].size()[0] &gt; 4"), r.out());
  }

  @Test
  void thePageTakesNoTextOnlyOptions() {
    for (String option : new String[] {"--minimize", "--check=x=f32[3,3]", "--why=L['x']"}) {
      CommandRun r = CommandRun.symtrace("guards", program("branch_on_size"), "--format",
          "html", option);
      assertEquals(ExitCodes.USAGE, r.status(), option);
      assertTrue(r.err().contains("--format html takes no --check, --why or --minimize"),
          r.err());
      assertTrue(r.out().isEmpty(), r.out());
    }
  }
}
