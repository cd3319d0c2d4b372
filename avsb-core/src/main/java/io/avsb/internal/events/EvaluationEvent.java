package io.avsb.internal.events;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import java.util.Objects;

/**
 * One flag evaluation, as the event processor sees it.
 *
 * @param creationDate epoch millis of the evaluation
 * @param context the context evaluated for
 * @param flagKey the flag's key
 * @param flagVersion the flag's version, or -1 when the flag was not found
 * @param variation the variation index, or -1 when the default was used
 * @param value the value returned to the caller
 * @param defaultValue the caller's default
 * @param reason the evaluation reason
 * @param prereqOf for a prerequisite's evaluation, the key of the flag that required it; else null
 * @param trackFull whether a full {@code feature} event is wanted (flag or rule tracks events, or
 *     the result is in an experiment); a summary counter is kept either way
 * @param withReason whether the full event should carry the reason
 */
public record EvaluationEvent(
    long creationDate,
    AvsbContext context,
    String flagKey,
    int flagVersion,
    int variation,
    AvsbValue value,
    AvsbValue defaultValue,
    EvaluationReason reason,
    String prereqOf,
    boolean trackFull,
    boolean withReason) {
  /** Checks the required fields. */
  public EvaluationEvent {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(flagKey, "flagKey");
    Objects.requireNonNull(reason, "reason");
    value = value == null ? AvsbValue.NULL : value;
    defaultValue = defaultValue == null ? AvsbValue.NULL : defaultValue;
  }
}
