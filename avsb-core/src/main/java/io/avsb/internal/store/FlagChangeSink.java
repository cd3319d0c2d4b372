package io.avsb.internal.store;

import java.util.Set;

/**
 * Where {@link StoreUpdates} reports which flags an update may have changed. Implementations must
 * return quickly and not call back into the store: they are called while the update's lock is
 * held, on the data source's thread. Thread-safe.
 */
public interface FlagChangeSink {
  /** A sink that wants nothing; the store then computes no changes. */
  FlagChangeSink NONE = new FlagChangeSink() {
    @Override
    public boolean active() {
      return false;
    }

    @Override
    public void flagsChanged(Set<String> flagKeys) {}
  };

  /** Whether anyone listens; when false the store skips computing what changed. */
  boolean active();

  /** The keys of the flags affected by one update, in key order; never empty. */
  void flagsChanged(Set<String> flagKeys);
}
