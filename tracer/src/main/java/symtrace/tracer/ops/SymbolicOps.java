package symtrace.tracer.ops;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The arithmetic a graph does on symbolic scalars, as FX records it: Python's {@code operator}
 * functions ({@code operator.mul}, printed {@code a * b}) and torch's {@code sym_*} functions.
 * Meta rule and kernel are the same Python-semantics computation ({@link PyScalars}).
 */
final class SymbolicOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    binary(r, "add", "+", PyScalars::add);
    binary(r, "sub", "-", PyScalars::sub);
    binary(r, "mul", "*", PyScalars::mul);
    binary(r, "truediv", "/", PyScalars::trueDiv);
    binary(r, "floordiv", "//", PyScalars::floorDiv);
    binary(r, "mod", "%", PyScalars::mod);
    binary(r, "pow", "**", PyScalars::pow);
    binary(r, "eq", "==", (a, b) -> PyScalars.compare("==", a, b));
    binary(r, "ne", "!=", (a, b) -> PyScalars.compare("!=", a, b));
    binary(r, "lt", "<", (a, b) -> PyScalars.compare("<", a, b));
    binary(r, "le", "<=", (a, b) -> PyScalars.compare("<=", a, b));
    binary(r, "gt", ">", (a, b) -> PyScalars.compare(">", a, b));
    binary(r, "ge", ">=", (a, b) -> PyScalars.compare(">=", a, b));
    binary(r, "and_", "&", PyScalars::and);
    binary(r, "or_", "|", PyScalars::or);
    unary(r, "operator", "neg", "-", PyScalars::neg);
    unary(r, "operator", "pos", "+", a -> a);
    unary(r, "operator", "not_", null, PyScalars::not);
    unary(r, "operator", "abs", null, PyScalars::abs);
    r.op("operator", "getitem(Any a, int i) -> Any")
        .meta((args, ctx) -> getitem(args))
        .kernel(SymbolicOps::getitem)
        .register();
    torchBinary(r, "sym_max", PyScalars::max);
    torchBinary(r, "sym_min", PyScalars::min);
    unary(r, "torch", "sym_float", null, PyScalars::toFloat);
    unary(r, "torch", "sym_int", null, PyScalars::toInt);
    unary(r, "torch", "sym_not", null, PyScalars::not);
  }

  /** {@code operator.getitem}: one item of a multi-output operator's result. */
  private static Object getitem(Args args) {
    java.util.List<?> items = (java.util.List<?>) args.get(0);
    long i = args.longValue(1);
    return items.get((int) (i < 0 ? i + items.size() : i));
  }

  private static void binary(OpRegistry.Builder r, String name, String infix,
      BinaryOperator<Object> f) {
    r.op("operator", name + "(Scalar a, Scalar b) -> Scalar")
        .infix(infix)
        .meta((args, ctx) -> f.apply(args.get(0), args.get(1)))
        .kernel(args -> f.apply(args.get(0), args.get(1)))
        .register();
  }

  private static void torchBinary(OpRegistry.Builder r, String name, BinaryOperator<Object> f) {
    r.op("torch", name + "(Scalar a, Scalar b) -> Scalar")
        .meta((args, ctx) -> f.apply(args.get(0), args.get(1)))
        .kernel(args -> f.apply(args.get(0), args.get(1)))
        .register();
  }

  private static void unary(OpRegistry.Builder r, String namespace, String name, String infix,
      UnaryOperator<Object> f) {
    r.op(namespace, name + "(Scalar a) -> Scalar")
        .infix(infix)
        .meta((args, ctx) -> f.apply(args.get(0)))
        .kernel(args -> f.apply(args.get(0)))
        .register();
  }
}
