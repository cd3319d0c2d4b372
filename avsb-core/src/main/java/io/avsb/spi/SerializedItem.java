package io.avsb.spi;

import java.util.Objects;

/**
 * A flag or segment as a {@link PersistentStore} holds it: its JSON text in the A vs B flag model
 * (a deleted item is a tombstone, {@code {"key": ..., "version": N, "deleted": true}}) and its
 * version, which versioned upserts compare. Immutable and thread-safe.
 *
 * @param version the item's version
 * @param json the item's JSON text
 */
public record SerializedItem(int version, String json) {
  /** Checks that the JSON text is present. */
  public SerializedItem {
    Objects.requireNonNull(json, "json");
  }
}
