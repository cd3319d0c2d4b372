package io.avsb.internal.persist;

import io.avsb.StoreStatus;
import io.avsb.StoreStatus.State;
import io.avsb.StoreStatusProvider;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server's {@link StoreStatus} and tells listeners of each change on the notifier, in the
 * order of the changes. Thread-safe.
 */
public final class StoreStatusTracker implements StoreStatusProvider {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.persistence");

  private final Clock clock;
  private final Executor notifier;
  private final List<Consumer<StoreStatus>> listeners = new CopyOnWriteArrayList<>();
  // Guarded by this; volatile for lock-free reads. Hand-offs to the notifier happen under the
  // lock, so listeners hear changes in order.
  private volatile StoreStatus current;

  private StoreStatusTracker(Clock clock, Executor notifier, State initial) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.current = new StoreStatus(initial, false, clock.instant(), null);
  }

  /** The status of a server with no persistent store; it never changes. */
  public static StoreStatusTracker notConfigured(Clock clock) {
    return new StoreStatusTracker(clock, Runnable::run, State.NOT_CONFIGURED);
  }

  /** A tracker starting {@link State#AVAILABLE}, whose listeners run on {@code notifier}. */
  public static StoreStatusTracker of(Clock clock, Executor notifier) {
    return new StoreStatusTracker(clock, notifier, State.AVAILABLE);
  }

  @Override
  public StoreStatus status() {
    return current;
  }

  @Override
  public void addStatusListener(Consumer<StoreStatus> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeStatusListener(Consumer<StoreStatus> listener) {
    if (listener != null) {
      listeners.remove(listener);
    }
  }

  /** Records that the store answered. */
  void available() {
    change(State.AVAILABLE, current.servingStoreData(), null);
  }

  /** Records that the store failed with {@code error} (no password in it). */
  void unavailable(String error) {
    change(State.UNAVAILABLE, current.servingStoreData(), Objects.requireNonNull(error, "error"));
  }

  /** Records whether the flags in memory came from the store. */
  void servingStoreData(boolean fromStore) {
    change(current.state(), fromStore, null);
  }

  private synchronized void change(State state, boolean fromStore, String error) {
    StoreStatus old = current;
    if (old.state() == State.NOT_CONFIGURED) {
      return;
    }
    if (old.state() == state && old.servingStoreData() == fromStore
        && (error == null || error.equals(old.lastError()))) {
      return;
    }
    StoreStatus next = new StoreStatus(state, fromStore,
        old.state() == state ? old.stateSince() : clock.instant(),
        error != null ? error : old.lastError());
    current = next;
    if (!listeners.isEmpty()) {
      notifier.execute(() -> notifyListeners(next));
    }
  }

  private void notifyListeners(StoreStatus status) {
    for (Consumer<StoreStatus> l : listeners) {
      try {
        l.accept(status);
      } catch (RuntimeException e) {
        LOG.warn("A store status listener threw {}; ignored", e.toString());
      }
    }
  }
}
