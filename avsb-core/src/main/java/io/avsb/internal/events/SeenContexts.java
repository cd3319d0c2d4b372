package io.avsb.internal.events;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A lock-free view, for the callers' threads, of the context keys the event thread's {@link
 * ContextKeyLru} holds and has seen at least twice: an evaluation for such a context would produce
 * no index event, so the caller need not queue it. Thread-safe: {@link #contains} from any thread;
 * {@link #publish}, {@link #forget} and {@link #refresh} only from the event thread.
 *
 * <p>Every key here is also in the LRU (the LRU's evictions call {@link #forget}), so a hit never
 * hides a due index event. A hit marks its slot; {@link #refresh} then renews those keys' recency in
 * the LRU, so keys the callers keep using are not evicted for want of queued evaluations. Keys are
 * published on their second sighting only, so a burst of new contexts keeps the LRU's exact order.
 */
final class SeenContexts {
  private final AtomicReferenceArray<String> keys;
  private final AtomicIntegerArray used;
  private final int mask;

  /** A view sized for an LRU of {@code capacity} keys. */
  SeenContexts(int capacity) {
    int size = Integer.highestOneBit(Math.max(8, Math.min(capacity, 1 << 15)) * 2 - 1) * 2;
    this.keys = new AtomicReferenceArray<>(size);
    this.used = new AtomicIntegerArray(size);
    this.mask = size - 1;
  }

  private int slot(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & mask;
  }

  /** Whether {@code key} is known to the LRU; marks it as used. */
  boolean contains(String key) {
    int i = slot(key);
    String k = keys.get(i);
    if (k != key && (k == null || !k.equals(key))) {
      i ^= 1;
      k = keys.get(i);
      if (k != key && (k == null || !k.equals(key))) {
        return false;
      }
    }
    if (used.getPlain(i) == 0) {
      used.setOpaque(i, 1);
    }
    return true;
  }

  /** Makes {@code key} (held by the LRU) visible to callers; keys too long for it are not. */
  void publish(String key) {
    if (key.length() > ContextKeyLru.MAX_KEPT) {
      return;
    }
    int i = slot(key);
    String k = keys.get(i);
    if (k != null && !k.equals(key)) {
      String other = keys.get(i ^ 1);
      i = other == null || other.equals(key) ? i ^ 1 : i;
    }
    used.set(i, 0);
    keys.set(i, key);
  }

  /** Removes {@code key}, which the LRU evicted. */
  void forget(String key) {
    int i = slot(key);
    if (key.equals(keys.get(i))) {
      keys.set(i, null);
    }
    if (key.equals(keys.get(i ^ 1))) {
      keys.set(i ^ 1, null);
    }
  }

  /** Renews in {@code lru} the recency of the keys used since the last refresh. */
  void refresh(ContextKeyLru lru) {
    for (int i = 0; i <= mask; i++) {
      if (used.get(i) != 0) {
        used.set(i, 0);
        String k = keys.get(i);
        if (k != null) {
          lru.touch(k);
        }
      }
    }
  }

  /** Forgets every key. */
  void clear() {
    for (int i = 0; i <= mask; i++) {
      keys.set(i, null);
    }
  }
}
