package symtrace.symbolic.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.symbolic.env.ShapeEnvTesting.createSymint;
import static symtrace.symbolic.env.ShapeEnvTesting.guard;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;

/**
 * Ports of PyTorch's ShapeEnv and SymNode tests ({@code test/test_dynamic_shapes.py}, cases T71 to
 * T97 of the reference), each asserting PyTorch's exact strings.
 */
class ShapeEnvPyTorchCasesTest {
  private static final Provenance TEST = Provenance.of("test");

  @Test
  void symbolNamesFollowPyTorchsHashOfTheSource() {
    assertEquals(75, SymbolNames.hashId("input0.size()[0]"));
    assertEquals(96, SymbolNames.hashId("input0.size()[1]"));
    assertEquals(57, SymbolNames.hashId("input1.size()[0]"));
    assertEquals(97, SymbolNames.hashId("__testing_only0"));
    assertEquals(26, SymbolNames.hashId("__testing_only1"));
    assertEquals(77, SymbolNames.hashId("L['x'].size()[0]"));
    ShapeEnv env = new ShapeEnv();
    assertEquals("s97", createSymint(env, 2).toString());
    assertEquals("s26", createSymint(env, 3).toString());
    assertEquals("s57", createSymint(env, 4).toString());
    assertEquals("s16", createSymint(env, 5).toString());
  }

  @Test
  void hashCollisionsProbeUpward() {
    ShapeEnv env = new ShapeEnv();
    // __testing_only2 hashes to 57 like input1.size()[0]
    env.createSymInt(7, Source.constant("input1.size()[0]"), DimDynamic.DUCK);
    assertEquals("s58", env.createSymInt(8, Source.constant("__testing_only2"), DimDynamic.DUCK).toString());
  }

