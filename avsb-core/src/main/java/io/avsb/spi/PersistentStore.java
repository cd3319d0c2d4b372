package io.avsb.spi;

import java.io.Closeable;
import java.util.Map;

/**
 * A store shared by the instances of a fleet, holding the last data set a writer saw, such as
 * Redis. It sits beside the in-memory flag store and is never on the evaluation path: an instance
 * with a data source writes every full data set and every update through to it; a daemon-mode
 * instance, with no data source of its own, reads it at start and follows its change notices; an
 * instance whose service is unreachable at start begins from it.
 *
 * <p>Items are opaque JSON text to the store except for their version. Every operation may block
 * on I/O for up to the store's timeouts, and throws {@link PersistentStoreException} when the store
 * is unreachable; the SDK calls them from its data source and scheduler threads, never from a
 * request. Implementations must be thread-safe.
 */
public interface PersistentStore extends Closeable {
  /**
   * Replaces the whole data set with {@code data} atomically (a reader sees the old set or the new
   * one, never a mix), marks the store initialised, and tells followers the set was replaced.
   */
  void init(PersistentDataSet data);

  /** The stored item {@code key} of {@code kind} (possibly a tombstone), or null. */
  SerializedItem get(DataKind kind, String key);

  /** Every stored item of {@code kind}, tombstones included. */
  Map<String, SerializedItem> getAll(DataKind kind);

  /**
   * Both kinds read together, with {@link PersistentDataSet#generation()} set, or null when the
   * store was never initialised.
   */
  PersistentDataSet readAll();

  /**
   * Stores {@code item} under {@code key} of {@code kind} if no item is stored there or the stored
   * one's version is lower, checked inside the store so that concurrent writers cannot overwrite a
   * newer version; tells followers when it did. Returns whether it was stored.
   */
  boolean upsert(DataKind kind, String key, SerializedItem item);

  /** Whether a whole data set was ever written. */
  boolean isInitialized();

  /** Whether the store answers now; never throws. */
  boolean isAvailable();

  /**
   * A counter the store raises with every change, for a cheap check that nothing was missed; -1
   * when the store keeps none (a follower then reads everything at each resync).
   */
  default long generation() {
    return -1;
  }

  /**
   * Subscribes {@code listener} to change notices and returns once the subscription is in place,
   * so that a full read made after it misses nothing. Returns null when the store has no change
   * notices (followers then rely on their periodic resync).
   */
  StoreSubscription follow(StoreChangeListener listener);

  /** Releases connections and threads; must not throw. */
  @Override
  void close();
}
