package io.avsb.testkit;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import java.util.Objects;

/**
 * One flag evaluation seen by a {@link MockAvsbServer}. Immutable and thread-safe.
 *
 * @param flagKey the flag that was read
 * @param context the context it was read for
 * @param value the value the caller got (the default on error)
 * @param variationIndex the variation's index, or -1 when the default was returned
 * @param reason why that value
 * @param defaultValue the default the caller passed
 */
public record RecordedEvaluation(
    String flagKey,
    AvsbContext context,
    AvsbValue value,
    int variationIndex,
    EvaluationReason reason,
    AvsbValue defaultValue) {

  /** Checks that the values and the reason are present. */
  public RecordedEvaluation {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /** The context's key (empty for a multi-context or an invalid one). */
  public String contextKey() {
    return context == null ? "" : context.key();
  }
}
