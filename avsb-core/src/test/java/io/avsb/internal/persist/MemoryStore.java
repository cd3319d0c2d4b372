package io.avsb.internal.persist;

import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.PersistentStoreException;
import io.avsb.spi.PersistentStoreFactory;
import io.avsb.spi.SerializedItem;
import io.avsb.spi.StoreChangeListener;
import io.avsb.spi.StoreSubscription;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A persistent store in memory for tests: versioned upserts, a change counter, notices delivered
 * in order on one thread of its own, a switch that makes every operation fail as an unreachable
 * store does, and counts of full writes. Shared by several servers like a real store. Thread-safe.
 */
final class MemoryStore implements PersistentStoreFactory, AutoCloseable {
  private final Map<DataKind, Map<String, SerializedItem>> items = new EnumMap<>(DataKind.class);
  private final List<StoreChangeListener> followers = new CopyOnWriteArrayList<>();
  private final ExecutorService notices = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "memory-store-notices");
    t.setDaemon(true);
    return t;
  });
  final AtomicInteger fullWrites = new AtomicInteger();
  final AtomicInteger upserts = new AtomicInteger();
  private volatile boolean available = true;
  private boolean initialized; // guarded by this
  private long generation; // guarded by this

  MemoryStore() {
    for (DataKind kind : DataKind.values()) {
      items.put(kind, new HashMap<>());
    }
  }

  @Override
  public PersistentStore create(DataSourceContext context) {
    return new Handle();
  }

  /** Makes every operation fail (false) or work again (true); going down ends subscriptions. */
  void available(boolean up) {
    available = up;
    if (!up) {
      for (StoreChangeListener l : followers) {
        followers.remove(l);
        notices.execute(() -> l.subscriptionLost("the memory store went down"));
      }
    }
  }

  /** Forgets everything, as a store restarted without persistence. */
  synchronized void wipe() {
    items.values().forEach(Map::clear);
    initialized = false;
  }

  /** Writes an item behind every follower's back: no notice, but the counter moves. */
  synchronized void putSilently(DataKind kind, String key, SerializedItem item) {
    items.get(kind).put(key, item);
    generation++;
  }

  /** Publishes a notice with an arbitrary counter, as if earlier notices were lost. */
  void announce(long changeGeneration, DataKind kind, String key, SerializedItem item) {
    for (StoreChangeListener l : followers) {
      notices.execute(() -> l.itemChanged(changeGeneration, kind, key, item));
    }
  }

  synchronized SerializedItem item(DataKind kind, String key) {
    return items.get(kind).get(key);
  }

  synchronized boolean initialized() {
    return initialized;
  }

  @Override
  public void close() {
    notices.shutdownNow();
  }

  private void check() {
    if (!available) {
      throw new PersistentStoreException("the memory store is down");
    }
  }

  private final class Handle implements PersistentStore {
    @Override
    public void init(PersistentDataSet data) {
      check();
      synchronized (MemoryStore.this) {
        for (DataKind kind : DataKind.values()) {
          items.put(kind, new HashMap<>(data.items(kind)));
        }
        initialized = true;
        generation++;
        fullWrites.incrementAndGet();
        for (StoreChangeListener l : followers) {
          notices.execute(l::dataSetReplaced);
        }
      }
    }

    @Override
    public SerializedItem get(DataKind kind, String key) {
      check();
      return item(kind, key);
    }

    @Override
    public Map<String, SerializedItem> getAll(DataKind kind) {
      check();
      synchronized (MemoryStore.this) {
        return Map.copyOf(items.get(kind));
      }
    }

    @Override
    public PersistentDataSet readAll() {
      check();
      synchronized (MemoryStore.this) {
        return initialized ? new PersistentDataSet(items.get(DataKind.FLAGS),
            items.get(DataKind.SEGMENTS), generation) : null;
      }
    }

    @Override
    public boolean upsert(DataKind kind, String key, SerializedItem item) {
      check();
      synchronized (MemoryStore.this) {
        SerializedItem old = items.get(kind).get(key);
        if (old != null && old.version() >= item.version()) {
          return false;
        }
        items.get(kind).put(key, item);
        long g = ++generation;
        upserts.incrementAndGet();
        for (StoreChangeListener l : followers) {
          notices.execute(() -> l.itemChanged(g, kind, key, item));
        }
        return true;
      }
    }

    @Override
    public boolean isInitialized() {
      check();
      return initialized();
    }

    @Override
    public boolean isAvailable() {
      return available;
    }

    @Override
    public long generation() {
      check();
      synchronized (MemoryStore.this) {
        return generation;
      }
    }

    @Override
    public StoreSubscription follow(StoreChangeListener listener) {
      check();
      followers.add(listener);
      return () -> followers.remove(listener);
    }

    @Override
    public void close() {}
  }
}
