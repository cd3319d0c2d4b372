package io.avsb.internal.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 *
 * <p>A key lives in one of {@link #PROBES} slots from its home slot, in a table of at least four
 * slots per key. The home comes from the key's {@code String.hashCode} scrambled by a full
 * avalanche mix: keys such as {@code user-0001} to {@code user-1023} have hash codes that differ in
 * few bits, and without the mix whole runs of them shared a pair of slots and kept evicting each
 * other, so their evaluations were queued forever. A key that finds every probed slot taken
 * replaces the one at home (that key is then queued again until republished: a missed view, never
 * a missed index event).
 */
final class SeenContexts {
  /** Slots looked at from a key's home slot. */
  static final int PROBES = 16;

  private static final VarHandle USED = MethodHandles.arrayElementVarHandle(byte[].class);

  private final AtomicReferenceArray<String> keys;
  private final byte[] used;
  private final int mask;

  /** A view sized for an LRU of {@code capacity} keys (at most 32,768 of them are viewed). */
  SeenContexts(int capacity) {
    int size = Integer.highestOneBit(Math.max(8, Math.min(capacity, 1 << 15)) * 2 - 1) * 4;
    this.keys = new AtomicReferenceArray<>(size);
    this.used = new byte[size];
    this.mask = size - 1;
  }

  /** The key's home slot: its hash code through MurmurHash3's 32-bit finalizer. */
  private int home(String key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h & mask;
  }

  /** Whether {@code key} is known to the LRU; marks it as used. */
  boolean contains(String key) {
    int i = home(key);
    for (int n = 0; n < PROBES; n++, i = (i + 1) & mask) {
      String k = keys.get(i);
      if (k == key || (k != null && k.equals(key))) {
        if ((byte) USED.getOpaque(used, i) == 0) {
          USED.setOpaque(used, i, (byte) 1);
        }
        return true;
      }
    }
    return false;
  }

  /** Makes {@code key} (held by the LRU) visible to callers; keys too long for it are not. */
  void publish(String key) {
    if (key.length() > ContextKeyLru.MAX_KEPT) {
      return;
    }
    int home = home(key);
    int free = -1;
    for (int n = 0, i = home; n < PROBES; n++, i = (i + 1) & mask) {
      String k = keys.get(i);
      if (k == null) {
        free = free < 0 ? i : free;
      } else if (k.equals(key)) {
        return;
      }
    }
    int i = free < 0 ? home : free;
    USED.setVolatile(used, i, (byte) 0);
    keys.set(i, key);
  }

  /** Removes {@code key}, which the LRU evicted. */
  void forget(String key) {
    int i = home(key);
    for (int n = 0; n < PROBES; n++, i = (i + 1) & mask) {
      if (key.equals(keys.get(i))) {
        keys.set(i, null);
        return;
      }
    }
  }

  /** Renews in {@code lru} the recency of the keys used since the last refresh. */
  void refresh(ContextKeyLru lru) {
    for (int i = 0; i <= mask; i++) {
      if ((byte) USED.getVolatile(used, i) != 0) {
        USED.setVolatile(used, i, (byte) 0);
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
