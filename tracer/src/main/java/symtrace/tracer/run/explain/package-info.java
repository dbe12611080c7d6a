/**
 * Why a trace rejects an input and what would change that, each claim checked before it is
 * shown: the program location behind every failing guard ({@link
 * symtrace.tracer.run.explain.FailureOrigin}), fixes for {@code guards --check} (another example
 * input, a dimension kept dynamic, a {@code torch._check}; {@link
 * symtrace.tracer.run.explain.CheckReport}), and the {@code torch._check} that lets a trace stopped
 * by a data-dependent guard finish ({@link symtrace.tracer.run.explain.DataDependentFixes}).
 *
 * <p>A fix is verified by tracing the program again (with the other example input, or with the
 * check inserted) and checking the claim on the new trace's guards; a claim about all inputs is
 * proved by Z3. Nothing unverified is shown: when no candidate passes, the report says so.
 */
package symtrace.tracer.run.explain;
