package io.avsb.internal.store;

/**
 * A flag or segment as the store holds it: the item with its version, or a tombstone (a deleted
 * item, {@code item == null}) that keeps its version so that an older update cannot bring the item
 * back. Immutable and thread-safe when {@code T} is.
 *
 * @param version the item's version
 * @param item the parsed item, or null for a tombstone
 * @param <T> {@link Flag} or {@link Segment}
 */
public record StoredItem<T>(int version, T item) {
  /** A tombstone for an item deleted at {@code version}. */
  public static <T> StoredItem<T> tombstone(int version) {
    return new StoredItem<>(version, null);
  }

  /** True when this is a deleted item. */
  public boolean isDeleted() {
    return item == null;
  }
}
