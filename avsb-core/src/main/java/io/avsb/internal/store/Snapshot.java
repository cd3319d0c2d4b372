package io.avsb.internal.store;

import io.avsb.spi.DataKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One consistent, immutable view of every flag and segment. Lookups take no lock and allocate
 * nothing. Updates build a new snapshot ({@link #withItem}); the {@link FlagStore} publishes it.
 * Thread-safe.
 */
public final class Snapshot implements DataLookup {
  private static final Snapshot EMPTY = new Snapshot(false, new HashMap<>(), new HashMap<>());

  private final boolean initialized;
  private final HashMap<String, StoredItem<Flag>> flags;
  private final HashMap<String, StoredItem<Segment>> segments;

  private Snapshot(
      boolean initialized,
      HashMap<String, StoredItem<Flag>> flags,
      HashMap<String, StoredItem<Segment>> segments) {
    this.initialized = initialized;
    this.flags = flags;
    this.segments = segments;
  }

  /** The snapshot of a store that has received no full data set yet. */
  public static Snapshot empty() {
    return EMPTY;
  }

  /** A snapshot of a full data set; the maps are copied. */
  public static Snapshot of(
      Map<String, StoredItem<Flag>> flags, Map<String, StoredItem<Segment>> segments) {
    return new Snapshot(true, new HashMap<>(flags), new HashMap<>(segments));
  }

  /** True once a full data set was stored. */
  public boolean initialized() {
    return initialized;
  }

  @Override
  public Flag flag(String key) {
    StoredItem<Flag> item = flags.get(key);
    return item == null ? null : item.item();
  }

  @Override
  public Segment segment(String key) {
    StoredItem<Segment> item = segments.get(key);
    return item == null ? null : item.item();
  }

  /** The stored item or tombstone {@code key} of {@code kind}, or null. */
  public StoredItem<?> stored(DataKind kind, String key) {
    return kind == DataKind.FLAGS ? flags.get(key) : segments.get(key);
  }

  /** How many flags are stored, tombstones not counted. Walks them: not for the evaluation path. */
  public int flagCount() {
    int n = 0;
    for (StoredItem<Flag> item : flags.values()) {
      if (item.item() != null) {
        n++;
      }
    }
    return n;
  }

  /** Every stored flag and flag tombstone, read-only. */
  public Map<String, StoredItem<Flag>> flags() {
    return Collections.unmodifiableMap(flags);
  }

  /** Every stored segment and segment tombstone, read-only. */
  public Map<String, StoredItem<Segment>> segments() {
    return Collections.unmodifiableMap(segments);
  }

  /**
   * This snapshot with {@code item} stored under {@code key} of {@code kind}, or this snapshot
   * itself when the stored version is not lower than the item's.
   */
  @SuppressWarnings("unchecked")
  Snapshot withItem(DataKind kind, String key, StoredItem<?> item) {
    StoredItem<?> old = stored(kind, key);
    if (old != null && old.version() >= item.version()) {
      return this;
    }
    if (kind == DataKind.FLAGS) {
      HashMap<String, StoredItem<Flag>> copy = new HashMap<>(flags);
      copy.put(key, (StoredItem<Flag>) item);
      return new Snapshot(initialized, copy, segments);
    }
    HashMap<String, StoredItem<Segment>> copy = new HashMap<>(segments);
    copy.put(key, (StoredItem<Segment>) item);
    return new Snapshot(initialized, flags, copy);
  }
}
