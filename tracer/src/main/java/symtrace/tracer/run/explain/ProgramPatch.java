package symtrace.tracer.run.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Edits of a program's text by line: lines inserted before a line (with its indentation), and
 * optionally the line itself replaced. Line numbers are the original program's; {@link
 * #originalLine} maps a line of the patched text back.
 */
final class ProgramPatch {
  /** Lines to insert before {@code line}, and its new text (null keeps it). */
  record Edit(int line, List<String> before, String replacement) {}

  private final String source;
  private final TreeMap<Integer, Edit> edits;

  private ProgramPatch(String source, TreeMap<Integer, Edit> edits) {
    this.source = source;
    this.edits = edits;
  }

  static ProgramPatch of(String source) {
    return new ProgramPatch(source, new TreeMap<>());
  }

  /** This patch and one more edit; null when that line is edited already. */
  ProgramPatch with(Edit e) {
    if (edits.containsKey(e.line())) {
      return null;
    }
    TreeMap<Integer, Edit> more = new TreeMap<>(edits);
    more.put(e.line(), e);
    return new ProgramPatch(source, more);
  }

  List<Edit> edits() {
    return List.copyOf(edits.values());
  }

  /** The patched program text. */
  String apply() {
    String[] lines = source.split("\n", -1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      Edit e = edits.get(i + 1);
      if (e != null) {
        String indent = indentation(lines[i]);
        for (String s : e.before()) {
          b.append(indent).append(s).append('\n');
        }
        b.append(e.replacement() != null ? e.replacement() : lines[i]);
      } else {
        b.append(lines[i]);
      }
      if (i < lines.length - 1) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** The original line a line of the patched text is, or -1 for an inserted line. */
  int originalLine(int patched) {
    int shift = 0;
    for (Map.Entry<Integer, Edit> e : edits.entrySet()) {
      int first = e.getKey() + shift;
      int inserted = e.getValue().before().size();
      if (patched < first) {
        break;
      }
      if (patched < first + inserted) {
        return -1;
      }
      shift += inserted;
    }
    return patched - shift;
  }

  /** The lines an edit puts in place of its line, indented as the line is. */
  static List<String> shown(Edit e, String originalLine) {
    List<String> out = new ArrayList<>();
    String indent = indentation(originalLine);
    e.before().forEach(s -> out.add(indent + s));
    out.add(e.replacement() != null ? e.replacement() : originalLine);
    return out;
  }

  static String indentation(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }
}
