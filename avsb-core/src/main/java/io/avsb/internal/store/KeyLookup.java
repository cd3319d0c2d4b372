package io.avsb.internal.store;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Immutable sets of context keys built for lookups (targets, segment inclusions). A few keys stay
 * in the JDK's compact immutable set; more go into a {@link HashSet}, because the compact set
 * probes linearly and keys that differ only in their last characters ({@code user-0001}, {@code
 * user-0002}, ...) have near-consecutive hashes, which makes long probe runs on every miss.
 * Stateless and thread-safe.
 */
final class KeyLookup {
  private static final int COMPACT = 8;

  private KeyLookup() {}

  /** An immutable copy of {@code keys} (no nulls) for {@code contains}. */
  static Set<String> of(Collection<String> keys) {
    if (keys.size() <= COMPACT) {
      return Set.copyOf(keys);
    }
    Set<String> copy = new HashSet<>(keys);
    if (copy.contains(null)) {
      throw new NullPointerException("a key is null");
    }
    return Collections.unmodifiableSet(copy);
  }
}
