package io.avsb.internal.persist;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceUpdates;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.PersistentStoreException;
import io.avsb.spi.SerializedItem;
import io.avsb.spi.StoreChangeListener;
import io.avsb.spi.StoreSubscription;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data source of a daemon-mode server: the persistent store. At start, on the scheduler, it
 * subscribes to the store's change notices and then reads the whole data set (ready once read);
 * each notice then updates the flag store on the store's subscriber thread, within milliseconds.
 * A gap in the store's change counter, a replaced data set, and the periodic resync (when the
 * counter moved since the last read) read everything again. When the store fails, the flags in
 * memory stay in use, the status is {@code INTERRUPTED} ({@code INITIALIZING} before the first
 * read) with a {@code STORE_ERROR}, and {@link StoreHealth} retries subscribe-and-read with
 * backoff. A store that holds no data set yet (no writer has written) is waited for: its
 * replaced-set notice or the resync brings the data. Requests never wait on any of this.
 * Thread-safe.
 */
final class StoreFollower implements DataSource {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.persistence");

  private final PersistentStore store;
  private final StoreHealth health;
  private final StoreStatusTracker status;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final DataSourceUpdates updates;
  private final Duration resyncInterval;
  private final CompletableFuture<Boolean> started = new CompletableFuture<>();
  // Held while reading and applying, so that notices, full reads and resyncs apply in turn.
  private final Object lock = new Object();
  private Feed feed; // guarded by lock
  private long generation = -1; // guarded by lock: the change counter the flag store reflects
  private boolean waitingLogged; // guarded by lock
  private volatile boolean initialized;
  private volatile boolean closed;
  private volatile ScheduledFuture<?> resync;

  StoreFollower(PersistentStore store, StoreHealth health, StoreStatusTracker status,
      ScheduledExecutorService scheduler, Clock clock, DataSourceUpdates updates,
      Duration resyncInterval) {
    this.store = Objects.requireNonNull(store, "store");
    this.health = Objects.requireNonNull(health, "health");
    this.status = Objects.requireNonNull(status, "status");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.resyncInterval = Objects.requireNonNull(resyncInterval, "resyncInterval");
    health.recoverWith(this::connect);
  }

  @Override
  public CompletionStage<Boolean> start() {
    try {
      scheduler.execute(() -> attempt("reading the data set at start", this::connect));
      long nanos = resyncInterval.toNanos();
      resync = scheduler.scheduleWithFixedDelay(
          () -> attempt("resynchronising", this::resync), nanos, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      started.complete(false);
    }
    return started;
  }

  @Override
  public boolean isInitialized() {
    return initialized;
  }

  @Override
  public void close() {
    closed = true;
    ScheduledFuture<?> r = resync;
    if (r != null) {
      r.cancel(false);
    }
    Feed f;
    synchronized (lock) {
      f = feed;
      feed = null;
    }
    if (f != null && f.subscription != null) {
      f.subscription.close();
    }
    updates.updateStatus(DataSourceStatus.State.OFF, null);
    started.complete(false);
  }

  private void attempt(String operation, Runnable action) {
    if (closed || !health.isAvailable()) {
      return; // while unavailable, the health's retry runs connect()
    }
    try {
      action.run();
      health.succeeded();
    } catch (RuntimeException e) {
      failed(operation, e);
    }
  }

  private void failed(String operation, RuntimeException e) {
    if (closed) {
      return;
    }
    String message = e instanceof PersistentStoreException ? e.getMessage() : e.toString();
    updates.updateStatus(
        initialized ? DataSourceStatus.State.INTERRUPTED : DataSourceStatus.State.INITIALIZING,
        new DataSourceStatus.ErrorInfo(DataSourceStatus.ErrorKind.STORE_ERROR, 0,
            "persistent store: " + message, clock.instant()));
    health.failed(operation, e);
  }

  /** Subscribes unless subscribed, then reads everything; throws when the store fails. */
  private void connect() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (feed == null) {
        Feed f = new Feed();
        f.subscription = store.follow(f);
        feed = f;
      }
      readAllLocked();
    }
  }

  private void resync() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (feed == null) {
        connect();
        return;
      }
      long now = store.generation();
      if (!initialized || now < 0 || now != generation) {
        readAllLocked();
      }
    }
  }

  private void readAllLocked() {
    PersistentDataSet data = store.readAll();
    if (data == null) {
      if (!waitingLogged) {
        waitingLogged = true;
        LOG.warn("The persistent store holds no data set yet; waiting for a writer (an instance"
            + " with a data source) to write one");
      }
      updates.updateStatus(
          initialized ? DataSourceStatus.State.INTERRUPTED : DataSourceStatus.State.INITIALIZING,
          new DataSourceStatus.ErrorInfo(DataSourceStatus.ErrorKind.STORE_ERROR, 0,
              "the persistent store holds no data set yet", clock.instant()));
      return;
    }
    waitingLogged = false;
    AvsbValue all = ItemJson.toAllData(data);
    // said before the data is visible, so that whoever sees the server ready sees it too
    status.servingStoreData(true);
    if (!updates.init(all)) {
      status.servingStoreData(initialized);
      return;
    }
    generation = data.generation();
    if (!initialized) {
      LOG.info("Daemon mode: read {} flags and {} segments from the persistent store",
          all.get("flags").size(), all.get("segments").size());
    }
    initialized = true;
    started.complete(true);
  }

  /** The listener of one subscription; notices of a replaced subscription are ignored. */
  private final class Feed implements StoreChangeListener {
    private StoreSubscription subscription;

    @Override
    public void itemChanged(long changeGeneration, DataKind kind, String key, SerializedItem item) {
      synchronized (lock) {
        if (closed || feed != this || !initialized) {
          return; // before the first read: the read includes it
        }
        if (changeGeneration >= 0 && generation >= 0) {
          if (changeGeneration <= generation) {
            return; // the last full read included it
          }
          if (changeGeneration != generation + 1) {
            LOG.info("Missed {} change notices of the persistent store; reading everything again",
                changeGeneration - generation - 1);
            readOrFail();
            return;
          }
        }
        AvsbValue json = ItemJson.parse(kind, key, item);
        if (json != null) {
          updates.upsert(kind, key, json);
        }
        generation = changeGeneration;
      }
    }

    @Override
    public void dataSetReplaced() {
      synchronized (lock) {
        if (!closed && feed == this) {
          readOrFail();
        }
      }
    }

    @Override
    public void subscriptionLost(String reason) {
      synchronized (lock) {
        if (closed || feed != this) {
          return;
        }
        feed = null;
      }
      failed("following changes", new PersistentStoreException(
          "the change subscription ended: " + reason));
    }

    private void readOrFail() {
      try {
        readAllLocked();
      } catch (RuntimeException e) {
        failed("reading the data set", e);
      }
    }
  }
}
