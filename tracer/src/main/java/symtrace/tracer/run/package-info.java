/**
 * Running programs end to end: tracing a program at its inputs, checking a trace's guards on
 * new inputs, running the traced graph, and comparing outputs with expected ones (the work of
 * the {@code run} and {@code check} commands).
 */
package symtrace.tracer.run;
