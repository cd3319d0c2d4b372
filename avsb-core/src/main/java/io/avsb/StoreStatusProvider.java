package io.avsb;

import java.util.function.Consumer;

/**
 * The state of a server's persistent store and notice of its changes: from {@link
 * AvsbServer#storeStatusProvider()} or {@link AsyncAvsbServer#storeStatusProvider()}.
 *
 * <p>Listeners are called on the server's notifier thread ({@code avsb-notifier-N}), one change at
 * a time, in the order the changes happened; never on an I/O thread. A listener that throws is
 * logged and the others are still called. Thread-safe.
 */
public interface StoreStatusProvider {
  /** The current status. Cheap; takes no lock. */
  StoreStatus status();

  /** Adds {@code listener}, called with every later change of state, source of data or error. */
  void addStatusListener(Consumer<StoreStatus> listener);

  /** Removes a listener added before; unknown listeners are ignored. */
  void removeStatusListener(Consumer<StoreStatus> listener);
}
