package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # trace:}, {@code # eval:} and {@code # expect:} comment lines at the top of a
 * program, as raw text; parsing the input specifications is left to their consumer.
 *
 * <pre>
 * # trace: x=f32[3,4] y=f32[5,4]     the example inputs to trace with (at most one line)
 * # eval: x=f32[7,4] y=f32[2,4]      other inputs to run (any number of lines)
 * # expect: error data-dependent     only where symbolic tracing must fail (at most one)
 * </pre>
 *
 * <p>Header lines are read from the comment block that opens the file: the lines before the
 * first line that is neither blank nor a comment. Other comments there are ignored, and so are
 * {@code # trace:} lines further down (they are ordinary comments). Each {@link Line} keeps the
 * span of its text, so that an error in a spec can point into the header.
 */
public record ProgramHeader(Optional<Line> trace, List<Line> evals, Optional<Line> expect) {
  /** A header without any lines. */
  public static final ProgramHeader EMPTY =
      new ProgramHeader(Optional.empty(), List.of(), Optional.empty());

  private static final Pattern HEADER =
      Pattern.compile("#\\s*(trace|eval|expect)\\s*:(.*)");

  /** The text of one header line after its {@code key:}, trimmed, and where that text starts. */
  public record Line(String text, Span span) {
    public Line {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(span, "span");
    }
  }

  public ProgramHeader {
    Objects.requireNonNull(trace, "trace");
    evals = List.copyOf(evals);
    Objects.requireNonNull(expect, "expect");
  }

  /** The {@code # trace:} specs, if the header has them. */
  public Optional<String> traceSpec() {
    return trace.map(Line::text);
  }

  /** The {@code # eval:} specs, one string per line, in order. */
  public List<String> evalSpecs() {
    return evals.stream().map(Line::text).toList();
  }

  /** The {@code # expect:} text, such as {@code error data-dependent}, if there is one. */
  public Optional<String> expectation() {
    return expect.map(Line::text);
  }

  /**
   * Reads the header of {@code source}.
   *
   * @param file the file name used in spans
   * @throws ParseError if {@code # trace:} or {@code # expect:} appears twice, or a header line
   *     has no text
   */
  public static ProgramHeader parse(String file, String source) {
    Line trace = null;
    Line expect = null;
    List<Line> evals = new ArrayList<>();
    String[] lines = source.split("\\r\\n|\\r|\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      String text = raw.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (!text.startsWith("#")) {
        break;
      }
      Matcher m = HEADER.matcher(text);
      if (!m.matches()) {
        continue;
      }
      String key = m.group(1);
      String value = m.group(2).strip();
      int offset = raw.indexOf(text) + m.start(2) + leadingSpaces(m.group(2));
      // Columns do not count a byte-order mark, as in the lexer.
      Span span = new Span(file, i + 1, offset + 1);
      if (value.isEmpty()) {
        throw new ParseError(span, "empty '# " + key + ":' header line");
      }
      Line line = new Line(value, span);
      if (key.equals("eval")) {
        evals.add(line);
      } else {
        Line first = key.equals("trace") ? trace : expect;
        if (first != null) {
          throw new ParseError(span, "duplicate '# " + key + ":' header line (the first is on line "
              + first.span().line() + ")");
        }
        if (key.equals("trace")) {
          trace = line;
        } else {
          expect = line;
        }
      }
    }
    return new ProgramHeader(Optional.ofNullable(trace), evals, Optional.ofNullable(expect));
  }

  private static int leadingSpaces(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
