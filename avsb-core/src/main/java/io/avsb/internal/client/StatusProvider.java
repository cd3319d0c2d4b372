package io.avsb.internal.client;

import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatusProvider;
import io.avsb.internal.store.DataSourceStatusTracker;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** The public face of a server's {@link DataSourceStatusTracker}. Thread-safe. */
final class StatusProvider implements DataSourceStatusProvider {
  private final DataSourceStatusTracker tracker;

  StatusProvider(DataSourceStatusTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  @Override
  public DataSourceStatus status() {
    return tracker.current();
  }

  @Override
  public void addStatusListener(Consumer<DataSourceStatus> listener) {
    tracker.addListener(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeStatusListener(Consumer<DataSourceStatus> listener) {
    if (listener != null) {
      tracker.removeListener(listener);
    }
  }

  @Override
  public boolean waitFor(DataSourceStatus.State state, Duration timeout) {
    return tracker.waitFor(Objects.requireNonNull(state, "state"), timeout);
  }
}
