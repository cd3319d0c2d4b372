package io.avsb.internal.persist;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.PersistentStoreException;
import io.avsb.spi.SerializedItem;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The updates sink of a server with a data source and a persistent store. Each full data set and
 * each update the flag store applies is written through to the persistent store, on the data
 * source's thread, in the order applied; the items written are kept as text so that the whole set
 * can be written again when the store comes back after an outage, or turns out to have lost it (a
 * check every resync interval). While the store is unavailable writes are skipped, not waited on.
 * A full data set equal to the one last written is not written again (a stream reconnect).
 *
 * <p>Start from the store: when the data source reports an error before its first full data set
 * (the service is unreachable at start), the store's data set is read on the scheduler and, if the
 * data source has still delivered nothing, loaded into the flag store through {@code quiet} (which
 * reports no data-source status: the data source's own status stays as it is); the data source's
 * first full data set replaces it. Data read from the store is never written back. Thread-safe.
 */
final class WriteThroughUpdates implements DataSourceUpdates {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.persistence");

  private final DataSourceUpdates target;
  private final DataSourceUpdates quiet;
  private final PersistentStore store;
  private final StoreHealth health;
  private final StoreStatusTracker status;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean storeReadPending = new AtomicBoolean();
  // Held while the flag store and the persistent store are written, so both see the same order.
  private final Object lock = new Object();
  private final Map<DataKind, Map<String, SerializedItem>> written = new EnumMap<>(DataKind.class);
  private boolean sourceInitialized; // guarded by lock
  private boolean fromStore; // guarded by lock
  private boolean dirty; // guarded by lock: the store may not hold what was written
  private volatile ScheduledFuture<?> check;

  WriteThroughUpdates(DataSourceUpdates target, DataSourceUpdates quiet, PersistentStore store,
      StoreHealth health, StoreStatusTracker status, ScheduledExecutorService scheduler) {
    this.target = Objects.requireNonNull(target, "target");
    this.quiet = Objects.requireNonNull(quiet, "quiet");
    this.store = Objects.requireNonNull(store, "store");
    this.health = Objects.requireNonNull(health, "health");
    this.status = Objects.requireNonNull(status, "status");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    for (DataKind kind : DataKind.values()) {
      written.put(kind, new HashMap<>());
    }
    health.recoverWith(this::rewrite);
  }

  /** Starts checking, every {@code interval}, that the store still holds a data set. */
  void start(Duration interval) {
    long nanos = interval.toNanos();
    try {
      check = scheduler.scheduleWithFixedDelay(this::checkStore, nanos, nanos,
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // closing already
    }
  }

  /** Stops the periodic check. */
  void close() {
    if (check != null) {
      check.cancel(false);
    }
  }

  @Override
  public boolean init(AvsbValue allData) {
    synchronized (lock) {
      if (!target.init(allData)) {
        return false;
      }
      PersistentDataSet data = ItemJson.serializeDataSet(allData);
      boolean unchanged = sourceInitialized && !dirty && sameAsWritten(data);
      for (DataKind kind : DataKind.values()) {
        written.put(kind, new HashMap<>(data.items(kind)));
      }
      sourceInitialized = true;
      if (fromStore) {
        fromStore = false;
        status.servingStoreData(false);
        LOG.info("The data source delivered its data; it replaces the data read from the"
            + " persistent store at start");
      }
      if (!unchanged) {
        writeAllLocked("writing the data set");
      }
      return true;
    }
  }

  @Override
  public boolean upsert(DataKind kind, String key, AvsbValue item) {
    synchronized (lock) {
      if (!target.upsert(kind, key, item)) {
        return false;
      }
      writeLocked(kind, key, ItemJson.serialize(item));
      return true;
    }
  }

  @Override
  public boolean delete(DataKind kind, String key, int version) {
    synchronized (lock) {
      if (!target.delete(kind, key, version)) {
        return false;
      }
      writeLocked(kind, key, ItemJson.tombstone(key, version));
      return true;
    }
  }

  @Override
  public void updateStatus(DataSourceStatus.State state, DataSourceStatus.ErrorInfo error) {
    target.updateStatus(state, error);
    if (error != null && state != DataSourceStatus.State.OFF) {
      boolean waiting;
      synchronized (lock) {
        waiting = !sourceInitialized && !fromStore;
      }
      if (waiting && storeReadPending.compareAndSet(false, true)) {
        try {
          scheduler.execute(() -> {
            try {
              startFromStore(error);
            } finally {
              storeReadPending.set(false);
            }
          });
        } catch (RejectedExecutionException e) {
          storeReadPending.set(false); // closing
        }
      }
    }
  }

  private void startFromStore(DataSourceStatus.ErrorInfo why) {
    PersistentDataSet data;
    try {
      data = store.readAll();
      health.succeeded();
    } catch (RuntimeException e) {
      health.failed("reading the data set at start", e);
      return;
    }
    if (data == null) {
      LOG.warn("The data source has no data yet and the persistent store holds no data set either;"
          + " flags give the caller's default until data arrives");
      return;
    }
    AvsbValue all = ItemJson.toAllData(data);
    synchronized (lock) {
      if (sourceInitialized || fromStore) {
        return;
      }
      // said before the data is visible, so that whoever sees the server ready sees it too
      status.servingStoreData(true);
      if (!quiet.init(all)) {
        status.servingStoreData(false);
        return;
      }
      fromStore = true;
    }
    LOG.warn("Started from the persistent store's data ({} flags, {} segments) because the data"
        + " source has no data yet ({}); the data source's data replaces it when it arrives",
        all.get("flags").size(), all.get("segments").size(), LogText.of(why.message()));
  }

  private boolean sameAsWritten(PersistentDataSet data) {
    for (DataKind kind : DataKind.values()) {
      if (!written.get(kind).equals(data.items(kind))) {
        return false;
      }
    }
    return true;
  }

  private void writeLocked(DataKind kind, String key, SerializedItem item) {
    written.get(kind).put(key, item);
    if (dirty || !health.isAvailable()) {
      dirty = true; // the recovery writes the whole set
      return;
    }
    try {
      store.upsert(kind, key, item);
      health.succeeded();
    } catch (RuntimeException e) {
      dirty = true;
      health.failed("writing an update", e);
    }
  }

  private void writeAllLocked(String operation) {
    if (!health.isAvailable()) {
      dirty = true;
      return;
    }
    try {
      store.init(writtenSet());
      dirty = false;
      health.succeeded();
    } catch (RuntimeException e) {
      dirty = true;
      health.failed(operation, e);
    }
  }

  private PersistentDataSet writtenSet() {
    return new PersistentDataSet(written.get(DataKind.FLAGS), written.get(DataKind.SEGMENTS), -1);
  }

  /** The recovery action: writes the whole set again (the store may have lost it); throws if not. */
  private void rewrite() {
    synchronized (lock) {
      if (!sourceInitialized) {
        if (!store.isAvailable()) {
          throw new PersistentStoreException("the store does not answer");
        }
        return;
      }
      store.init(writtenSet());
      dirty = false;
    }
    LOG.info("Wrote the data set to the persistent store again after its outage");
  }

  private void checkStore() {
    synchronized (lock) {
      if (!sourceInitialized || !health.isAvailable()) {
        return;
      }
      try {
        if (!store.isInitialized()) {
          LOG.warn("The persistent store lost its data set (restarted without persistence?);"
              + " writing it again");
          store.init(writtenSet());
          dirty = false;
        }
        health.succeeded();
      } catch (RuntimeException e) {
        dirty = true;
        health.failed("checking the data set", e);
      }
    }
  }
}
