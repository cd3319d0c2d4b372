package io.avsb;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The state of a server's data source, and notice of its changes: from {@link
 * AvsbServer#dataSourceStatusProvider()} or {@link AsyncAvsbServer#dataSourceStatusProvider()}.
 *
 * <p>Listeners are called on the server's notifier thread ({@code avsb-notifier-N}), one change at
 * a time, in the order the changes happened; never on a network thread. They should return
 * quickly, as they delay the notices after them. A listener that throws is logged and the others
 * are still called. Thread-safe.
 */
public interface DataSourceStatusProvider {
  /** The current state and last error. Cheap; takes no lock. */
  DataSourceStatus status();

  /** Adds {@code listener}, called with every later change of state or error. */
  void addStatusListener(Consumer<DataSourceStatus> listener);

  /** Removes a listener added before; unknown listeners are ignored. */
  void removeStatusListener(Consumer<DataSourceStatus> listener);

  /**
   * Blocks up to {@code timeout} until the state is {@code state}. Returns true when it is; false on
   * timeout, or at once when the source is {@link DataSourceStatus.State#OFF} (it will not change
   * again) and {@code state} is not. An interrupt ends the wait and stays set.
   */
  boolean waitFor(DataSourceStatus.State state, Duration timeout);
}
