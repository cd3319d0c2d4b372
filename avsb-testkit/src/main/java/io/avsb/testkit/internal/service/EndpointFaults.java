package io.avsb.testkit.internal.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The faults armed for one endpoint of the test service: queued error statuses, queued malformed
 * bodies and a response delay. Each armed fault is used up by one request. Thread-safe.
 */
public final class EndpointFaults {
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private int malformed;
  private Duration delay = Duration.ZERO;

  /** Arms {@code count} failures answering {@code status}. */
  public synchronized void failNext(int count, int status) {
    for (int i = 0; i < count; i++) {
      statuses.add(status);
    }
  }

  /** Takes the next armed failure status, or 0 when none is armed. */
  public synchronized int takeFailure() {
    Integer s = statuses.poll();
    return s == null ? 0 : s;
  }

  /** Arms {@code count} malformed answers. */
  public synchronized void malformedNext(int count) {
    malformed += count;
  }

  /** Uses up one armed malformed answer; true if one was armed. */
  public synchronized boolean takeMalformed() {
    if (malformed == 0) {
      return false;
    }
    malformed--;
    return true;
  }

  /** Sets the delay before every answer (zero: none). */
  public synchronized void delay(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  /** The delay before every answer. */
  public synchronized Duration delay() {
    return delay;
  }
}
