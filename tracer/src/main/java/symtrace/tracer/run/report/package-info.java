/**
 * The guard report as one self-contained HTML page ({@code symtrace guards --format html}): the
 * program with the lines that made guards highlighted, the symbols, the guards with filters for
 * the implied ones, the input equalities and specializations, and the FX graph drawn as inline
 * SVG. The page loads nothing from the network: its style sheet and script are inlined.
 */
package symtrace.tracer.run.report;
