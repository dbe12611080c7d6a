/**
 * The decomposition benchmark's tracer side: problems taken from real traces of the conformance
 * and stress programs ({@link symtrace.tracer.research.TraceProblems}), the tables and plots of
 * a run, and the report {@code docs/decomposition.md} ({@code symtrace decompose-bench}).
 */
package symtrace.tracer.research;
