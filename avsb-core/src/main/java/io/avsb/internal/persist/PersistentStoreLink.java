package io.avsb.internal.persist;

import io.avsb.AvsbConfig;
import io.avsb.StoreStatusProvider;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceFactory;
import io.avsb.spi.DataSourceUpdates;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.PersistentStoreFactory;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's persistent store with its status and health, and the two ways a server uses it: the
 * write-through sink around a data source's updates, or the daemon-mode data source. Created and
 * closed by the server's runtime. Thread-safe.
 */
public final class PersistentStoreLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.persistence");

  private final AvsbConfig config;
  private final DataSourceContext context;
  private final PersistentStore store;
  private final StoreStatusTracker status;
  private final StoreHealth health;
  private volatile WriteThroughUpdates writer;

  private PersistentStoreLink(AvsbConfig config, DataSourceContext context, PersistentStore store,
      Executor notifier) {
    this.config = config;
    this.context = context;
    this.store = store;
    this.status = StoreStatusTracker.of(config.clock(), notifier);
    this.health = new StoreHealth(status, context.scheduler(), config.clock(),
        config.initialReconnectDelay());
  }

  /**
   * The link of a server configured with a persistent store, or null when none is configured or
   * the store could not be created (logged).
   */
  public static PersistentStoreLink create(AvsbConfig config, DataSourceContext context,
      Executor notifier) {
    Objects.requireNonNull(config, "config");
    PersistentStoreFactory factory = config.persistentStore();
    if (factory == null) {
      return null;
    }
    try {
      PersistentStore store = factory.create(Objects.requireNonNull(context, "context"));
      if (store == null) {
        throw new IllegalStateException("the persistent store factory returned null");
      }
      return new PersistentStoreLink(config, context, store, notifier);
    } catch (RuntimeException e) {
      LOG.error("Could not create the persistent store ({}); the server runs without it",
          e.toString());
      return null;
    }
  }

  /** The store's status for the public API. */
  public StoreStatusProvider statusProvider() {
    return status;
  }

  /** The daemon-mode data source: the store itself. */
  public DataSourceFactory follower() {
    return (ctx, updates) -> new StoreFollower(store, health, status, ctx.scheduler(),
        ctx.clock(), updates, config.storeResyncInterval());
  }

  /**
   * The sink a data source writes to: {@code target}, with every applied update written through to
   * the store; {@code quiet} writes to the same flag store without reporting data-source status,
   * for a start from the store.
   */
  public DataSourceUpdates writeThrough(DataSourceUpdates target, DataSourceUpdates quiet) {
    WriteThroughUpdates w = new WriteThroughUpdates(target, quiet, store, health, status,
        context.scheduler());
    w.start(config.storeResyncInterval());
    writer = w;
    return w;
  }

  /** Stops retries and checks and closes the store; call after closing the data source. */
  @Override
  public void close() {
    health.close();
    WriteThroughUpdates w = writer;
    if (w != null) {
      w.close();
    }
    try {
      store.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the persistent store failed: {}", e.toString());
    }
  }
}
