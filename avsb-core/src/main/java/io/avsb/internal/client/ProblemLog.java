package io.avsb.internal.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Decides which problems get logged: each distinct problem (a category such as an error kind,
 * and a key such as a flag key) once, so that a broken flag read on every request logs one line,
 * not one per request. The set is bounded; past its capacity one line says further problems are
 * not logged. A repeated problem is checked without allocating. Thread-safe.
 */
final class ProblemLog {
  private static final int MAX_KEY = 256;
  private final Logger log;
  private final int capacity;
  private final ConcurrentHashMap<Enum<?>, ConcurrentHashMap<String, Boolean>> seen =
      new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicBoolean full = new AtomicBoolean();

  ProblemLog(Logger log, int capacity) {
    this.log = log;
    this.capacity = capacity;
  }

  /**
   * True the first time {@code (category, key)} is seen; the caller then logs it. A key longer
   * than 256 characters (a caller's runaway flag key) is remembered by its start, hash and length,
   * so the set's memory stays small.
   */
  boolean firstTime(Enum<?> category, String key) {
    String k = key == null ? "" : key.length() <= MAX_KEY ? key
        : key.substring(0, MAX_KEY) + '#' + key.hashCode() + '/' + key.length();
    ConcurrentHashMap<String, Boolean> keys = seen.get(category);
    if (keys == null) {
      keys = seen.computeIfAbsent(category, c -> new ConcurrentHashMap<>());
    } else if (keys.containsKey(k)) {
      return false;
    }
    if (count.get() >= capacity) {
      if (full.compareAndSet(false, true)) {
        log.warn("More than {} distinct flag and event problems were logged; further ones are not",
            capacity);
      }
      return false;
    }
    if (keys.putIfAbsent(k, Boolean.TRUE) != null) {
      return false;
    }
    count.incrementAndGet();
    return true;
  }
}
