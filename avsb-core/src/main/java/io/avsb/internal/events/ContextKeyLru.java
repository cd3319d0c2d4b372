package io.avsb.internal.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Remembers the most recently seen context keys, up to a capacity, so that an {@code index} event
 * is sent once per context rather than once per evaluation. A key longer than {@link #MAX_KEPT}
 * characters is remembered by its SHA-256 (marked so that no kept key can equal it), so the memory
 * stays bounded whatever the keys' length. Not thread-safe: only the event processor's own thread
 * uses it.
 */
final class ContextKeyLru {
  /** The longest key remembered as it is. */
  static final int MAX_KEPT = 64;

  // made on the first long key: loading the JDK's security providers costs a cold start ~30 ms
  private MessageDigest sha256;
  private final int capacity;
  private final LinkedHashMap<String, Boolean> keys;

  /** An empty set holding at most {@code capacity} keys (at least 1). */
  ContextKeyLru(int capacity) {
    this(capacity, key -> { });
  }

  /** As {@link #ContextKeyLru(int)}, telling {@code evicted} of each key it forgets when full. */
  ContextKeyLru(int capacity, Consumer<String> evicted) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.keys =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            if (size() <= ContextKeyLru.this.capacity) {
              return false;
            }
            evicted.accept(eldest.getKey());
            return true;
          }
        };
  }

  /**
   * Records that {@code key} was seen and makes it the most recent; returns true when it was not
   * remembered before (so an index event is due), evicting the least recently seen key if full.
   */
  boolean notice(String key) {
    return keys.put(remembered(key), Boolean.TRUE) == null;
  }

  /** Makes {@code key} the most recent if it is remembered; never adds it. */
  void touch(String key) {
    keys.get(key);
  }

  /** The key itself, or {@code #} and its SHA-256 in hex (65 characters) for a longer one. */
  String remembered(String key) {
    if (key.length() <= MAX_KEPT) {
      return key;
    }
    if (sha256 == null) {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
    byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
    return "#" + HexFormat.of().formatHex(digest);
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
