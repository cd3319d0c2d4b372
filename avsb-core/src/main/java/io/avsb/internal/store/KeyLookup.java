package io.avsb.internal.store;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable set of strings built for {@code contains} (targets, segment inclusions and
 * exclusions, large {@code in} clauses). Every key sits beside its hash: up to 8 in a list scanned
 * in turn, more in an open-addressing table at most half full, probed from a mixed hash (keys that
 * differ only in their last characters, {@code user-0001}, {@code user-0002}, ..., have
 * near-consecutive hashes, which would make long runs in a table probed from the plain hash, as
 * the JDK's compact immutable set is). A miss mostly ends at an int compare and a hit reads one
 * slot pair, without the node a {@code HashSet} keeps per key. One class for every size keeps the
 * evaluator's call sites monomorphic. Immutable and thread-safe.
 */
final class KeyLookup extends AbstractSet<String> {
  private static final int SMALL = 8;

  private final String[] keys;
  private final int[] hashes;
  private final int size;
  private final int mask; // -1 for the small list

  private KeyLookup(String[] keys, int[] hashes, int size, int mask) {
    this.keys = keys;
    this.hashes = hashes;
    this.size = size;
    this.mask = mask;
  }

  /** An immutable copy of {@code keys} (no nulls) for {@code contains}. */
  static Set<String> of(Collection<String> keys) {
    Set<String> unique = new LinkedHashSet<>(keys);
    if (unique.contains(null)) {
      throw new NullPointerException("a key is null");
    }
    int n = unique.size();
    if (n <= SMALL) {
      String[] list = unique.toArray(new String[0]);
      int[] hashes = new int[n];
      for (int i = 0; i < n; i++) {
        hashes[i] = list[i].hashCode();
      }
      return new KeyLookup(list, hashes, n, -1);
    }
    int capacity = Integer.highestOneBit(n * 2 - 1) << 1;
    String[] table = new String[capacity];
    int[] hashes = new int[capacity];
    int mask = capacity - 1;
    for (String key : unique) {
      int h = key.hashCode();
      int i = mix(h) & mask;
      while (table[i] != null) {
        i = (i + 1) & mask;
      }
      table[i] = key;
      hashes[i] = h;
    }
    return new KeyLookup(table, hashes, n, mask);
  }

  // murmur3's finalizer: spreads near-consecutive hashes over the whole table
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof String key)) {
      return false;
    }
    int h = key.hashCode();
    String[] k = keys;
    int[] hs = hashes;
    if (mask < 0) {
      for (int i = 0; i < hs.length; i++) {
        if (hs[i] == h && key.equals(k[i])) {
          return true;
        }
      }
      return false;
    }
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      String present = k[i];
      if (present == null) {
        return false;
      }
      if (hs[i] == h && key.equals(present)) {
        return true;
      }
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<String> iterator() {
    String[] present = mask < 0 ? keys
        : Arrays.stream(keys).filter(Objects::nonNull).toArray(String[]::new);
    return Collections.unmodifiableList(Arrays.asList(present)).iterator();
  }
}
