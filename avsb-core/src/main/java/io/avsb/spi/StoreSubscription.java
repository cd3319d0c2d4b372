package io.avsb.spi;

import java.io.Closeable;

/**
 * A running subscription to a {@link PersistentStore}'s change notices. Thread-safe.
 */
public interface StoreSubscription extends Closeable {
  /** Ends the subscription and stops its thread; no notices come after it returns. Never throws. */
  @Override
  void close();
}
