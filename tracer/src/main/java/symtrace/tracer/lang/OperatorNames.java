package symtrace.tracer.lang;

/**
 * The names of Python's operators in the {@code operator} module ({@code add}, {@code
 * truediv}, {@code lt}, ...), which the interpreter, the torch layer and a graph's {@code
 * operator.*} nodes share, and their spelling in source.
 */
final class OperatorNames {
  private OperatorNames() {}

  static String of(Expr.BinaryOperator op) {
    return switch (op) {
      case ADD -> "add";
      case SUB -> "sub";
      case MUL -> "mul";
      case DIV -> "truediv";
      case FLOOR_DIV -> "floordiv";
      case MOD -> "mod";
      case POW -> "pow";
      case MAT_MUL -> "matmul";
    };
  }

  static String of(Expr.CompareOperator op) {
    return switch (op) {
      case EQ -> "eq";
      case NE -> "ne";
      case LT -> "lt";
      case LE -> "le";
      case GT -> "gt";
      case GE -> "ge";
    };
  }

  /** The source spelling of an operator name: {@code truediv} is {@code /}. */
  static String symbol(String name) {
    return symtrace.tracer.torch.TorchApi.operatorSymbol(name);
  }
}
