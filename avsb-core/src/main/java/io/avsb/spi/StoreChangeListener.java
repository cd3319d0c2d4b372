package io.avsb.spi;

/**
 * Told by a {@link PersistentStore} of changes that writers made, in the order the store applied
 * them; see {@link PersistentStore#follow}. Calls come one at a time on the store's subscriber
 * thread. Implementations must be thread-safe and must not throw.
 */
public interface StoreChangeListener {
  /**
   * Item {@code key} of {@code kind} was stored as {@code item} (possibly a tombstone). {@code
   * generation} is the store's change counter after this change (see {@link
   * PersistentStore#generation()}), or {@code -1} when the store keeps none; a gap in the counter
   * means notices were missed.
   */
  void itemChanged(long generation, DataKind kind, String key, SerializedItem item);

  /** A writer replaced the whole data set; read it again. */
  void dataSetReplaced();

  /**
   * The subscription ended because the connection to the store failed; no more notices come
   * through it. {@code reason} says why and contains no password.
   */
  void subscriptionLost(String reason);
}
