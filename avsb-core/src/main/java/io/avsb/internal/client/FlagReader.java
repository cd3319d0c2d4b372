package io.avsb.internal.client;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.EvaluationReason.Kind;
import io.avsb.EvaluationReason;
import io.avsb.FeatureFlagsState;
import io.avsb.internal.eval.Evaluator;
import io.avsb.internal.eval.PrerequisiteListener;
import io.avsb.internal.events.EventProcessor;
import io.avsb.internal.log.LogText;
import io.avsb.internal.store.Flag;
import io.avsb.internal.store.FlagStore;
import io.avsb.internal.store.Snapshot;
import io.avsb.internal.store.StoredItem;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads flags for the scoped helpers: checks readiness, the context and the flag, evaluates
 * against one snapshot, checks the value's type, records evaluation events, and logs each distinct
 * problem once. Never throws. With events off it builds no event and, on the way to a value that
 * is a shared constant, allocates nothing. Thread-safe.
 */
final class FlagReader {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.eval");
  private static final Logger EVENTS_LOG = LoggerFactory.getLogger("io.avsb.events");

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final EvaluationDetail<AvsbValue>[] ERRORS =
      new EvaluationDetail[ErrorKind.values().length];

  static {
    for (ErrorKind k : ErrorKind.values()) {
      ERRORS[k.ordinal()] = EvaluationDetail.error(k, null);
    }
  }

  /** Problem categories beside the error kinds. */
  private enum Problem { EVENT_FAILED, ALL_FLAGS }

  private final FlagStore store;
  private final EventProcessor events;
  private final boolean recordEvents;
  private final EvaluationHooks hooks;
  private final boolean needsDefault;
  private final Clock clock;
  private final ProblemLog problems;
  private final PrerequisiteListener prerequisites;
  private final PrerequisiteListener prerequisitesWithReason;

  FlagReader(FlagStore store, EventProcessor events, Clock clock, ProblemLog problems) {
    this(store, events, EvaluationHooks.NONE, clock, problems);
  }

  FlagReader(FlagStore store, EventProcessor events, EvaluationHooks hooks, Clock clock,
      ProblemLog problems) {
    this.store = Objects.requireNonNull(store, "store");
    this.events = Objects.requireNonNull(events, "events");
    this.recordEvents = events != DiscardingEventProcessor.INSTANCE;
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    this.needsDefault = recordEvents || !hooks.isEmpty();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.prerequisites = (prereq, context, result, of) ->
        record(prereq, prereq.key(), context, result, null, of.key(), false);
    this.prerequisitesWithReason = (prereq, context, result, of) ->
        record(prereq, prereq.key(), context, result, null, of.key(), true);
  }

  /**
   * Whether evaluations are recorded or seen by hooks; if not, callers need not build the default
   * as a value.
   */
  boolean recordsEvents() {
    return needsDefault;
  }

