package symtrace.symbolic.env;

import java.util.List;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * A symbol replaced by a constant or an expression over other symbols, with the reason: {@code
 * solve} (an equality guard), {@code range_refined_to_singleton}, {@code trivial_lhs}, ...; or an
 * input size specialized at creation ({@code zero_one}, {@code duck}, {@code static}).
 */
public record Specialization(
    Sym symbol, List<Source> sources, Expr value, String reason, Provenance provenance) {}
