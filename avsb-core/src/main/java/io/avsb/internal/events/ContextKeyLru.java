package io.avsb.internal.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recently seen context keys, up to a capacity, so that an {@code index} event
 * is sent once per context rather than once per evaluation. Not thread-safe: only the event
 * processor's own thread uses it.
 */
final class ContextKeyLru {
  private final int capacity;
  private final LinkedHashMap<String, Boolean> keys;

  /** An empty set holding at most {@code capacity} keys (at least 1). */
  ContextKeyLru(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.keys =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ContextKeyLru.this.capacity;
          }
        };
  }

  /**
   * Records that {@code key} was seen and makes it the most recent; returns true when it was not
   * remembered before (so an index event is due), evicting the least recently seen key if full.
   */
  boolean notice(String key) {
    return keys.put(key, Boolean.TRUE) == null;
  }

  /** Forgets every key. */
  void clear() {
    keys.clear();
  }

  /** How many keys are remembered. */
  int size() {
    return keys.size();
  }
}
