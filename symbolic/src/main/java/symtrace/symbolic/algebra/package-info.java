/**
 * The bridge to Symja (matheclipse-core): converting expressions both ways and running Symja's
 * simplify, expand, factor, cancel, solve and Gröbner bases on them, soundly and within a time
 * limit.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.symbolic.algebra.SymjaEngine}: one Symja {@code EvalEngine} (quiet,
 *       created on first use) with its per-engine symbol table; {@code AutoCloseable}.
 *   <li>{@link symtrace.symbolic.algebra.SymjaBridge}: {@code toSymja(Expr)} and {@code
 *       fromSymja(IExpr)}, exact both ways ({@code fromSymja(toSymja(e)) == e}); symbols become
 *       {@code F.Dummy} symbols, their assumptions explicit facts, and PyTorch's functions
 *       either Symja built-ins of identical meaning ({@code Quotient} and {@code Mod} for integer
 *       operands, {@code Max}, {@code Floor}, ...) or opaque heads evaluated by symtrace's rules.
 *   <li>{@link symtrace.symbolic.algebra.SymjaAlgebra}: the operations. Every answer is checked
 *       against the input (by expansion in symtrace's normal form, else at 20 random points
 *       consistent with the assumptions), and the input is returned unchanged whenever Symja
 *       fails, times out or answers something that does not check out.
 * </ul>
 *
 * <h2>Thread rule</h2>
 *
 * A Symja engine is not thread-safe, and Symja locates it through a thread-local. A {@code
 * SymjaEngine} therefore belongs to the first thread that uses it; calls from any other thread
 * throw {@link java.lang.IllegalStateException}. Use one {@code SymjaEngine} per owner (shape
 * environment) and thread. Each call installs the engine on entry and restores the thread's
 * previous engine on exit.
 *
 * <h2>Global state</h2>
 *
 * Symja is loaded only when a {@code SymjaEngine} is first used; at that moment its polynomial
 * library is told never to start threads (otherwise the JVM lingers for a minute after {@code
 * main}). Assumptions are always passed explicitly, never through {@code $Assumptions}, whose
 * interaction with the engine's result cache gives stale answers. Time limits use the engine's
 * stop flag and an interrupt of the owner thread, checked by a shared daemon watchdog.
 */
package symtrace.symbolic.algebra;
