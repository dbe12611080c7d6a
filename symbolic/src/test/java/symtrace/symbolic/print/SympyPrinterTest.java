package symtrace.symbolic.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static symtrace.symbolic.expr.Exprs.add;
import static symtrace.symbolic.expr.Exprs.apply;
import static symtrace.symbolic.expr.Exprs.eq;
import static symtrace.symbolic.expr.Exprs.floorDiv;
import static symtrace.symbolic.expr.Exprs.integer;
import static symtrace.symbolic.expr.Exprs.mul;
import static symtrace.symbolic.expr.Exprs.real;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.Sym;

/**
 * Printer parity with sympy's {@code str}: expressions are built with the constructors (not
 * parsed) and printed; each expected string is quoted from PyTorch's tests
 * ({@code pytorch-semantics.md} section 4) or its recorded shape environments.
 */
class SympyPrinterTest {
  static final Sym S97 = Sym.size("s97");
  static final Sym S26 = Sym.size("s26");
  static final Sym S57 = Sym.size("s57");
  static final Sym S75 = Sym.size("s75");
  static final Sym S96 = Sym.size("s96");
  static final Sym S7 = Sym.size("s7");
  static final Sym S49 = Sym.size("s49");
  static final Sym S0 = Sym.size("s0");
  static final Sym S1 = Sym.size("s1");
  static final Sym U0 = Sym.integer("u0");
  static final Sym U1 = Sym.integer("u1");
  static final Sym U10 = Sym.integer("u10");

