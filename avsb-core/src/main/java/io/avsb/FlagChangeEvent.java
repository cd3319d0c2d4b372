package io.avsb;

import java.util.Objects;

/**
 * Notice that flag {@code key} may evaluate differently now: its own data changed (updated,
 * added or deleted), or that of a flag or segment it depends on through prerequisites or segment
 * clauses. Immutable and thread-safe.
 *
 * @param key the flag's key
 */
public record FlagChangeEvent(String key) {
  /** Checks that the key is present. */
  public FlagChangeEvent {
    Objects.requireNonNull(key, "key");
  }
}
