package io.avsb.internal.store;

import io.avsb.spi.DataKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link Snapshot} of flags and segments. Readers take the snapshot without a
 * lock; writers replace it with a compare-and-set loop, so that concurrent versioned updates never
 * lose one another. Thread-safe.
 */
public final class FlagStore {
  private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.empty());
  private final CompletableFuture<Void> initialized = new CompletableFuture<>();
  private final Clock clock;
  private volatile Instant lastUpdate;

  /** A store reading the time of its updates from the system clock. */
  public FlagStore() {
    this(Clock.systemUTC());
  }

  /** A store reading the time of its updates from {@code clock}. */
  public FlagStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The current snapshot; evaluate a whole request against one snapshot for consistency. */
  public Snapshot snapshot() {
    return current.get();
  }

  /** Completes when the first full data set has been stored; never completes exceptionally. */
  public CompletableFuture<Void> whenInitialized() {
    return initialized;
  }

  /**
   * When data was last stored: a full data set, or an item that was applied; null before the
   * first. Stale updates (versions not above the stored one) do not count.
   */
  public Instant lastUpdate() {
    return lastUpdate;
  }

  /** Replaces all data; returns the snapshot replaced. */
  public Snapshot init(Map<String, StoredItem<Flag>> flags, Map<String, StoredItem<Segment>> segments) {
    return init(Snapshot.of(flags, segments));
  }

  /** Replaces all data with a loaded snapshot; returns the snapshot replaced. */
  Snapshot init(Snapshot loaded) {
    Snapshot old = current.getAndSet(loaded);
    lastUpdate = clock.instant();
    initialized.complete(null);
    return old;
  }

  /**
   * Stores {@code item} (an item or a tombstone) under {@code key} if its version is higher than
   * the stored one's, or nothing is stored yet. Returns whether it was applied.
   */
  public boolean upsert(DataKind kind, String key, StoredItem<?> item) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(item, "item");
    while (true) {
      Snapshot old = current.get();
      Snapshot next = old.withItem(kind, key, item);
      if (next == old) {
        return false;
      }
      if (current.compareAndSet(old, next)) {
        lastUpdate = clock.instant();
        return true;
      }
    }
  }
}
