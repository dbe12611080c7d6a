package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.ValueRange;

/**
 * Translation validation for one {@link ShapeEnv}: every rewrite the environment performs, and
 * every fact it derives from a guard it learns, is handed to the installed {@link
 * RewriteValidator} (none: validation is off and each report costs one null test). A validator
 * that asks the environment something is not checked again, and nothing is checked once the
 * environment is closed.
 */
final class RewriteChecks {
  private final ShapeEnv env;
  private RewriteValidator validator;
  private boolean validating;
  /** The guard or assert being learned: the premise of the facts derived meanwhile. */
  private Expr learning;

  RewriteChecks(ShapeEnv env, boolean on) {
    this.env = env;
    if (on) {
      RewriteValidator.Factory factory = Factories.FIRST;
      if (factory == null) {
        throw new IllegalStateException("translation validation is on, but no "
            + RewriteValidator.Factory.class.getName()
            + " is on the class path (the solver module provides one)");
      }
      this.validator = factory.create(env);
    }
  }

  /** The first validator factory {@link ServiceLoader} finds, looked up once. */
  private static final class Factories {
    static final RewriteValidator.Factory FIRST =
        ServiceLoader.load(RewriteValidator.Factory.class).findFirst().orElse(null);
  }

  RewriteValidator validator() {
    return validator;
  }

  void setValidator(RewriteValidator v) {
    this.validator = v;
  }

  boolean isOn() {
    return validator != null;
  }

  /** Reports that {@code rule} rewrote {@code before} to {@code after}; returns {@code after}. */
  Expr rewrote(String rule, Expr before, Expr after, Rewrite.Basis basis, boolean sizeOblivious) {
    if (validator != null && before != after) {
      validate(Rewrite.of(rule, before, after, basis, sizeOblivious));
    }
    return after;
  }

  /** Runs {@code body} learning {@code fact}: facts derived meanwhile have it as premise. */
  void learning(Expr fact, Runnable body) {
    Expr outer = learning;
    learning = fact;
    try {
      body.run();
    } finally {
      learning = outer;
    }
  }

  /** Reports the implications a fact adds to the axioms, with the fact as premise. */
  void implications(Expr fact, Map<Expr, BoolLit> implied) {
    if (validator != null) {
      for (Map.Entry<Expr, BoolLit> e : implied.entrySet()) {
        validate(new Rewrite("implications", e.getKey(), e.getValue(), fact, Rewrite.Basis.NONE,
            false));
      }
    }
  }

  /** Reports a fact derived from the guard or assert being learned. */
  void derived(String rule, Supplier<Expr> fact) {
    if (validator != null && learning != null) {
      validate(new Rewrite(rule, fact.get(), BoolLit.TRUE, learning, Rewrite.Basis.ALL, false));
    }
  }

  /** A refined range as a fact: {@code s >= lo and s <= hi} for its finite bounds. */
  static Expr rangeFact(Sym s, ValueRange r) {
    List<Expr> bounds = new ArrayList<>();
    if (r.lower() instanceof Num lo && !lo.isInfinite()) {
      bounds.add(Exprs.ge(s, lo));
    }
    if (r.upper() instanceof Num hi && !hi.isInfinite()) {
      bounds.add(Exprs.le(s, hi));
    }
    return Exprs.and(bounds);
  }

  private void validate(Rewrite r) {
    if (validating || env.isClosed()) {
      // A validator that asked the environment something: its rewrites are not the trace's. A
      // closed environment's reads (replace) need no check, and its validator is gone.
      return;
    }
    validating = true;
    try {
      validator.validate(env, r);
    } finally {
      validating = false;
    }
  }
}
