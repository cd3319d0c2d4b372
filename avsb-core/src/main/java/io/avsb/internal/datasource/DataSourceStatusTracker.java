package io.avsb.internal.datasource;

import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.DataSourceStatus.State;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data source's current {@link DataSourceStatus} and tells listeners of each change.
 * The state's {@code stateSince} moves only when the state changes; the last error is kept until a
 * newer one arrives. Listeners run on the thread that reported the change and must return quickly;
 * one that throws is logged and does not stop the others. Thread-safe.
 */
public final class DataSourceStatusTracker {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.datasource");

  private final Clock clock;
  private final AtomicReference<DataSourceStatus> current;
  private final List<Consumer<DataSourceStatus>> listeners = new CopyOnWriteArrayList<>();

  /** A tracker starting in {@link State#INITIALIZING}, reading time from {@code clock}. */
  public DataSourceStatusTracker(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.current = new AtomicReference<>(
        new DataSourceStatus(State.INITIALIZING, clock.instant(), null));
  }

  /** The current status. */
  public DataSourceStatus current() {
    return current.get();
  }

  /** Records a new state and, when not null, a new error; tells listeners if anything changed. */
  public void update(State state, ErrorInfo error) {
    Objects.requireNonNull(state, "state");
    while (true) {
      DataSourceStatus old = current.get();
      if (old.state() == state && error == null) {
        return;
      }
      DataSourceStatus next = new DataSourceStatus(
          state,
          old.state() == state ? old.stateSince() : clock.instant(),
          error != null ? error : old.lastError());
      if (current.compareAndSet(old, next)) {
        notifyListeners(next);
        return;
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
