package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed program file: its name, its {@link ProgramHeader}, its top-level statements and its
 * source text (for the source lines that guards and errors quote).
 *
 * <p>Obtain one with {@link Parser#parse(String, String)}.
 */
public record Program(String file, ProgramHeader header, List<Stmt> body, String source) {
  public Program {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(header, "header");
    body = List.copyOf(body);
    Objects.requireNonNull(source, "source");
  }

  /** Line {@code number} (1-based) of the source, without its line break; empty past the end. */
  public String sourceLine(int number) {
    String line = ProgramError.sourceLine(source, number);
    return line == null ? "" : line;
  }

  /** Returns the top-level function definitions, in source order. */
  public List<Stmt.Def> functions() {
    List<Stmt.Def> defs = new ArrayList<>();
    for (Stmt s : body) {
      if (s instanceof Stmt.Def def) {
        defs.add(def);
      }
    }
    return defs;
  }

  /**
   * Returns the top-level function called {@code name}; when it is defined more than once, the
   * last definition, which is the one Python would call.
   */
  public Optional<Stmt.Def> function(String name) {
    Stmt.Def found = null;
    for (Stmt.Def def : functions()) {
      if (def.name().equals(name)) {
        found = def;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Returns the last top-level function definition, the default entry function. */
  public Optional<Stmt.Def> lastFunction() {
    List<Stmt.Def> defs = functions();
    return defs.isEmpty() ? Optional.empty() : Optional.of(defs.get(defs.size() - 1));
  }
}
