package io.avsb.internal.store;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A feature flag, parsed and preprocessed for evaluation by {@link FlagParser}: every result the
 * flag can give is built in advance, so that evaluating it returns shared instances. A flag whose
 * JSON could not be read is kept as a malformed flag ({@link #malformedError()} is set) so that
 * evaluating it reports {@code MALFORMED_FLAG}. Immutable and thread-safe (apart from the
 * log-once marker, which is atomic).
 */
public final class Flag {
  private static final EvaluationDetail<AvsbValue>[] ERROR_RESULTS = errorResults();
  // a field updater rather than an AtomicBoolean per flag: a million flags, 16 MB less
  private static final AtomicIntegerFieldUpdater<Flag> ERROR_LOGGED =
      AtomicIntegerFieldUpdater.newUpdater(Flag.class, "errorLogged");

  private final String key;
  private final int version;
  private final boolean deleted;
  private final String malformedError;
  private final boolean on;
  private final List<AvsbValue> variations;
  private final String salt;
  private final List<Prerequisite> prerequisites;
  private final boolean hasPrerequisites;
  private final List<Target> targets;
  private final List<Rule> rules;
  private final VariationOrRollout fallthrough;
  private final EvaluationDetail<AvsbValue> offResult;
  private final boolean trackEvents;
  private final boolean trackEventsFallthrough;
  private final boolean clientSideAvailable;
  private final boolean clientSideUsingMobileKey;
  private final long debugEventsUntilDate;
  private final Set<String> segmentKeys;
  private volatile int errorLogged;

  Flag(
      String key, int version, boolean deleted, String malformedError, boolean on,
      List<AvsbValue> variations, String salt, List<Prerequisite> prerequisites,
      List<Target> targets, List<Rule> rules, VariationOrRollout fallthrough,
      EvaluationDetail<AvsbValue> offResult, boolean trackEvents, boolean trackEventsFallthrough,
      boolean clientSideAvailable, boolean clientSideUsingMobileKey, long debugEventsUntilDate,
      Set<String> segmentKeys) {
    this.key = key;
    this.version = version;
    this.deleted = deleted;
    this.malformedError = malformedError;
    this.on = on;
    this.variations = List.copyOf(variations);
    this.salt = salt;
    this.prerequisites = List.copyOf(prerequisites);
    this.hasPrerequisites = !this.prerequisites.isEmpty();
    this.targets = List.copyOf(targets);
    this.rules = List.copyOf(rules);
    this.fallthrough = fallthrough;
    this.offResult = offResult;
    this.trackEvents = trackEvents;
    this.trackEventsFallthrough = trackEventsFallthrough;
    this.clientSideAvailable = clientSideAvailable;
    this.clientSideUsingMobileKey = clientSideUsingMobileKey;
    this.debugEventsUntilDate = debugEventsUntilDate;
    this.segmentKeys = segmentKeys.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(segmentKeys));
  }

  /** A flag that could not be read: evaluating it gives {@code MALFORMED_FLAG}. */
  static Flag malformed(String key, int version, String error) {
    EvaluationDetail<AvsbValue> malformed = errorResult(EvaluationReason.ErrorKind.MALFORMED_FLAG);
    return new Flag(key, version, false, error, false, List.of(), "", List.of(), List.of(),
        List.of(), new VariationOrRollout(null, null, List.of(), EvaluationReason.fallthrough(),
            EvaluationReason.fallthrough(true)),
        malformed, false, false, false, false, 0, Set.of());
  }

  @SuppressWarnings("unchecked")
  private static EvaluationDetail<AvsbValue>[] errorResults() {
    EvaluationReason.ErrorKind[] kinds = EvaluationReason.ErrorKind.values();
    EvaluationDetail<AvsbValue>[] out = (EvaluationDetail<AvsbValue>[]) new EvaluationDetail<?>[kinds.length];
    for (EvaluationReason.ErrorKind k : kinds) {
      out[k.ordinal()] =
          new EvaluationDetail<>(null, EvaluationDetail.NO_VARIATION, EvaluationReason.error(k));
    }
    return out;
  }

  /** The shared error result of {@code kind}: null value, no variation. */
  public static EvaluationDetail<AvsbValue> errorResult(EvaluationReason.ErrorKind kind) {
    return ERROR_RESULTS[kind.ordinal()];
  }

  /**
   * The result of variation {@code index} with {@code reason}, or the malformed-flag error when the
   * index is out of range.
   */
  static EvaluationDetail<AvsbValue> result(
      List<AvsbValue> variations, int index, EvaluationReason reason) {
    if (index < 0 || index >= variations.size()) {
      return errorResult(EvaluationReason.ErrorKind.MALFORMED_FLAG);
    }
    return EvaluationDetail.of(variations.get(index), index, reason);
  }

  /** The flag key. */
  public String key() {
    return key;
  }

  /** The flag version. */
  public int version() {
    return version;
  }

  /** Whether this is a deletion marker (tombstone). */
  public boolean deleted() {
    return deleted;
  }

  /** Why the flag could not be parsed, or null when it is well-formed. */
  public String malformedError() {
    return malformedError;
  }

  /** Whether client-side SDKs may see this flag (clientSideAvailability.usingEnvironmentId). */
  public boolean clientSideAvailable() {
    return clientSideAvailable;
  }

  /** Whether mobile SDKs may see this flag (clientSideAvailability.usingMobileKey). */
  public boolean clientSideUsingMobileKey() {
    return clientSideUsingMobileKey;
  }

  /** Whether every evaluation of this flag produces a full feature event. */
  public boolean trackEvents() {
    return trackEvents;
  }

  /** Whether fallthrough results produce full feature events. */
  public boolean trackEventsFallthrough() {
    return trackEventsFallthrough;
  }

  /** Whether rule {@code ruleIndex} asks for full feature events; false when out of range. */
  public boolean isRuleTracked(int ruleIndex) {
    return ruleIndex >= 0 && ruleIndex < rules.size() && rules.get(ruleIndex).trackEvents();
  }

  /** Epoch milliseconds until which debug events are sent, or 0. */
  public long debugEventsUntilDate() {
    return debugEventsUntilDate;
  }

  /** Whether targeting is on. */
  public boolean on() {
    return on;
  }

  /** The variations. */
  public List<AvsbValue> variations() {
    return variations;
  }

  /** The salt used in bucketing ({@code ""} when absent). */
  public String salt() {
    return salt;
  }

  /** The prerequisites in order. */
  public List<Prerequisite> prerequisites() {
    return prerequisites;
  }

  /** Whether the flag has prerequisites (a field read, not a call through the list). */
  public boolean hasPrerequisites() {
    return hasPrerequisites;
  }

  /**
   * The individual targets to check in order: the {@code contextTargets} (with user-kind
   * placeholders resolved to the keys of the matching {@code targets} entry), or the {@code
   * targets} when there are no context targets.
   */
  public List<Target> targets() {
    return targets;
  }

  /** The rules in order. */
  public List<Rule> rules() {
    return rules;
  }

  /** What the flag gives when no target or rule matches. */
  public VariationOrRollout fallthrough() {
    return fallthrough;
  }

  /** The result when the flag is off: the off variation, or a null value when there is none. */
  public EvaluationDetail<AvsbValue> offResult() {
    return offResult;
  }

  /** The keys of the segments this flag's clauses name directly, in order of appearance. */
  public Set<String> segmentKeys() {
    return segmentKeys;
  }

  /**
   * True the first time it is called for this flag instance, so that an evaluation error of a
   * flag version is logged once rather than on every call.
   */
  public boolean firstErrorReport() {
    return ERROR_LOGGED.compareAndSet(this, 0, 1);
  }

  @Override
  public String toString() {
    return "Flag(" + key + " v" + version + (malformedError != null ? ", malformed" : "") + ")";
  }
}
