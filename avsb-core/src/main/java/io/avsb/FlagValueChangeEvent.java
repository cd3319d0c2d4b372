package io.avsb;

import java.util.Objects;

/**
 * Notice that flag {@code key} gives a different value for one context than before. A flag that
 * gives no value (missing, deleted, off without an off variation, or read before the first data)
 * counts as {@link AvsbValue#NULL}. Immutable and thread-safe.
 *
 * @param key the flag's key
 * @param oldValue the value before the change
 * @param newValue the value now
 */
public record FlagValueChangeEvent(String key, AvsbValue oldValue, AvsbValue newValue) {
  /** Checks that every field is present. */
  public FlagValueChangeEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
  }
}
