package io.avsb.internal.store;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An immutable set of context keys built for {@code contains} (targets, segment inclusions and
 * exclusions). Up to 8 keys sit in an array beside their hashes, so a miss, the usual case, ends
 * at an int compare without reading the text; more go into a {@link HashSet}, not the JDK's compact
 * immutable set, because that one probes linearly and keys that differ only in their last
 * characters ({@code user-0001}, {@code user-0002}, ...) have near-consecutive hashes, which makes
 * long probe runs on every miss. One class for every size keeps the evaluator's call sites
 * monomorphic. Immutable and thread-safe.
 */
final class KeyLookup extends AbstractSet<String> {
  private static final int SMALL = 8;
  private static final String[] NO_KEYS = new String[0];

  private final String[] keys;
  private final int[] hashes;
  private final Set<String> large;

  private KeyLookup(String[] keys, Set<String> large) {
    this.keys = keys;
    this.hashes = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      hashes[i] = keys[i].hashCode();
    }
    this.large = large;
  }

  /** An immutable copy of {@code keys} (no nulls) for {@code contains}. */
  static Set<String> of(Collection<String> keys) {
    Set<String> unique = new LinkedHashSet<>(keys);
    if (unique.contains(null)) {
      throw new NullPointerException("a key is null");
    }
    if (unique.size() <= SMALL) {
      return new KeyLookup(unique.toArray(NO_KEYS), null);
    }
    return new KeyLookup(NO_KEYS, new HashSet<>(unique));
  }

  @Override
  public boolean contains(Object o) {
    if (large != null) {
      return large.contains(o);
    }
    if (!(o instanceof String key)) {
      return false;
    }
    int h = key.hashCode();
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] == h && key.equals(keys[i])) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return large != null ? large.size() : keys.length;
  }

  @Override
  public Iterator<String> iterator() {
    return large != null
        ? Collections.unmodifiableSet(large).iterator()
        : Collections.unmodifiableList(Arrays.asList(keys)).iterator();
  }
}
