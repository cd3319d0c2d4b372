package io.avsb.internal.client;

import io.avsb.AsyncScopedAvsb;
import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbStats;
import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatusProvider;
import io.avsb.FeatureFlagsState;
import io.avsb.FlagTracker;
import io.avsb.ScopedAvsb;
import io.avsb.StoreStatusProvider;
import io.avsb.internal.datasource.StreamingDataSource;
import io.avsb.internal.events.EventProcessor;
import io.avsb.internal.log.LogBindingCheck;
import io.avsb.internal.persist.PersistentStoreLink;
import io.avsb.internal.persist.StoreStatusTracker;
import io.avsb.internal.store.DataSourceStatusTracker;
import io.avsb.internal.store.FlagStore;
import io.avsb.internal.store.StoreUpdates;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceFactory;
import io.avsb.spi.DataSourceUpdates;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring of a server, for the synchronous and asynchronous server fronts alike: the scheduler,
 * the notifier thread for application callbacks, the flag store and its status, flag change
 * listeners, the data source and the event processor, closed in order. The constructor starts the
 * data source without waiting; waiting for the first data is the {@link #readiness()}'s job.
 * Thread-safe.
 */
public final class ClientRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.client");
  private static final int MAX_LOGGED_PROBLEMS = 1_000;
  private static final Duration THREAD_STOP_WAIT = Duration.ofSeconds(5);
  private static final Duration NOTIFIER_DRAIN_WAIT = Duration.ofSeconds(2);

  private final AvsbConfig config;
  private final Scheduler scheduler = new Scheduler();
  private final Notifier notifier = new Notifier();
  private final FlagStore store;
  private final DataSourceStatusTracker status;
  private final StatusProvider statusProvider;
  private final EventProcessor events; // with the track and identify hooks, when there are hooks
  private final FlagReader reader;
  private final FlagListeners flagListeners;
  private final Tracker tracker;
  private final Readiness readiness;
  private final PersistentStoreLink persistence;
  private final StoreStatusProvider storeStatus;
  private final DataSource dataSource;

  /** A runtime for {@code config}, with the event processor the configuration calls for. */
  public ClientRuntime(AvsbConfig config) {
    this(config, EventProcessorChoice::choose);
  }

  /**
   * A runtime for {@code config} whose event processor is made by {@code eventProcessor} from the
   * configuration and the runtime's scheduler; the runtime closes it.
   */
  public ClientRuntime(AvsbConfig config,
      BiFunction<AvsbConfig, ScheduledExecutorService, EventProcessor> eventProcessor) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(eventProcessor, "eventProcessor");
    LogBindingCheck.warnIfUnbound();
    this.store = new FlagStore(config.clock());
    this.status = new DataSourceStatusTracker(config.clock(), notifier);
    this.statusProvider = new StatusProvider(status);
    ProblemLog problems = new ProblemLog(LoggerFactory.getLogger("io.avsb.client"), MAX_LOGGED_PROBLEMS);
    // change listeners only peek at values (no event), so the data source can be started before
    // the event processor is made: the first data set is read while the main thread builds it
    this.flagListeners = new FlagListeners(notifier,
        new FlagReader(store, DiscardingEventProcessor.INSTANCE, config.clock(), problems));
    this.readiness =
        new Readiness(config.startWait(), store, status, notifier, scheduler.executor());
    this.persistence = PersistentStoreLink.create(config,
        new SourceContext(scheduler.executor(), config.clock()), notifier);
    this.storeStatus = persistence == null
        ? StoreStatusTracker.notConfigured(config.clock()) : persistence.statusProvider();
    this.dataSource = createDataSource();
    start();
    EventProcessor base = createEvents(eventProcessor);
    this.events = config.hooks().isEmpty() ? base : new HookedEventProcessor(config.hooks(), base);
    this.reader = new FlagReader(store, base, new EvaluationHooks(config.hooks()), config.clock(),
        problems);
    this.tracker = new Tracker(events, config.clock(), problems);
  }

  private EventProcessor createEvents(
      BiFunction<AvsbConfig, ScheduledExecutorService, EventProcessor> factory) {
    try {
      EventProcessor p = factory.apply(config, scheduler.executor());
      return p == null ? DiscardingEventProcessor.INSTANCE : p;
    } catch (RuntimeException e) {
      LOG.error("Could not create the event processor; analytics events are discarded", e);
      return DiscardingEventProcessor.INSTANCE;
    }
  }

  private DataSource createDataSource() {
    try {
      DataSourceFactory factory = DataSourceChoice.choose(config, persistence);
      DataSource source = factory.create(new SourceContext(scheduler.executor(), config.clock()),
          updates());
      if (source == null) {
        throw new IllegalStateException("the data source factory returned null");
      }
      return source;
    } catch (RuntimeException e) {
      LOG.error("Could not create the data source ({}); the server will not become ready;"
          + " every flag gives the caller's default", e.toString());
      status.update(DataSourceStatus.State.OFF, new DataSourceStatus.ErrorInfo(
          DataSourceStatus.ErrorKind.UNKNOWN, 0, e.toString(), config.clock().instant()));
      readiness.failed();
      return null;
    }
  }

  private DataSourceUpdates updates() {
    DataSourceUpdates updates = new StoreUpdates(store, status, flagListeners);
    if (persistence == null || config.daemonMode()) {
      return updates;
    }
    if (!DataSourceChoice.writesThrough(config)) {
      LOG.warn("A persistent store is set but the server runs offline: nothing is written to it;"
          + " set daemonMode(true) to read flags from it");
      return updates;
    }
    // a second writer to the flag store, reporting to a status nobody reads: a start from the
    // persistent store must not make the data source look VALID
    return persistence.writeThrough(updates, new StoreUpdates(store,
        new DataSourceStatusTracker(config.clock()), flagListeners));
  }

  private void start() {
    if (dataSource == null) {
      return;
    }
    try {
      CompletionStage<Boolean> started = dataSource.start();
      started.whenComplete((ok, error) -> {
        if (!Boolean.TRUE.equals(ok)) {
          readiness.failed();
        }
      });
    } catch (RuntimeException e) {
      LOG.error("The data source failed to start ({}); every flag gives the caller's default",
          e.toString());
      readiness.failed();
    }
  }

  /** Whether the first data has arrived, and the ways of waiting for it. */
  public Readiness readiness() {
    return readiness;
  }

  /** A helper bound to {@code context}; a null context gives a helper whose reads fail cleanly. */
  public ScopedAvsb forUser(AvsbContext context) {
    return new ScopedClient(reader, tracker, context);
  }

  /**
   * An async helper bound to {@code context}: its getters wait for {@link #startGate()} without
   * blocking a thread, then read as {@link #forUser} does.
   */
  public AsyncScopedAvsb forUserAsync(AvsbContext context) {
    return new AsyncScopedClient(forUser(context), readiness.startGate());
  }

  /** The client-visible flags' values for {@code context}. */
  public FeatureFlagsState allFlagsState(AvsbContext context) {
    return reader.allFlagsState(context);
  }

  /** The client-visible flags' values for {@code context}, or every flag's when {@code all}. */
  public FeatureFlagsState allFlagsState(AvsbContext context, boolean all) {
    return reader.allFlagsState(context, all);
  }

  /** The server's figures now; see {@link AvsbStats}. */
  public AvsbStats stats() {
    return new AvsbStats(store.snapshot().flagCount(), store.lastUpdate(),
        dataSource instanceof StreamingDataSource s ? s.connectionCount() : 0,
        events.deliveredEventCount(), events.droppedEventCount(), events.failedEventCount());
  }

  /** The data source's current status. */
  public DataSourceStatus dataSourceStatus() {
    return status.current();
  }

  /** The public status provider; its listeners run on the notifier thread. */
  public DataSourceStatusProvider statusProvider() {
    return statusProvider;
  }

  /** The persistent store's status; {@code NOT_CONFIGURED} without one. */
  public StoreStatusProvider storeStatusProvider() {
    return storeStatus;
  }

  /** The public flag tracker; its listeners run on the notifier thread. */
  public FlagTracker flagTracker() {
    return flagListeners;
  }

  /** Asks the event processor to send queued events now. */
  public void flush() {
    try {
      events.flush();
    } catch (RuntimeException e) {
      LOG.warn("Flushing events failed: {}", e.toString());
    }
  }

  /**
   * Closes the data source, then the event processor (which flushes), reports {@code OFF}, lets the
   * notifier deliver what is queued, then stops the notifier's and the scheduler's threads, waiting
   * a bounded time for them. Idempotent.
   */
  @Override
  public void close() {
    if (!readiness.closing()) {
      return;
    }
    if (dataSource != null) {
      try {
        dataSource.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing the data source failed: {}", e.toString());
      }
    }
    if (persistence != null) {
      persistence.close();
    }
    try {
      events.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the event processor failed: {}", e.toString());
    }
    status.update(DataSourceStatus.State.OFF, null);
    readiness.failed();
    // Listeners hear OFF and waiting stages complete before the thread goes.
    if (!notifier.shutdown(NOTIFIER_DRAIN_WAIT)) {
      LOG.warn("The avsb-notifier thread did not stop within {}; a listener may be stuck",
          NOTIFIER_DRAIN_WAIT);
    }
    if (!scheduler.shutdown(THREAD_STOP_WAIT)) {
      LOG.warn("Some avsb-scheduler threads did not stop within {}", THREAD_STOP_WAIT);
    }
  }
}
