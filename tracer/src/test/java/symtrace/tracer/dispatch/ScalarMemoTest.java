package symtrace.tracer.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.Args;

/**
 * When {@link Dispatcher#memoized} replays a computation instead of running it: only over equal
 * inputs, unchanged facts and modes that can record, and only when the run left the facts as
 * they were and gave a constant.
 */
class ScalarMemoTest {
  private ShapeEnv env;
  private Dispatcher dispatcher;
  private SymInt s0;
  private SymInt s1;
  private int runs;
  /** What the recording mode saw: "record <inputs>", "replay <inputs>". */
  private final List<String> events = new ArrayList<>();

  /** A mode whose effects are visible in {@link #events}. */
  private final DispatchMode recordingMode = new DispatchMode() {
    @Override
    public Object dispatch(Args call, Next next) {
      return next.call(call);
    }

    @Override
    public ScalarEffects scalarEffects() {
      return new ScalarEffects() {
        @Override
        public Object stateKey(List<Object> inputs) {
          return List.of();
        }

        @Override
        public Recording record(List<Object> inputs) {
          events.add("record " + inputs);
          return () -> in -> events.add("replay " + in);
        }
      };
    }
  };

  @BeforeEach
  void setUp() {
    env = new ShapeEnv();
    dispatcher = Dispatcher.standard();
    dispatcher.setShapeEnv(env);
    s0 = env.createSymInt(5, Source.constant("x.size()[0]"), DimDynamic.DYNAMIC);
    s1 = env.createSymInt(7, Source.constant("x.size()[1]"), DimDynamic.DYNAMIC);
  }

  /** Whether the first input is greater than 1 (statically true for a size), counted. */
  private Boolean greaterThanOne(List<Object> in) {
    runs++;
    return ((SymInt) in.get(0)).gt(1).guardBool(Provenance.of("test"));
  }

  private <T> T memoized(List<Object> inputs, Function<List<Object>, T> body) {
    return dispatcher.memoized("test", inputs, body);
  }

  @Test
  void aSecondAskOverEqualInputsReplaysTheFirstRun() {
    SymInt other = env.createSymIntNode(s0.expr(), 5L);
    try (var scope = dispatcher.push(recordingMode)) {
      assertEquals(true, memoized(List.of(s0, 3L), this::greaterThanOne));
      assertEquals(true, memoized(List.of(other, 3L), this::greaterThanOne));
    }
    assertEquals(1, runs);
    assertEquals(List.of("record [" + s0 + ", 3]", "replay [" + other + ", 3]"), events);
  }

  @Test
  void otherExpressionsOrConstantsRunAgain() {
    try (var scope = dispatcher.push(recordingMode)) {
      memoized(List.of(s0, 3L), this::greaterThanOne);
      memoized(List.of(s1, 3L), this::greaterThanOne);
      memoized(List.of(s0, 4L), this::greaterThanOne);
      memoized(List.of(s0, s0), this::greaterThanOne);
      memoized(List.of(s0, s1), this::greaterThanOne);
    }
    assertEquals(5, runs);
  }

  @Test
  void aRunThatAddsAGuardIsNotReplayed() {
    Function<List<Object>, Boolean> guarding = in -> {
      runs++;
      return ((SymInt) in.get(0)).gt(6).guardBool(Provenance.of("test"));
    };
    try (var scope = dispatcher.push(recordingMode)) {
      assertEquals(false, memoized(List.of(s0), guarding));
      // the guard s0 <= 6 is known now: this run adds nothing and is kept
      assertEquals(false, memoized(List.of(s0), guarding));
      assertEquals(false, memoized(List.of(s0), guarding));
    }
    assertEquals(2, runs);
    assertEquals(1, env.guards().size());
  }

  @Test
  void aSymbolicResultIsNotKept() {
    Function<List<Object>, Object> symbolic = in -> {
      runs++;
      return ((SymInt) in.get(0)).add(1);
    };
    try (var scope = dispatcher.push(recordingMode)) {
      memoized(List.of(s0), symbolic);
      memoized(List.of(s0), symbolic);
    }
    assertEquals(2, runs);
  }

  @Test
  void aResultHoldingInputsGivesTheAskersInputsBack() {
    Function<List<Object>, List<Object>> passThrough = in -> {
      runs++;
      return List.of(in.get(1), 4L, in.get(0));
    };
    SymInt other = env.createSymIntNode(s0.expr(), 5L);
    List<Object> first;
    List<Object> second;
    try (var scope = dispatcher.push(recordingMode)) {
      first = memoized(List.of(s0, s1), passThrough);
      second = memoized(List.of(other, s1), passThrough);
    }
    assertEquals(1, runs);
    assertSame(s0, first.get(2));
    assertSame(other, second.get(2));
    assertSame(s1, second.get(0));
    assertEquals(4L, second.get(1));
  }

  @Test
  void aListHoldingANewSymbolicValueIsNotKept() {
    Function<List<Object>, List<Object>> doubled = in -> {
      runs++;
      return List.of(in.get(0), ((SymInt) in.get(0)).mul(2));
    };
    try (var scope = dispatcher.push(recordingMode)) {
      memoized(List.of(s0), doubled);
      memoized(List.of(s0), doubled);
    }
    assertEquals(2, runs);
  }

  @Test
  void aModeThatCannotRecordTurnsMemoizationOff() {
    try (var scope = dispatcher.push((call, next) -> next.call(call))) {
      memoized(List.of(s0), this::greaterThanOne);
      memoized(List.of(s0), this::greaterThanOne);
    }
    assertEquals(2, runs);
  }

  @Test
  void switchedOffEveryAskRuns() {
    dispatcher.setMemoize(false);
    try (var scope = dispatcher.push(recordingMode)) {
      memoized(List.of(s0), this::greaterThanOne);
      memoized(List.of(s0), this::greaterThanOne);
    }
    assertEquals(2, runs);
    assertTrue(events.isEmpty());
  }

  @Test
  void otherModesOnTheStackAreAnotherKey() {
    try (var scope = dispatcher.push(recordingMode)) {
      memoized(List.of(s0), this::greaterThanOne);
    }
    memoized(List.of(s0), this::greaterThanOne);
    assertEquals(2, runs);
  }
}