  @Test
  void sequentialNamesAreAnOption() {
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true));
    assertEquals("s0", createSymint(env, 2).toString());
    assertEquals("s1", createSymint(env, 3).toString());
  }

  @Test
  void guardIntRecordsEquality() { // T71 test_guard_int
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 2);
    assertEquals(2, a0.guardInt(TEST));
    assertEquals("Eq(s97, 2)", guard(env, 0));
    assertTrue(a0.isConstant(), "the guard replaced s97 by 2");
    assertEquals(2, a0.constantValue());
  }

  @Test
  void symIntOfSymIntGuardsEquality() { // T72 test_sym_int
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 5);
    assertTrue(a0.eq(5).guardBool(TEST));
    assertEquals("Eq(s97, 5)", guard(env, 0));
    SymInt a1 = createSymint(env, 7);
    SymInt r = a1.trueDiv(SymInt.of(2)).trunc();
    assertEquals(3, r.guardInt(TEST));
    assertEquals("Eq(TruncToInt(IntTrueDiv(s26, 2)), 3)", guard(env, 1));
    SymInt a3 = createSymint(env, 3);
    SymInt r2 = SymFloat.of(2.0).mul(a3.toFloat()).trunc();
    assertEquals(6, r2.guardInt(TEST));
    assertEquals("Eq(TruncToInt(2.0*ToFloat(s57)), 6)", guard(env, 2));
  }

  @Test
  void floorOfTrueDivision() { // T73 test_sym_floor
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 5);
    SymInt r = a0.trueDiv(SymInt.of(2)).floor();
    assertTrue(r.eq(2).guardBool(TEST));
    assertEquals("Eq(FloorToInt(IntTrueDiv(s97, 2)), 2)", guard(env, 0));
    SymInt r2 = SymFloat.of(3.0).mul(a0.toFloat()).floor();
    assertTrue(r2.eq(15).guardBool(TEST));
    assertEquals("Eq(FloorToInt(3.0*ToFloat(s97)), 15)", guard(env, 1));
  }

  @Test
  void ceilOfTrueDivision() { // T73 test_sym_ceil
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 5);
    assertTrue(a0.trueDiv(SymInt.of(2)).ceil().eq(3).guardBool(TEST));
    assertEquals("Eq(CeilToInt(IntTrueDiv(s97, 2)), 3)", guard(env, 0));
  }

  @Test
  void truncOfTrueDivision() { // T73 test_sym_trunc
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 5);
    assertTrue(a0.trueDiv(SymInt.of(2)).trunc().eq(2).guardBool(TEST));
    assertEquals("Eq(TruncToInt(IntTrueDiv(s97, 2)), 2)", guard(env, 0));
  }

  @Test
  void intOfSqrt() { // T73 test_sym_sqrt
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 5);
    assertTrue(a0.toFloat().sqrt().trunc().eq(2).guardBool(TEST));
    assertEquals("Eq(TruncToInt(OpaqueUnaryFn_sqrt(ToFloat(s97))), 2)", guard(env, 0));
  }

  @Test
  void sqrtAndLog2AreOpaqueFloats() { // T73 _sym_sqrt, _sym_log2
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 4);
    assertTrue(a0.toFloat().sqrt().eq(SymFloat.of(2.0)).guardBool(TEST));
    assertEquals("Eq(OpaqueUnaryFn_sqrt(ToFloat(s97)), 2.0)", guard(env, 0));
    ShapeEnv env2 = new ShapeEnv();
    SymInt b0 = createSymint(env2, 4);
    assertTrue(b0.toFloat().unary(Fn.OPAQUE_LOG2).eq(SymFloat.of(2.0)).guardBool(TEST));
    assertEquals("Eq(OpaqueUnaryFn_log2(ToFloat(s97)), 2.0)", guard(env2, 0));
  }

  @Test
  void symIteGuardsOnlyWhenCompared() { // T74 test_sym_ite
    ShapeEnv env = new ShapeEnv();
    SymInt t = createSymint(env, 5);
    SymInt f = createSymint(env, 4);
    assertTrue(SymBool.of(true).ite(t, f) == t);
    assertTrue(SymBool.of(false).ite(t, f) == f);
    SymInt r3 = t.eq(5).ite(t, f);
    assertEquals(0, env.guards().size());
    assertTrue(r3.eq(5).guardBool(TEST));
    assertEquals("Eq(Piecewise((s97, Eq(s97, 5)), (s26, True)), 5)", guard(env, 0));
    SymInt r4 = f.eq(5).ite(t, f);
    assertTrue(r4.eq(4).guardBool(TEST));
    assertEquals("Eq(Piecewise((s97, Eq(s26, 5)), (s26, True)), 4)", guard(env, 1));
  }

  @Test
  void guardOnUnbackedIsDataDependent() { // T76 test_data_dependent_guard
    ShapeEnv env = new ShapeEnv();
    SymInt s0 = env.createUnbackedSymInt();
    DataDependentError e = assertThrows(DataDependentError.class, () -> s0.eq(0).guardBool(TEST));
    assertTrue(e.getMessage().startsWith(
        "Could not guard on data-dependent expression Eq(u0, 0) (unhinted: Eq(u0, 0)).  (Size-like symbols: none)"),
        e.getMessage());
  }

  @Test
  void integerOfUnbackedIsDataDependent() {
    ShapeEnv env = new ShapeEnv();
    SymInt u0 = env.createUnbackedSymInt();
    DataDependentError e = assertThrows(DataDependentError.class, () -> u0.add(1).guardInt(TEST));
    assertTrue(e.getMessage().startsWith(
        "Could not extract specialized integer from data-dependent expression u0 + 1 (unhinted: u0 + 1)"),
        e.getMessage());
  }

  @Test
  void dataDependentMessageListsSizeLikeSymbolsAndLocation() {
    ShapeEnv env = new ShapeEnv();
    SymInt u0 = env.createUnbackedSymInt();
    u0.expectSize(TEST);
    SourceLocation at = new SourceLocation("f.py", 3, 8, "    if n > 2:");
    DataDependentError e = assertThrows(DataDependentError.class,
        () -> u0.gt(2).guardBool(Provenance.of("branch").at(at)));
    assertTrue(e.getMessage().contains("(Size-like symbols: u0)"), e.getMessage());
    assertTrue(e.getMessage().contains("Caused by: f.py:3:8 (if n > 2:)"), e.getMessage());
  }

  @Test
  void expectTrueReplacesAnUnbackedSymbol() { // T77 test_expect_true_basic
    ShapeEnv env = new ShapeEnv();
    SymInt i0 = env.createUnbackedSymInt();
    assertTrue(i0.eq(0).expectTrue(TEST));
    assertEquals(IntLit.of(0), env.replacements().get(Sym.integer("u0")));
    assertTrue(i0.eq(0).guardBool(TEST));
  }

  @Test
  void expectTrueDefersAssertUnderTheUnbackedSymbol() { // T78 test_expect_true_with_s0
    ShapeEnv env = new ShapeEnv();
    SymInt s0 = createSymint(env, 5);
    SymInt i0 = env.createUnbackedSymInt();
    assertTrue(i0.lt(s0).expectTrue(TEST));
    assertEquals("[u0 < s97]", env.deferredRuntimeAsserts().get(Sym.integer("u0")).toString());
    assertTrue(i0.lt(s0).guardBool(TEST));
    assertTrue(i0.ne(s0).guardBool(TEST));
    assertFalse(i0.gt(s0).guardBool(TEST));
    assertFalse(i0.ge(s0).guardBool(TEST));
    assertEquals(0, env.guards().size());
  }

  @Test
  void runtimeAssertIsStoredUnderTheLatestSymbol() { // T79 test_expect_true_prefer_later
    ShapeEnv env = new ShapeEnv();
    SymInt i0 = env.createUnbackedSymInt();
    SymInt i1 = env.createUnbackedSymInt();
    assertTrue(i0.add(i1).eq(10).expectTrue(TEST));
    assertEquals("[Eq(u0 + u1, 10)]", env.deferredRuntimeAsserts().get(Sym.integer("u1")).toString());
    assertEquals(null, env.deferredRuntimeAsserts().get(Sym.integer("u0")));
    assertTrue(i0.add(i1).eq(10).guardBool(TEST));
  }

  @Test
  void latestSymbolIsNumericNotLexical() { // T79 test_expect_true_double_digits
    ShapeEnv env = new ShapeEnv();
    SymInt sum = SymInt.of(0);
    SymInt last = null;
    for (int i = 0; i < 11; i++) {
      last = env.createUnbackedSymInt();
      sum = sum.add(last);
    }
    assertEquals("u10", last.toString());
    assertTrue(sum.eq(20).expectTrue(TEST));
    assertEquals(1, env.deferredRuntimeAsserts().get(Sym.integer("u10")).size());
    assertEquals(1, env.deferredRuntimeAsserts().size());
  }

  @Test
  void unbackedIsNotReplacedByOtherUnbacked() { // T80 test_unbacked_substitution
    ShapeEnv env = new ShapeEnv();
    SymInt i0 = env.createUnbackedSymInt();
    SymInt i1 = env.createUnbackedSymInt();
    env.constrainRangeForSize(Sym.integer("u0"));
    env.constrainRangeForSize(Sym.integer("u1"));
    assertTrue(i0.eq(i1.mul(4)).expectTrue(TEST));
    assertEquals("u0", i0.toString());
    SymInt i2 = env.createUnbackedSymInt();
    SymInt i3 = env.createUnbackedSymInt();
    env.constrainRangeForSize(Sym.integer("u2"));
    env.constrainRangeForSize(Sym.integer("u3"));
    assertTrue(i2.mul(4).eq(i3).expectTrue(TEST));
    assertEquals("u3", i3.toString());
  }

  @Test
  void sizeLikeIsNotReplacedByAWiderRange() { // T80 test_avoid_unbacked_substitution
    ShapeEnv env = new ShapeEnv();
    SymInt i0 = env.createUnbackedSymInt();
    SymInt i1 = env.createUnbackedSymInt();
    env.constrainRangeForSize(Sym.integer("u0"));
    env.constrainRangeForSize(Sym.integer("u1"));
    assertTrue(i0.eq(SymInt.of(10).sub(i1)).expectTrue(TEST));
    assertEquals("u0", i0.toString());
  }

  @Test
  void expectTrueRefinesLowerBound() { // T81 test_expect_true_refine_range
    for (Function<SymInt, SymBool> rel : List.<Function<SymInt, SymBool>>of(
        x -> x.gt(4), x -> SymInt.of(4).lt(x), x -> x.ge(5), x -> SymInt.of(5).le(x))) {
      ShapeEnv env = new ShapeEnv();
      SymInt i0 = env.createUnbackedSymInt();
      assertTrue(rel.apply(i0).expectTrue(TEST));
      assertTrue(i0.ne(3).staticallyKnownTrue());
      assertTrue(i0.ne(4).staticallyKnownTrue());
      assertFalse(i0.ne(5).staticallyKnownTrue());
      assertFalse(i0.ne(6).staticallyKnownTrue());
      assertTrue(i0.gt(4).staticallyKnownTrue());
      assertTrue(i0.ge(5).staticallyKnownTrue());
    }
  }

  @Test
  void expectTrueRefinesUpperBound() { // T81
    for (Function<SymInt, SymBool> rel : List.<Function<SymInt, SymBool>>of(
        x -> x.lt(4), x -> SymInt.of(4).gt(x), x -> x.le(3), x -> SymInt.of(3).ge(x))) {
      ShapeEnv env = new ShapeEnv();
      SymInt i0 = env.createUnbackedSymInt();
      assertTrue(rel.apply(i0).expectTrue(TEST));
      assertFalse(i0.ne(2).staticallyKnownTrue());
      assertFalse(i0.ne(3).staticallyKnownTrue());
      assertTrue(i0.ne(4).staticallyKnownTrue());
      assertTrue(i0.ne(5).staticallyKnownTrue());
      assertTrue(i0.lt(4).staticallyKnownTrue());
      assertTrue(i0.le(5).staticallyKnownTrue());
    }
  }

  @Test
  void guardRefinesBackedRangeFromTheTakenBranch() { // T82 test_guard_refine_range
    ShapeEnv env = new ShapeEnv();
    SymInt big = createSymint(env, 10, false);
    assertTrue(big.gt(4).guardBool(TEST));
    assertTrue(big.ne(3).staticallyKnownTrue());
    assertTrue(big.ge(5).staticallyKnownTrue());
    SymInt small = createSymint(env, 2, false);
    assertFalse(small.gt(4).guardBool(TEST));
    assertTrue(small.le(4).staticallyKnownTrue());
    assertTrue(small.lt(5).staticallyKnownTrue());
    assertTrue(small.ne(5).staticallyKnownTrue());
    assertFalse(small.ne(3).staticallyKnownTrue());
  }

  @Test
  void zeroOneSpecializationMakesSizesAtLeastTwo() { // T83 test_specialize_zero_one
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withSpecializeZeroOne(true));
    SymInt a0 = createSymint(env, 5);
    assertTrue(a0.ne(1).guardBool(TEST));
    assertEquals(0, env.guards().size());
    ShapeEnv env2 = new ShapeEnv(ShapeEnvSettings.defaults().withSpecializeZeroOne(false));
    SymInt b0 = createSymint(env2, 5);
    assertTrue(b0.ne(1).guardBool(TEST));
    assertEquals(1, env2.guards().size());
  }

  @Test
  void sizesZeroAndOneAreConstants() { // row 38
    ShapeEnv env = new ShapeEnv();
    assertTrue(createSymint(env, 0).isConstant());
    assertTrue(createSymint(env, 1).isConstant());
    assertEquals(0, env.symbolsWithSources().size());
  }

  @Test
  void duckSizingSharesSymbols() { // T84 test_duck_shape
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withDuckShape(true));
    SymInt a0 = createSymint(env, 5);
    SymInt a1 = createSymint(env, 5);
    assertTrue(a0.eq(a1).guardBool(TEST));
    assertEquals(0, env.guards().size());
    ShapeEnv env2 = new ShapeEnv(ShapeEnvSettings.defaults().withDuckShape(false));
    SymInt b0 = createSymint(env2, 5);
    SymInt b1 = createSymint(env2, 5);
    assertTrue(b0.eq(b1).guardBool(TEST));
    assertEquals(1, env2.guards().size());
  }

  @Test
  void boolOfSizeIsImpliedByRange() { // T84 test_int_bool
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 5);
    assertTrue(a0.ne(0).guardBool(TEST));
    assertEquals(0, env.guards().size());
  }

  @Test
  void staticallyKnownTrueCases() { // T86 test_statically_known_true
    ShapeEnv env = new ShapeEnv();
    SymInt s2 = createSymint(env, 2);
    SymInt s3 = createSymint(env, 3);
    SymInt s4 = createSymint(env, 4);
    assertTrue(SymBool.of(true).staticallyKnownTrue());
    assertTrue(s2.eq(s2).staticallyKnownTrue());
    assertTrue(s2.mul(s3).gt(s3).staticallyKnownTrue());
    assertTrue(s3.mul(s4).gt(s4).staticallyKnownTrue());
    assertTrue(s3.add(s3).mod(2).eq(0).staticallyKnownTrue());
    assertFalse(SymBool.of(false).staticallyKnownTrue());
    assertFalse(s3.mul(s4).le(s4).staticallyKnownTrue());
    assertFalse(s3.add(s3).mod(2).eq(1).staticallyKnownTrue());
    assertFalse(s2.add(s2).eq(s4).staticallyKnownTrue());
    assertFalse(s4.mod(s2).eq(0).staticallyKnownTrue());
    assertFalse(s2.ne(s3).staticallyKnownTrue());
    assertFalse(s3.mul(s4).gt(s2).staticallyKnownTrue());
    assertFalse(s2.eq(s3).staticallyKnownTrue());
    assertFalse(s2.gt(s3).staticallyKnownTrue());
    assertFalse(s3.add(s3).eq(s4).staticallyKnownTrue());
    assertEquals(0, env.guards().size());
  }

  @Test
  void staticallyKnownFalseCases() { // T86 test_statically_known_false
    ShapeEnv env = new ShapeEnv();
    SymInt s2 = createSymint(env, 2);
    SymInt s3 = createSymint(env, 3);
    SymInt s4 = createSymint(env, 4);
    assertTrue(SymBool.of(false).staticallyKnownFalse());
    assertTrue(s3.mul(s4).le(s4).staticallyKnownFalse());
    assertTrue(s3.add(s3).mod(2).eq(1).staticallyKnownFalse());
    assertFalse(s2.eq(s2).staticallyKnownFalse());
    assertFalse(s2.add(s2).eq(s4).staticallyKnownFalse());
    assertFalse(s2.eq(s3).staticallyKnownFalse());
    assertFalse(s2.gt(s3).staticallyKnownFalse());
    assertEquals(0, env.guards().size());
  }

  @Test
  void preferDeferredAssertsKeepsGuardIntAGuard() { // T87
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withPreferDeferredRuntimeAssertsOverGuards(true));
    SymInt s0 = createSymint(env, 2);
    assertEquals(2, s0.guardInt(TEST));
    assertEquals("Eq(s97, 2)", guard(env, 0));
  }

  @Test
  void preferDeferredAssertsDefersExpectTrue() { // T87
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withPreferDeferredRuntimeAssertsOverGuards(true));
    SymInt s0 = createSymint(env, 2);
    assertTrue(s0.eq(2).expectTrue(TEST));
    assertEquals(0, env.guards().size());
    assertEquals("[Eq(s97, 2)]", env.backedRuntimeAsserts().toString());
  }

  @Test
  void floorDivisionBecomesStaticAfterDivisibilityGuards() { // T88 test_floordiv_static
    ShapeEnv env = new ShapeEnv();
    SymInt s0 = createSymint(env, 8);
    assertTrue(s0.mod(2).eq(0).guardBool(TEST));
    assertTrue(s0.mod(s0.floorDiv(2)).eq(0).guardBool(TEST));
    assertTrue(SymInt.of(2).mul(s0.floorDiv(2)).eq(s0).guardBool(TEST));
    assertTrue(s0.floorDiv(s0.floorDiv(2)).eq(2).staticallyKnownTrue());
  }

  @Test
  void floorDivAxiomsSurviveCleanDivRewrite() { // T89 test_floor_clean_div_axioms
    ShapeEnv env = new ShapeEnv();
    SymInt a = env.createUnbackedSymInt();
    env.deferRuntimeAssert(a.floorDiv(3).eq(1).expr(), " test", TEST);
    Sym u0 = Sym.integer("u0");
    var test1 = Exprs.eq(Exprs.floorDiv(u0, Exprs.integer(3)), Exprs.ONE);
    var test2 = Exprs.eq(Exprs.cleanDiv(u0, Exprs.integer(3)), Exprs.ONE);
    assertEquals(Exprs.and(test1, test1), env.evaluateExpr(test1, TEST).equals(symtrace.symbolic.expr.BoolLit.TRUE) ? test1 : null);
    assertEquals(null, env.maybeEvaluateStatic(test2));
    env.deferRuntimeAssert(Exprs.eq(Exprs.mod(u0, Exprs.integer(3)), Exprs.ZERO), " test", TEST);
    assertEquals(test2, env.simplify(test1));
    assertEquals(symtrace.symbolic.expr.BoolLit.TRUE, env.evaluateExpr(test1, TEST));
    assertEquals(symtrace.symbolic.expr.BoolLit.TRUE, env.evaluateExpr(test2, TEST));
  }

  @Test
  void tensorSizesAndStridesAndGuardsSpecialize() { // T90 test_roundtrip / test_stride
    ShapeEnv env = new ShapeEnv();
    ShapeEnv.TensorSymbols x = env.createTensorSymbols(new long[] {5, 4, 3}, new long[] {12, 3, 1}, 0,
        Source.constant("x"), DimDynamic.DUCK);
    assertFalse(x.sizes().get(0).isConstant());
    assertTrue(x.sizes().get(0).eq(5).guardBool(TEST));
    assertTrue(x.sizes().get(1).eq(4).guardBool(TEST));
    assertTrue(x.sizes().get(1).isConstant());
    assertEquals(4, x.sizes().get(1).constantValue());
    ShapeEnv.TensorSymbols y = env.createTensorSymbols(new long[] {4, 4, 3}, new long[] {12, 3, 1}, 12,
        Source.constant("y"), DimDynamic.DUCK);
    assertTrue(y.storageOffset().eq(12).guardBool(TEST));
  }

  @Test
  void contiguousStridesAreProductsOfSizes() { // row 42
    ShapeEnv env = new ShapeEnv();
    ShapeEnv.TensorSymbols t = env.createTensorSymbols(new long[] {5, 4, 3}, new long[] {12, 3, 1}, 0,
        Source.constant("input0"), DimDynamic.DUCK);
    var sizes = t.sizes();
    assertEquals("s75", sizes.get(0).toString());
    assertEquals("s96", sizes.get(1).toString());
    assertEquals(List.of(Exprs.mul(sizes.get(1).expr(), sizes.get(2).expr()), sizes.get(2).expr(), Exprs.ONE),
        t.strides().stream().map(SymInt::expr).toList());
    assertEquals("0", t.storageOffset().toString());
    ShapeEnv env2 = new ShapeEnv();
    ShapeEnv.TensorSymbols sq = env2.createTensorSymbols(new long[] {5, 5}, new long[] {5, 1}, 0,
        Source.constant("input0"), DimDynamic.DUCK);
    assertEquals("[s75, s75]", sq.sizes().toString());
    assertEquals("[s75, 1]", sq.strides().toString());
    ShapeEnv env3 = new ShapeEnv();
    ShapeEnv.TensorSymbols row = env3.createTensorSymbols(new long[] {1, 5}, new long[] {5, 1}, 0,
        Source.constant("input0"), DimDynamic.DUCK);
    assertEquals("[1, s96]", row.sizes().toString());
  }

  @Test
  void dynamicSizesGetDistinctSymbols() { // T91 test_remove_symbols_without_guarding
    ShapeEnv env = new ShapeEnv();
    ShapeEnv.TensorSymbols t = env.createTensorSymbols(new long[] {5, 8}, new long[] {8, 1}, 0,
        Source.constant("x"), DimDynamic.DYNAMIC);
    assertEquals(2, env.symbolsWithSources().size());
    assertEquals(t.sizes().get(1).toString(), t.strides().get(0).toString());
    assertEquals("1", t.strides().get(1).toString());
  }

  @Test
  void bitwiseAndOr() { // T93 test_symint_bitwise_and / _or
    ShapeEnv env = new ShapeEnv();
    SymInt a0 = createSymint(env, 0b1100);
    SymInt b0 = createSymint(env, 0b1010);
    assertTrue(a0.bitwiseAnd(b0).eq(0b1000).guardBool(TEST));
    assertEquals("Eq(BitwiseFn_bitwise_and(s97, s26), 8)", guard(env, 0));
    ShapeEnv env2 = new ShapeEnv();
    SymInt c0 = createSymint(env2, 0b1100);
    SymInt d0 = createSymint(env2, 0b1010);
    assertTrue(c0.bitwiseOr(d0).eq(0b1110).guardBool(TEST));
    assertEquals("Eq(BitwiseFn_bitwise_or(s97, s26), 14)", guard(env2, 0));
  }

  @Test
  void branchGuardIsAStrictGreaterThan() { // T94 test_size_expressions
    ShapeEnv env = new ShapeEnv();
    ShapeEnv.TensorSymbols x = env.createTensorSymbols(new long[] {5}, new long[] {1}, 0,
        Source.constant("x"), DimDynamic.DUCK);
    assertTrue(x.sizes().get(0).gt(3).guardBool(Provenance.of("branch")));
    Guard g = env.guards().get(env.guards().size() - 1);
    assertEquals(Fn.GT, ((symtrace.symbolic.expr.Apply) g.expr()).fn());
    assertEquals(x.sizes().get(0).expr(), ((symtrace.symbolic.expr.Apply) g.expr()).arg(0));
    assertFalse(g.sizeOblivious());
    assertEquals("branch", g.provenance().reason());
  }

  @Test
  void evaluatingFloorDivOfNumbersIsPythons() { // T95 TestFloorDiv
    ShapeEnv env = new ShapeEnv();
    long[][] pairs = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {2, 1}, {-2, 1}, {2, -1}};
    for (long[] p : pairs) {
      assertEquals(IntLit.of(Math.floorDiv(p[0], p[1])),
          env.evaluateExpr(Exprs.floorDiv(IntLit.of(p[0]), IntLit.of(p[1])), TEST));
    }
    assertEquals(IntLit.of(21), env.evaluateExpr(Exprs.mul(IntLit.of(7), Exprs.floorDiv(IntLit.of(6), IntLit.of(2))), TEST));
    Sym i1 = Sym.integer("i1");
    Sym i2 = Sym.integer("i2");
    assertEquals(Boolean.TRUE, Exprs.floorDiv(i1, i2).isInteger());
  }

  @Test
  void maxOfMaxCollapses() { // T96 test_sym_max_multi_max_simplify
    ShapeEnv env = new ShapeEnv();
    SymInt u0 = env.createUnbackedSymInt();
    assertTrue(SymInt.of(1).max(SymInt.of(257).max(u0)).eq(SymInt.of(257).max(u0)).staticallyKnownTrue());
  }

  @Test
  void nonOverlappingAndDenseWithUnbackedSize() { // T96 test_non_overlapping_and_dense_unbacked
    ShapeEnv env = new ShapeEnv();
    SymInt u0 = env.createUnbackedSymInt();
    u0.expectSize(TEST);
    assertEquals(IntLit.of(1), Exprs.apply(Fn.IS_NON_OVERLAPPING_AND_DENSE, u0.expr(), IntLit.of(2), IntLit.of(2), IntLit.of(1)));
    assertEquals(IntLit.of(1), Exprs.apply(Fn.IS_NON_OVERLAPPING_AND_DENSE, u0.expr(), IntLit.of(1)));
  }

  @Test
  void symSumEqualsChainedAddition() { // T97 test_sym_sum
    ShapeEnv env = new ShapeEnv();
    SymInt s0 = createSymint(env, 2);
    SymInt s1 = createSymint(env, 3);
    SymInt s2 = createSymint(env, 4);
    assertEquals(s0.add(s1).add(s2).expr(), SymInt.sum(List.of(s0, s1, s2)).expr());
  }

  @Test
  void hintOutsideDeclaredRangeIsAConstraintViolation() { // row 43
    ShapeEnv env = new ShapeEnv();
    SymInt s = createSymint(env, 5);
    ConstraintViolationError e = assertThrows(ConstraintViolationError.class,
        () -> env.constrainRange((Sym) s.expr(), 6, 9));
    assertEquals("Invalid value 5 for range [6:9]", e.getMessage());
  }

  @Test
  void equalityGuardReplacesTheLargerSymbol() { // T64 test_mega_guard semantics
    ShapeEnv env = new ShapeEnv();
    SymInt a = createSymint(env, 8);
    SymInt b = createSymint(env, 4);
    assertTrue(a.eq(b.mul(2)).guardBool(TEST));
    assertEquals("2*s26", a.toString());
    assertEquals("solve", env.specializations().get(0).reason());
  }

  @Test
  void guardsSuppressedRecordNothing() throws Exception {
    ShapeEnv env = new ShapeEnv();
    SymInt a = createSymint(env, 8);
    try (AutoCloseable quiet = env.suppressGuards()) {
      assertTrue(a.gt(5).guardBool(TEST));
    }
    assertEquals(0, env.guards().size());
  }

  @Test
  void versionChangesWithFacts() {
    ShapeEnv env = new ShapeEnv();
    SymInt a = createSymint(env, 8);
    long before = env.version();
    assertTrue(a.gt(5).guardBool(TEST));
    assertTrue(env.version() > before);
  }
}
