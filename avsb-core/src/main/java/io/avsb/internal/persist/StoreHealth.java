package io.avsb.internal.persist;

import io.avsb.StoreStatus;
import io.avsb.internal.datasource.Backoff;
import io.avsb.internal.log.LogText;
import io.avsb.spi.PersistentStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the persistent store answers, and the way back when it does not: the first failure marks
 * the store {@link StoreStatus.State#UNAVAILABLE} (one warning) and schedules the recovery action
 * with exponential backoff (the configured first reconnect delay, doubling, with jitter, capped at
 * 5 s rather than the stream's 30 s: a retry is one cheap round trip to infrastructure the
 * operator runs, and readers catch up sooner), until it completes without throwing; then the store
 * is available again (one info line). While unavailable, writers skip the store instead of waiting
 * on it. Thread-safe.
 */
final class StoreHealth {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.persistence");
  /** The longest delay between retries, before jitter. */
  static final Duration MAX_DELAY = Duration.ofSeconds(5);

  private final StoreStatusTracker status;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Backoff backoff;
  private volatile Runnable recovery = () -> {};
  private boolean retrying; // guarded by this
  private ScheduledFuture<?> pending; // guarded by this
  private boolean closed; // guarded by this

  StoreHealth(StoreStatusTracker status, ScheduledExecutorService scheduler, Clock clock,
      Duration firstDelay) {
    this.status = Objects.requireNonNull(status, "status");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = new Backoff(firstDelay);
  }

  /**
   * Sets what a retry does: it throws (a {@link PersistentStoreException}, typically) while the
   * store is still unusable.
   */
  void recoverWith(Runnable recovery) {
    this.recovery = Objects.requireNonNull(recovery, "recovery");
  }

  /** Whether the last operation on the store succeeded. */
  boolean isAvailable() {
    return status.status().state() == StoreStatus.State.AVAILABLE;
  }

  /** {@code operation} failed with {@code e}: unavailable, and a retry is scheduled unless one is. */
  void failed(String operation, RuntimeException e) {
    String error = operation + ": " + describe(e);
    boolean wasAvailable;
    synchronized (this) {
      if (closed) {
        return;
      }
      wasAvailable = isAvailable();
      status.unavailable(error);
      if (!retrying) {
        retrying = true;
        scheduleLocked();
      }
    }
    if (wasAvailable) {
      LOG.warn("The persistent store is unavailable ({}); the flags in memory stay in use and the"
          + " store is retried with backoff", LogText.of(error));
    }
  }

  /** An operation outside a retry succeeded. */
  void succeeded() {
    synchronized (this) {
      if (retrying || closed) {
        return; // the retry decides, so that its action runs once the store is back
      }
    }
    status.available();
  }

  /** Stops retrying. */
  synchronized void close() {
    closed = true;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  private void scheduleLocked() {
    Duration delay = backoff.nextDelay(clock.instant());
    if (delay.compareTo(MAX_DELAY) > 0) {
      double jitter = ThreadLocalRandom.current().nextDouble() / 2;
      delay = MAX_DELAY.minusNanos((long) (MAX_DELAY.toNanos() * jitter));
    }
    try {
      pending = scheduler.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      closed = true; // the server is closing
    }
  }

  private void attempt() {
    synchronized (this) {
      if (closed) {
        return;
      }
      pending = null;
    }
    try {
      recovery.run();
    } catch (RuntimeException e) {
      synchronized (this) {
        if (!closed) {
          status.unavailable("retry: " + describe(e));
          scheduleLocked();
        }
      }
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      retrying = false;
      backoff.connected(clock.instant());
      status.available();
    }
    LOG.info("The persistent store is available again");
  }

  private static String describe(RuntimeException e) {
    return e instanceof PersistentStoreException ? e.getMessage() : e.toString();
  }
}