  static Arguments c(String expected, Supplier<Expr> build) {
    return Arguments.of(expected, build);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // test_guard_int, test_sym_int (T71, T72)
        c("Eq(s97, 2)", () -> eq(S97, integer(2))),
        c("Eq(s97, 5)", () -> eq(S97, integer(5))),
        c("Eq(TruncToInt(IntTrueDiv(s26, 2)), 3)",
            () -> eq(apply(Fn.TRUNC_TO_INT, apply(Fn.INT_TRUE_DIV, S26, integer(2))), integer(3))),
        c("Eq(TruncToInt(2.0*ToFloat(s57)), 6)",
            () -> eq(apply(Fn.TRUNC_TO_INT, mul(real(2.0), apply(Fn.TO_FLOAT, S57))), integer(6))),
        // test_sym_floor / ceil / trunc / sqrt / log2 (T73)
        c("Eq(FloorToInt(IntTrueDiv(s97, 2)), 2)",
            () -> eq(apply(Fn.FLOOR_TO_INT, apply(Fn.INT_TRUE_DIV, S97, integer(2))), integer(2))),
        c("Eq(FloorToInt(3.0*ToFloat(s97)), 15)",
            () -> eq(apply(Fn.FLOOR_TO_INT, mul(real(3.0), apply(Fn.TO_FLOAT, S97))), integer(15))),
        c("Eq(CeilToInt(IntTrueDiv(s97, 2)), 3)",
            () -> eq(apply(Fn.CEIL_TO_INT, apply(Fn.INT_TRUE_DIV, S97, integer(2))), integer(3))),
        c("Eq(TruncToInt(IntTrueDiv(s97, 2)), 2)",
            () -> eq(apply(Fn.TRUNC_TO_INT, apply(Fn.INT_TRUE_DIV, S97, integer(2))), integer(2))),
        c("Eq(TruncToInt(OpaqueUnaryFn_sqrt(ToFloat(s97))), 2)",
            () -> eq(apply(Fn.TRUNC_TO_INT, apply(Fn.OPAQUE_SQRT, apply(Fn.TO_FLOAT, S97))), integer(2))),
        c("Eq(OpaqueUnaryFn_sqrt(ToFloat(s97)), 2.0)",
            () -> eq(apply(Fn.OPAQUE_SQRT, apply(Fn.TO_FLOAT, S97)), real(2.0))),
        c("Eq(OpaqueUnaryFn_log2(ToFloat(s97)), 2.0)",
            () -> eq(apply(Fn.OPAQUE_LOG2, apply(Fn.TO_FLOAT, S97)), real(2.0))),
        // test_sym_ite (T74)
        c("Eq(Piecewise((s97, Eq(s97, 5)), (s26, True)), 5)",
            () -> eq(Exprs.ite(eq(S97, integer(5)), S97, S26), integer(5))),
        c("Eq(Piecewise((s97, Eq(s26, 5)), (s26, True)), 4)",
            () -> eq(Exprs.ite(eq(S26, integer(5)), S97, S26), integer(4))),
        // runtime asserts (T78, T79), unbacked names (T79)
        c("u0 < s97", () -> Exprs.lt(U0, S97)),
        c("Eq(u0 + u1, 10)", () -> eq(add(U0, U1), integer(10))),
        c("u10", () -> U10),
        // bitwise (T93)
        c("Eq(BitwiseFn_bitwise_and(s97, s26), 8)",
            () -> eq(apply(Fn.BITWISE_AND, S97, S26), integer(8))),
        c("Eq(BitwiseFn_bitwise_or(s97, s26), 14)",
            () -> eq(apply(Fn.BITWISE_OR, S97, S26), integer(14))),
        // print_readable annotations (T85)
        c("s57 + s75", () -> add(S75, S57)),
        c("2*s96", () -> add(S96, S96)),
        c("s49", () -> S49),
        // Max of unbacked (T96), section 2b
        c("Max(1, u0)", () -> Exprs.max(U0, integer(1))),
        c("Max(257, u0)", () -> Exprs.max(integer(1), Exprs.max(integer(257), U0))),
        // section 2b forms
        c("(s0//2)", () -> floorDiv(S0, integer(2))),
        c("Mod(s0, 4)", () -> Exprs.mod(S0, integer(4))),
        c("2*s0*s1", () -> mul(S1, integer(2), S0)),
        c("-s0 + s1", () -> Exprs.sub(S1, S0)),
        c("s0**2", () -> mul(S0, S0)),
        c("Eq(s0, 2*s1)", () -> eq(S0, mul(integer(2), S1))),
        c("int_oo", () -> Infinity.INT_OO),
        c("-int_oo", () -> Infinity.NEG_INT_OO),
        // recorded shape environments of the conformance programs
        c("s75 > 4", () -> Exprs.gt(S75, integer(4))),
        c("s7 >= s96", () -> Exprs.ge(S7, S96)),
        c("((s75//2)) <= s75", () -> Exprs.le(floorDiv(S75, integer(2)), S75)),
        c("4*((s7//4)) > 1", () -> Exprs.gt(mul(integer(4), floorDiv(S7, integer(4))), integer(1))),
        c("Eq(s7, 4*((s7//4)))", () -> eq(S7, mul(integer(4), floorDiv(S7, integer(4))))),
        c("Eq(Mod(s75*s96, 4), 0)", () -> eq(Exprs.mod(mul(S96, S75), integer(4)), integer(0))),
        c("Eq(((s75 + 2)//3), 4)", () -> eq(floorDiv(add(S75, integer(2)), integer(3)), integer(4))),
        c("Eq((s96//((s96//2))), 2)",
            () -> eq(floorDiv(S96, floorDiv(S96, integer(2))), integer(2))),
        c("-s57 + 2*s96 + ((s75//2)) + (Mod(s75, 3)) >= 0",
            () -> Exprs.ge(add(Exprs.mod(S75, integer(3)), floorDiv(S75, integer(2)),
                mul(integer(2), S96), Exprs.neg(S57)), integer(0))),
        c("(s75 - ((s75//2)))*(s96 - 1) >= 2",
            () -> Exprs.ge(mul(Exprs.sub(S96, integer(1)), Exprs.sub(S75, floorDiv(S75, integer(2)))),
                integer(2))),
        c("Eq(s75, 2) | Eq(Mod(s75, 2), 0)",
            () -> Exprs.or(eq(Exprs.mod(S75, integer(2)), integer(0)), eq(S75, integer(2)))),
        c("s75**2 - s96 >= 0", () -> Exprs.ge(Exprs.sub(mul(S75, S75), S96), integer(0))),
        c("Ne(s75 - 2, 1)", () -> Exprs.ne(Exprs.sub(S75, integer(2)), integer(1))),
        c("s57*s75*(s7 - 2*s96 + 6) >= 2",
            () -> Exprs.ge(mul(S75, add(S7, integer(6), mul(integer(-2), S96)), S57), integer(2))),
        c("Eq(Max(1, (((s7 - s96)//4)) + 1), (((s7 - s96)//4)) + 1)",
            () -> {
              Expr q = add(floorDiv(Exprs.sub(S7, S96), integer(4)), integer(1));
              return eq(Exprs.max(integer(1), q), q);
            }),
        c("s0/2", () -> Exprs.div(S0, integer(2))),
        c("-s0/2 + 3/2", () -> add(Exprs.div(Exprs.neg(S0), integer(2)), Exprs.rational(3, 2))),
        c("(s0 + 1)**2", () -> Exprs.pow(add(S0, integer(1)), integer(2))),
        c("s0**2 + 2*s0 + 1", () -> Exprs.expand(Exprs.pow(add(S0, integer(1)), integer(2)))),
        c("Eq(s1, 3) | (s0 <= 2)",
            () -> Exprs.or(Exprs.not(Exprs.gt(S0, integer(2))), eq(S1, integer(3)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsAsSympy(String expected, Supplier<Expr> build) {
    assertEquals(expected, SympyPrinter.print(build.get()));
  }
}
