package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * Operators reached through torch's Python API, tested as programs: a function as program text,
 * traced by make_fx in a mode at inputs given as specs ({@code x=f32[2,3]}, filled by the data
 * formulas), its printed code and guards, and its graph run on other inputs.
 */
final class ProgramTraces {
  private ProgramTraces() {}

  static ProgramRunner program(String source) {
    return ProgramRunner.parse("case.py", source);
  }

  static Trace trace(String source, String specs, TracingMode mode) {
    ProgramRunner r = program(source);
    return r.trace(r.inputs(specs), mode);
  }

  /** {@code gm.code}, stripped. */
  static String code(Trace t) {
    return t.module().code().strip();
  }

  /** The same code in real, fake and symbolic mode. */
  static Trace assertCodeInEveryMode(String expected, String source, String specs) {
    for (TracingMode mode : List.of(TracingMode.REAL, TracingMode.FAKE)) {
      assertEquals(expected, code(trace(source, specs, mode)), mode.toString());
    }
    Trace symbolic = trace(source, specs, TracingMode.SYMBOLIC);
    assertEquals(expected, code(symbolic), "symbolic");
    return symbolic;
  }

  /** PyTorch's {@code produce_guards} lines. */
  static List<String> guards(Trace t) {
    return TraceGuards.of(t).produced();
  }

  /** The inputs of {@code specs} pass the trace's guards, so its graph is the one they run. */
  static void assertGuardsHold(Trace t, String source, String specs) {
    ProgramRunner.Inputs in = program(source).inputs(specs);
    assertEquals(List.of(), TraceGuards.of(t).failing(in.names(), in.values()), specs);
  }

  /** The traced graph run on the real inputs of {@code specs}. */
  static Object run(Trace t, String source, String specs) {
    return ProgramRunner.runGraph(t.module(), program(source).inputs(specs));
  }

  /** The function run eagerly on the real inputs of {@code specs}. */
  static Object eager(String source, String specs) {
    ProgramRunner r = program(source);
    return r.eager(r.inputs(specs));
  }

  /** A float tensor's shape and values, the values within float32 rounding. */
  static void assertTensor(long[] shape, double[] values, Object actual) {
    Tensor t = (Tensor) actual;
    assertArrayEquals(shape, t.sizes());
    assertArrayEquals(values, t.toDoubleArray(), 1e-5 * (1 + maxAbs(values)));
  }

  private static double maxAbs(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
