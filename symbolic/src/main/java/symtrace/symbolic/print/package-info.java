/**
 * Printers: {@link symtrace.symbolic.print.SympyPrinter} writes sympy's {@code str} (guards in
 * {@code shape_env.guards}, {@code Sym(...)} annotations); {@link
 * symtrace.symbolic.print.PythonPrinter} writes PyTorch's Python source form (the strings of
 * {@code produce_guards}), with symbols replaced by their sources.
 */
package symtrace.symbolic.print;