  /**
   * Evaluates flag {@code key} for {@code context}. The value is null when the caller's default
   * applies. {@code defaultValue} is only for events and hooks; pass null when {@link
   * #recordsEvents()} is false. {@code detail} says whether the caller asked for the reason
   * (events then carry it).
   *
   * <p>The successful path records its event here rather than through {@link #record}, which
   * keeps this method above C2's {@code FreqInlineSize} (325 bytes of bytecode): it is compiled
   * once on its own and never inlined into the getters, so a getter stays small enough to be
   * inlined into its caller, where the helper {@code forUser} returned is then scalar-replaced.
   * Otherwise a getter compiled on its own (after a deoptimisation, say) holds all of this, C2
   * refuses to inline it ("already compiled into a big method") and every call allocates the
   * helper (24 bytes; docs/performance.md, events on).
   */
  EvaluationDetail<AvsbValue> evaluate(
      AvsbContext context, String key, ValueType type, AvsbValue defaultValue, boolean detail) {
    Flag flag = null;
    try {
      Snapshot data = store.snapshot();
      if (!data.initialized()) {
        return fail(ErrorKind.CLIENT_NOT_READY, key, context, null, defaultValue, detail);
      }
      if (context == null || !context.isValid()) {
        return fail(ErrorKind.USER_NOT_SPECIFIED, key, context, null, defaultValue, detail);
      }
      flag = key == null ? null : data.flag(key);
      if (flag == null) {
        return fail(ErrorKind.FLAG_NOT_FOUND, key, context, null, defaultValue, detail);
      }
      EvaluationDetail<AvsbValue> result = Evaluator.evaluate(data, flag, context,
          recordEvents ? (detail ? prerequisitesWithReason : prerequisites) : null);
      // errors found by the evaluator (MALFORMED_FLAG, EXCEPTION) are logged by it, once per flag
      AvsbValue value = result.value();
      if (value != null && !type.accepts(value)) {
        return fail(ErrorKind.WRONG_TYPE, key, context, flag, defaultValue, detail);
      }
      if (recordEvents) {
        try {
          EvaluationReason reason = result.reason();
          boolean experiment = isExperiment(flag, reason);
          events.recordEvaluation(clock.millis(), context, key, flag.version(),
              result.variationIndex(), value != null ? value : defaultValue, defaultValue, reason,
              null, flag.trackEvents() || experiment, detail || experiment);
        } catch (RuntimeException e) {
          if (problems.firstTime(Problem.EVENT_FAILED, "evaluation")) {
            EVENTS_LOG.error("Recording an evaluation event failed; the event is dropped", e);
          }
        }
      }
      if (!hooks.isEmpty()) {
        hooks.after(key, context, result, defaultValue);
      }
      return result;
    } catch (RuntimeException | StackOverflowError e) {
      if (problems.firstTime(ErrorKind.EXCEPTION, key)) {
        LOG.error("Evaluating flag {} failed; the caller's default is used", LogText.of(key), e);
      }
      if (context != null && context.isValid()) {
        reportError(flag, key, context, ERRORS[ErrorKind.EXCEPTION.ordinal()], defaultValue,
            detail);
      }
      return ERRORS[ErrorKind.EXCEPTION.ordinal()];
    }
  }

  /** The client-visible flags' values for {@code context}; invalid when not ready or bad context. */
  FeatureFlagsState allFlagsState(AvsbContext context) {
    return allFlagsState(context, false);
  }

  /**
   * As {@link #allFlagsState(AvsbContext)}, with every flag when {@code all}. Records no event and
   * calls no hook.
   */
  FeatureFlagsState allFlagsState(AvsbContext context, boolean all) {
    try {
      Snapshot data = store.snapshot();
      if (!data.initialized()) {
        if (problems.firstTime(Problem.ALL_FLAGS, "not-ready")) {
          LOG.warn("allFlagsState called before the first data arrived; it is marked invalid");
        }
        return FeatureFlagsState.invalid();
      }
      if (context == null || !context.isValid()) {
        if (problems.firstTime(Problem.ALL_FLAGS, "invalid-context")) {
          LOG.warn("allFlagsState called with an invalid context ({}); it is marked invalid",
              context == null ? "null" : LogText.of(context.error()));
        }
        return FeatureFlagsState.invalid();
      }
      FeatureFlagsState.Builder state = FeatureFlagsState.builder();
      for (Map.Entry<String, StoredItem<Flag>> e : data.flags().entrySet()) {
        Flag flag = e.getValue().item();
        if (flag == null || !(all || flag.clientSideAvailable())) {
          continue;
        }
        EvaluationDetail<AvsbValue> d = evaluateQuietly(data, flag, context);
        state.add(e.getKey(), new FeatureFlagsState.FlagState(
            d.value(), d.variationIndex(), flag.version(), d.reason(), trackFull(flag, d.reason())));
      }
      return state.build();
    } catch (RuntimeException e) {
      if (problems.firstTime(Problem.ALL_FLAGS, "exception")) {
        LOG.error("allFlagsState failed; it is marked invalid", e);
      }
      return FeatureFlagsState.invalid();
    }
  }

