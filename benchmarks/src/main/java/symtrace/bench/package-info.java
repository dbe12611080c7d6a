/**
 * JMH benchmarks comparing symtrace's interned expressions with Symja's {@code IExpr} doing the
 * same work: construction, expansion, evaluation at integers and equality. Built only with the
 * {@code bench} profile; results and how to run them are in {@code docs/performance.md}.
 */
package symtrace.bench;
