package io.avsb;

import java.util.Objects;

/**
 * The result of evaluating a flag: the value, the index of the variation it came from, and the
 * reason. Immutable and thread-safe when {@code T} is.
 *
 * @param value the value: the flag's variation, or the caller's default on error
 * @param variationIndex the variation's index, or {@link #NO_VARIATION} when the default was used
 * @param reason why this result
 * @param <T> the value's type
 */
public record EvaluationDetail<T>(T value, int variationIndex, EvaluationReason reason) {
  /** The {@link #variationIndex()} of a result that is not one of the flag's variations. */
  public static final int NO_VARIATION = -1;

  /** Checks that the reason is present and the index is {@link #NO_VARIATION} or positive. */
  public EvaluationDetail {
    Objects.requireNonNull(reason, "reason");
    if (variationIndex < NO_VARIATION) {
      throw new IllegalArgumentException("variationIndex must be >= -1, was " + variationIndex);
    }
  }

  /** A result with {@code value} from variation {@code variationIndex}. */
  public static <T> EvaluationDetail<T> of(T value, int variationIndex, EvaluationReason reason) {
    return new EvaluationDetail<>(value, variationIndex, reason);
  }

  /** An error result carrying the caller's {@code defaultValue}. */
  public static <T> EvaluationDetail<T> error(EvaluationReason.ErrorKind kind, T defaultValue) {
    return new EvaluationDetail<>(defaultValue, NO_VARIATION, EvaluationReason.error(kind));
  }

  /** True when the value is the caller's default rather than a variation. */
  public boolean isDefaultValue() {
    return variationIndex == NO_VARIATION;
  }

  // equals and hashCode as a record's, written out: the generated ones are linked on first use,
  // which costs a cold start tens of milliseconds (the store's load compares results)
  @Override
  public boolean equals(Object o) {
    return o instanceof EvaluationDetail<?> d && variationIndex == d.variationIndex
        && Objects.equals(value, d.value) && reason.equals(d.reason);
  }

  @Override
  public int hashCode() {
    return (Objects.hashCode(value) * 31 + variationIndex) * 31 + reason.hashCode();
  }
}