  /**
   * The value flag {@code key} gives {@code context} now, or null when it gives none (not ready,
   * invalid context, no such flag, no value). Records no event and logs only evaluator failures,
   * once: for change listeners, off the evaluation path.
   */
  AvsbValue peek(AvsbContext context, String key) {
    try {
      Snapshot data = store.snapshot();
      if (!data.initialized() || context == null || !context.isValid() || key == null) {
        return null;
      }
      Flag flag = data.flag(key);
      return flag == null ? null : evaluateQuietly(data, flag, context).value();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private EvaluationDetail<AvsbValue> evaluateQuietly(Snapshot data, Flag flag, AvsbContext context) {
    try {
      return Evaluator.evaluate(data, flag, context, null);
    } catch (RuntimeException | StackOverflowError e) {
      if (problems.firstTime(ErrorKind.EXCEPTION, flag.key())) {
        LOG.error("Evaluating flag {} failed", LogText.of(flag.key()), e);
      }
      return ERRORS[ErrorKind.EXCEPTION.ordinal()];
    }
  }

  private EvaluationDetail<AvsbValue> fail(ErrorKind kind, String key, AvsbContext context,
      Flag flag, AvsbValue defaultValue, boolean detail) {
    EvaluationDetail<AvsbValue> result = ERRORS[kind.ordinal()];
    logError(kind, key);
    if (context != null && context.isValid()) {
      reportError(flag, key, context, result, defaultValue, detail);
    }
    return result;
  }

  private void reportError(Flag flag, String key, AvsbContext context,
      EvaluationDetail<AvsbValue> result, AvsbValue defaultValue, boolean detail) {
    String k = key == null ? "" : key;
    if (recordEvents) {
      record(flag, k, context, result, defaultValue, null, detail);
    }
    if (!hooks.isEmpty()) {
      hooks.after(k, context, result, defaultValue);
    }
  }

  private void logError(ErrorKind kind, String key) {
    if (!problems.firstTime(kind, key)) {
      return;
    }
    switch (kind) {
      case CLIENT_NOT_READY:
        LOG.warn("Flag {} was read before the first data arrived; the caller's default is used"
            + " (CLIENT_NOT_READY) until it does", LogText.of(key));
        break;
      case USER_NOT_SPECIFIED:
        LOG.warn("Flag {} was read for a missing or invalid context; the caller's default is used"
            + " (USER_NOT_SPECIFIED)", LogText.of(key));
        break;
      case FLAG_NOT_FOUND:
        LOG.warn("Flag {} does not exist; the caller's default is used (FLAG_NOT_FOUND)",
            LogText.of(key));
        break;
      case WRONG_TYPE:
        LOG.warn("Flag {} has a value of another type than the getter asks for; the caller's"
            + " default is used (WRONG_TYPE)", LogText.of(key));
        break;
      default:
        LOG.warn("Flag {} gave the error {}; the caller's default is used", LogText.of(key), kind);
    }
  }

  private static boolean trackFull(Flag flag, EvaluationReason reason) {
    return flag.trackEvents() || isExperiment(flag, reason);
  }

  private static boolean isExperiment(Flag flag, EvaluationReason reason) {
    if (reason.inExperiment()) {
      return true;
    }
    if (reason.kind() == Kind.RULE_MATCH) {
      return flag.isRuleTracked(reason.ruleIndex());
    }
    return reason.kind() == Kind.FALLTHROUGH && flag.trackEventsFallthrough();
  }

  private void record(Flag flag, String key, AvsbContext context, EvaluationDetail<AvsbValue> result,
      AvsbValue defaultValue, String prereqOf, boolean withReason) {
    try {
      EvaluationReason reason = result.reason();
      boolean experiment = flag != null && isExperiment(flag, reason);
      boolean trackFull = flag != null && (flag.trackEvents() || experiment);
      AvsbValue value = result.value() != null ? result.value() : defaultValue;
      events.recordEvaluation(clock.millis(), context, key,
          flag == null ? -1 : flag.version(), result.variationIndex(), value, defaultValue, reason,
          prereqOf, trackFull, withReason || experiment);
    } catch (RuntimeException e) {
      if (problems.firstTime(Problem.EVENT_FAILED, "evaluation")) {
        EVENTS_LOG.error("Recording an evaluation event failed; the event is dropped", e);
      }
    }
  }
}
