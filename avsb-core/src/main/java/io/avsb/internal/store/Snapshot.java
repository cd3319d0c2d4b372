package io.avsb.internal.store;

import io.avsb.spi.DataKind;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One consistent, immutable view of every flag and segment. Lookups take no lock and allocate
 * nothing. Updates build a new snapshot ({@link #withItem}) that shares all but a few trie nodes
 * with this one (see {@link ItemMap}), so an update costs the same whatever the number of flags;
 * the {@link FlagStore} publishes it. Items are held as themselves ({@link Flag}, {@link Segment},
 * which carry their version) and deleted ones as a {@link StoredItem} tombstone. Thread-safe.
 */
public final class Snapshot implements DataLookup {
  private static final Snapshot EMPTY = new Snapshot(false, ItemMap.empty(), ItemMap.empty());

  private final boolean initialized;
  private final ItemMap<Object> flags;
  private final ItemMap<Object> segments;

  private Snapshot(boolean initialized, ItemMap<Object> flags, ItemMap<Object> segments) {
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
    return new Snapshot(true, copy(flags), copy(segments));
  }

  /** A snapshot of a full data set loaded item by item. */
  static Snapshot of(ItemMap<Object> flags, ItemMap<Object> segments) {
    return new Snapshot(true, flags, segments);
  }

  private static ItemMap<Object> copy(Map<String, ? extends StoredItem<?>> items) {
    String[] keys = new String[items.size()];
    Object[] values = new Object[items.size()];
    int i = 0;
    for (Map.Entry<String, ? extends StoredItem<?>> e : items.entrySet()) {
      keys[i] = e.getKey();
      values[i++] = held(e.getValue());
    }
    return ItemMap.of(keys, values, i);
  }

  /**
   * What the maps hold for {@code item}: the item itself when it carries the same version, else
   * (a tombstone, or an item stored at another version) the {@link StoredItem}.
   */
  static Object held(StoredItem<?> item) {
    Object it = item.item();
    int version = it instanceof Flag f ? f.version() : it instanceof Segment s ? s.version() : -1;
    return it != null && version == item.version() ? it : item;
  }

  /** True once a full data set was stored. */
  public boolean initialized() {
    return initialized;
  }

  @Override
  public Flag flag(String key) {
    Object held = flags.get(key);
    if (held instanceof Flag f) {
      return f;
    }
    return held instanceof StoredItem<?> s && s.item() instanceof Flag f ? f : null;
  }

  @Override
  public Segment segment(String key) {
    Object held = segments.get(key);
    if (held instanceof Segment s) {
      return s;
    }
    return held instanceof StoredItem<?> i && i.item() instanceof Segment s ? s : null;
  }

  /** The stored item or tombstone {@code key} of {@code kind}, or null. */
  public StoredItem<?> stored(DataKind kind, String key) {
    return stored(kind == DataKind.FLAGS ? flags.get(key) : segments.get(key));
  }

  /** How many flags are stored, tombstones not counted. Walks them: not for the evaluation path. */
  public int flagCount() {
    int n = 0;
    for (StoredItem<Flag> item : flags().values()) {
      if (item.item() != null) {
        n++;
      }
    }
    return n;
  }

  /** Every stored flag and flag tombstone, read-only. */
  public Map<String, StoredItem<Flag>> flags() {
    return new StoredView<>(flags);
  }

  /** Every stored segment and segment tombstone, read-only. */
  public Map<String, StoredItem<Segment>> segments() {
    return new StoredView<>(segments);
  }

  /**
   * This snapshot with {@code item} stored under {@code key} of {@code kind}, or this snapshot
   * itself when the stored version is not lower than the item's.
   */
  Snapshot withItem(DataKind kind, String key, StoredItem<?> item) {
    StoredItem<?> old = stored(kind, key);
    if (old != null && old.version() >= item.version()) {
      return this;
    }
    if (kind == DataKind.FLAGS) {
      return new Snapshot(initialized, flags.with(key, held(item)), segments);
    }
    return new Snapshot(initialized, flags, segments.with(key, held(item)));
  }

  @SuppressWarnings("unchecked")
  private static <T> StoredItem<T> stored(Object held) {
    if (held == null || held instanceof StoredItem<?>) {
      return (StoredItem<T>) held;
    }
    int version = held instanceof Flag f ? f.version() : ((Segment) held).version();
    return new StoredItem<>(version, (T) held);
  }

  /** The items of one kind as {@link StoredItem}s, made on access (this is for writers, not evaluation). */
  private static final class StoredView<T> extends AbstractMap<String, StoredItem<T>> {
    private final ItemMap<Object> items;

    StoredView(ItemMap<Object> items) {
      this.items = items;
    }

    @Override
    public StoredItem<T> get(Object key) {
      return key instanceof String s ? stored(items.get(s)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String s && items.get(s) != null;
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public Set<Entry<String, StoredItem<T>>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, StoredItem<T>>> iterator() {
          Iterator<Entry<String, Object>> it = items.asMap().entrySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Entry<String, StoredItem<T>> next() {
              Entry<String, Object> e = it.next();
              return new SimpleImmutableEntry<>(e.getKey(), stored(e.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return items.size();
        }
      };
    }
  }
}
