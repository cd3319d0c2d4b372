package io.avsb.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A whole data set as serialized items, by key: what a {@link PersistentStore} is initialised with
 * and what a full read returns. Immutable (the maps are copied) and thread-safe.
 *
 * @param flags the flags and flag tombstones
 * @param segments the segments and segment tombstones
 * @param generation on a full read, the store's change counter at the time of the read ({@link
 *     PersistentStore#generation()}); {@code -1} when unknown or when writing
 */
public record PersistentDataSet(
    Map<String, SerializedItem> flags, Map<String, SerializedItem> segments, long generation) {
  /** Copies the maps; neither may be null. */
  public PersistentDataSet {
    flags = Map.copyOf(Objects.requireNonNull(flags, "flags"));
    segments = Map.copyOf(Objects.requireNonNull(segments, "segments"));
  }

  /** The items of {@code kind}. */
  public Map<String, SerializedItem> items(DataKind kind) {
    return kind == DataKind.FLAGS ? flags : segments;
  }
}
