package symtrace.tracer.ops;

import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;

/**
 * What a meta rule may use besides its arguments: the shape environment of the trace (for the
 * fresh unbacked symbols of data-dependent operators) and the provenance its guards carry.
 *
 * @param shapeEnv the trace's shape environment (fake and symbolic make_fx have one); null for
 *     fake tensors run outside a trace, where data-dependent operators cannot run
 * @param provenance what a guard recorded by this rule names as its cause
 */
public record MetaContext(ShapeEnv shapeEnv, Provenance provenance) {

  /** A fresh unbacked integer (the size of a nonzero, the value of an item). */
  public SymInt newUnbackedInt(String what) {
    if (shapeEnv == null) {
      throw new DataDependentOutputException(what);
    }
    return shapeEnv.createUnbackedSymInt();
  }

  /** A fresh unbacked float. */
  public SymFloat newUnbackedFloat(String what) {
    if (shapeEnv == null) {
      throw new DataDependentOutputException(what);
    }
    return shapeEnv.createUnbackedSymFloat();
  }
}
