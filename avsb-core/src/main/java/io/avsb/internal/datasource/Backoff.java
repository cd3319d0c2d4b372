package io.avsb.internal.datasource;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The reconnect delays of the stream: {@code base} doubled for each consecutive failure, capped at
 * 30 s, minus a random jitter of up to half the delay (so each delay lies in {@code [d/2, d]}). The
 * count of failures starts over once a connection has stayed healthy for 60 s. Thread-safe.
 */
public final class Backoff {
  /** The longest delay before jitter. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(30);
  /** How long a connection must stay healthy for the delays to start over from the base. */
  public static final Duration RESET_AFTER = Duration.ofSeconds(60);

  private final long baseNanos;
  private final long maxNanos;
  private final Duration resetAfter;
  private final DoubleSupplier jitter;
  private int failures;
  private Instant healthySince;

  /** Delays starting at {@code base}, with random jitter. */
  public Backoff(Duration base) {
    this(base, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Delays starting at {@code base}; {@code jitter} gives numbers in {@code [0, 1)}. */
  public Backoff(Duration base, DoubleSupplier jitter) {
    this(base, MAX_DELAY, RESET_AFTER, jitter);
  }

  Backoff(Duration base, Duration max, Duration resetAfter, DoubleSupplier jitter) {
    Objects.requireNonNull(base, "base");
    if (base.isZero() || base.isNegative()) {
      throw new IllegalArgumentException("base must be positive, was " + base);
    }
    this.baseNanos = base.toNanos();
    this.maxNanos = Math.max(baseNanos, max.toNanos());
    this.resetAfter = Objects.requireNonNull(resetAfter, "resetAfter");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
  }

  /** Records that a connection became healthy at {@code now}. */
  public synchronized void connected(Instant now) {
    healthySince = Objects.requireNonNull(now, "now");
  }

  /** Records a failure at {@code now} and returns how long to wait before the next attempt. */
  public synchronized Duration nextDelay(Instant now) {
    Objects.requireNonNull(now, "now");
    if (healthySince != null && Duration.between(healthySince, now).compareTo(resetAfter) >= 0) {
      failures = 0;
    }
    healthySince = null;
    long delay = baseNanos;
    for (int i = 0; i < failures && delay < maxNanos; i++) {
      delay = delay > maxNanos / 2 ? maxNanos : delay * 2;
    }
    delay = Math.min(delay, maxNanos);
    if (failures < Integer.MAX_VALUE) {
      failures++;
    }
    double j = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofNanos(delay - (long) (delay * j / 2));
  }
}
