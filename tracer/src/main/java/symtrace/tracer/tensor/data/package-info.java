/**
 * The data formats shared with the conformance suite: input specifications, the deterministic
 * input data they stand for, and the JSON form of program results with its comparison rules.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.tracer.tensor.data.InputSpec}: {@code f32[3,4]}, {@code i64[8]{0..9}},
 *       {@code int=5}, ... and header lines {@code x=f32[3,4] n=int=2}, parsed with column-exact
 *       errors ({@link symtrace.tracer.tensor.data.InputSpecError}).
 *   <li>{@link symtrace.tracer.tensor.data.InputData}: the formulas of {@code
 *       program-language.md} that make the same real inputs in every tool.
 *   <li>{@link symtrace.tracer.tensor.data.OutputValues}: a result (tensor, tuple, list, int,
 *       float, bool) as the {@code evals[i].eager.output} trees of {@code conformance/expected}.
 *   <li>{@link symtrace.tracer.tensor.data.OutputComparison}: the README's matching rules
 *       (exact ints and bools, floats within {@code rtol=1e-4, atol=1e-5}, summaries against
 *       {@code abs_sum}).
 * </ul>
 */
package symtrace.tracer.tensor.data;
