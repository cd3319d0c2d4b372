package io.avsb.internal.store;

import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.DataSourceStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data source's current {@link DataSourceStatus} and tells listeners of each change.
 * The state's {@code stateSince} moves only when the state changes; the last error is kept until a
 * newer one arrives. Listeners run on the tracker's executor (the server's notifier thread), in the
 * order of the changes, so never on a data source's thread while it holds a lock; one that throws
 * is logged and does not stop the others. Thread-safe.
 */
public final class DataSourceStatusTracker {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.datasource");

  private final Clock clock;
  private final Executor notifier;
  private final List<Consumer<DataSourceStatus>> listeners = new CopyOnWriteArrayList<>();
  // Guarded by this; volatile for lock-free reads. Changes and their hand-off to the notifier
  // happen under the lock, so listeners hear them in order.
  private volatile DataSourceStatus current;

  /**
   * A tracker starting in {@link State#INITIALIZING}, reading time from {@code clock}, calling
   * listeners on the reporting thread (for tests and tools).
   */
  public DataSourceStatusTracker(Clock clock) {
    this(clock, Runnable::run);
  }

  /** A tracker as above whose listeners run on {@code notifier}. */
  public DataSourceStatusTracker(Clock clock, Executor notifier) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.current = new DataSourceStatus(State.INITIALIZING, clock.instant(), null);
  }

  /** The current status. */
  public DataSourceStatus current() {
    return current;
  }

  /** Records a new state and, when not null, a new error; tells listeners if anything changed. */
  public void update(State state, ErrorInfo error) {
    Objects.requireNonNull(state, "state");
    synchronized (this) {
      DataSourceStatus old = current;
      if (old.state() == state && error == null) {
        return;
      }
      DataSourceStatus next = new DataSourceStatus(
          state,
          old.state() == state ? old.stateSince() : clock.instant(),
          error != null ? error : old.lastError());
      current = next;
      notifyAll();
      if (!listeners.isEmpty()) {
        notifier.execute(() -> notifyListeners(next));
      }
    }
  }

  /**
   * Waits up to {@code timeout} for the state to be {@code state}. Returns true when it is, false
   * on timeout or when the source is {@link State#OFF} (it will not change again) and {@code
   * state} is not. An interrupt ends the wait and stays set.
   */
  public boolean waitFor(State state, Duration timeout) {
    Objects.requireNonNull(state, "state");
    // capped so that the deadline cannot overflow
    long left = timeout == null || timeout.isNegative()
        ? 0
        : Math.min(saturatedNanos(timeout), Long.MAX_VALUE / 4);
    long deadline = System.nanoTime() + left;
    synchronized (this) {
      while (true) {
        State now = current.state();
        if (now == state) {
          return true;
        }
        if (now == State.OFF || left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return current.state() == state;
        }
        left = deadline - System.nanoTime();
      }
    }
  }

  /** Adds a listener told of every later change. */
  public void addListener(Consumer<DataSourceStatus> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before. */
  public void removeListener(Consumer<DataSourceStatus> listener) {
    listeners.remove(listener);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private void notifyListeners(DataSourceStatus status) {
    for (Consumer<DataSourceStatus> l : listeners) {
      try {
        l.accept(status);
      } catch (RuntimeException e) {
        LOG.warn("A data source status listener threw {}; ignored", e.toString());
      }
    }
  }
}
