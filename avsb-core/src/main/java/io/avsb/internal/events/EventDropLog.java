package io.avsb.internal.events;

import io.avsb.internal.log.LogText;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Says once why events of one key were dropped (too big, or no JSON form), so that a bad {@code
 * track} call made on every request logs one line, not one per request. Keys are remembered in
 * their escaped, shortened form, up to a capacity; past it one line says further ones are not
 * logged. Thread-safe.
 */
final class EventDropLog {
  private final Logger log;
  private final int capacity;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean full = new AtomicBoolean();

  EventDropLog(Logger log, int capacity) {
    this.log = log;
    this.capacity = capacity;
  }

  /**
   * Logs at WARN that a {@code kind} event of {@code key} was dropped because of {@code reason}
   * ({@code detail} adds the specifics), unless that was said before for the same kind, key and
   * reason.
   */
  void dropped(String kind, String key, String reason, Object detail) {
    String shown = LogText.of(key);
    String id = kind + ' ' + shown + ' ' + reason;
    if (seen.contains(id)) {
      return;
    }
    if (seen.size() >= capacity) {
      if (full.compareAndSet(false, true)) {
        log.warn("More than {} kinds of dropped events were logged; further ones are not", capacity);
      }
      return;
    }
    if (seen.add(id)) {
      log.warn("Dropped a {} event {}: {} ({}); said once for this event and reason", kind, shown,
          reason, detail);
    }
  }
}
