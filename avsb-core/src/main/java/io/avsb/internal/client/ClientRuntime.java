package io.avsb.internal.client;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.DataSourceStatus;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import io.avsb.internal.datasource.DataSourceStatusTracker;
import io.avsb.internal.events.EventProcessor;
import io.avsb.internal.store.FlagStore;
import io.avsb.internal.store.StoreUpdates;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a server runs on, for the synchronous and asynchronous server fronts alike: the
 * scheduler, the flag store and its status, the data source, the event processor, and readiness.
 * The constructor starts the data source without waiting; {@link #awaitStart()} waits up to the
 * configured start wait. Thread-safe.
 */
public final class ClientRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.client");
  private static final int MAX_LOGGED_PROBLEMS = 1_000;
  private static final Duration THREAD_STOP_WAIT = Duration.ofSeconds(5);

  private final AvsbConfig config;
  private final Scheduler scheduler = new Scheduler();
  private final FlagStore store = new FlagStore();
  private final DataSourceStatusTracker status;
  private final EventProcessor events;
  private final FlagReader reader;
  private final Tracker tracker;
  private final DataSource dataSource;
  private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();

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
    this.status = new DataSourceStatusTracker(config.clock());
    this.events = createEvents(eventProcessor);
    ProblemLog problems = new ProblemLog(LoggerFactory.getLogger("io.avsb.client"), MAX_LOGGED_PROBLEMS);
    this.reader = new FlagReader(store, events, config.clock(), problems);
    this.tracker = new Tracker(events, config.clock(), problems);
    store.whenInitialized().thenRun(() -> ready.complete(true));
    this.dataSource = createDataSource();
    start();
  }

  private EventProcessor createEvents(
      BiFunction<AvsbConfig, ScheduledExecutorService, EventProcessor> factory) {
    try {
      EventProcessor p = factory.apply(config, scheduler.executor());
      EventProcessor base = p == null ? DiscardingEventProcessor.INSTANCE : p;
      return config.hooks().isEmpty() ? base : new HookedEventProcessor(config.hooks(), base);
    } catch (RuntimeException e) {
      LOG.error("Could not create the event processor; analytics events are discarded", e);
      return DiscardingEventProcessor.INSTANCE;
    }
  }

  private DataSource createDataSource() {
    try {
      DataSourceFactory factory = DataSourceChoice.choose(config);
      DataSource source = factory.create(new SourceContext(scheduler.executor(), config.clock()),
          new StoreUpdates(store, status));
      if (source == null) {
        throw new IllegalStateException("the data source factory returned null");
      }
      return source;
    } catch (RuntimeException e) {
      LOG.error("Could not create the data source ({}); the server will not become ready;"
          + " every flag gives the caller's default", e.toString());
      status.update(DataSourceStatus.State.OFF, new DataSourceStatus.ErrorInfo(
          DataSourceStatus.ErrorKind.UNKNOWN, 0, e.toString(), config.clock().instant()));
      ready.complete(false);
      return null;
    }
  }

  private void start() {
    if (dataSource == null) {
      return;
    }
    try {
      CompletionStage<Boolean> started = dataSource.start();
      started.whenComplete((ok, error) -> {
        if (!Boolean.TRUE.equals(ok)) {
          ready.complete(false);
        }
      });
    } catch (RuntimeException e) {
      LOG.error("The data source failed to start ({}); every flag gives the caller's default",
          e.toString());
      ready.complete(false);
    }
  }

  /**
   * Waits up to the configured start wait for the first data; logs a warning that says why when
   * it did not arrive. Never throws.
   */
  public void awaitStart() {
    Duration wait = config.startWait();
    if (wait.isZero() || waitForReady(wait)) {
      return;
    }
    DataSourceStatus s = status.current();
    String why = ready.isDone()
        ? "the data source stopped"
        : "no full data set within " + wait;
    LOG.warn("A vs B is not ready: {} (data source {}{}); flags give the caller's default with"
        + " CLIENT_NOT_READY until the first data arrives", why, s.state(),
        s.lastError() == null ? "" : ", last error: " + s.lastError().message());
  }

  /** Waits up to {@code timeout} for the first full data set; true when ready. Never throws. */
  public boolean waitForReady(Duration timeout) {
    if (isReady()) {
      return true;
    }
    long nanos = timeout == null || timeout.isNegative() ? 0 : saturatedNanos(timeout);
    try {
      return ready.get(nanos, TimeUnit.NANOSECONDS) && isReady();
    } catch (TimeoutException | ExecutionException e) {
      return isReady();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return isReady();
    }
  }

  /** Completes with true once ready, or false when the data source gave up or the server closed. */
  public CompletionStage<Boolean> whenReady() {
    return ready.minimalCompletionStage();
  }

  /** True once the first full data set has arrived. */
  public boolean isReady() {
    return store.snapshot().initialized();
  }

  /** A helper bound to {@code context}; a null context gives a helper whose reads fail cleanly. */
  public ScopedAvsb forUser(AvsbContext context) {
    return new ScopedClient(reader, tracker, context);
  }

  /** The client-visible flags' values for {@code context}. */
  public FeatureFlagsState allFlagsState(AvsbContext context) {
    return reader.allFlagsState(context);
  }

  /** The data source's current status. */
  public DataSourceStatus dataSourceStatus() {
    return status.current();
  }

  /** The status tracker, for status listeners. */
  public DataSourceStatusTracker statusTracker() {
    return status;
  }

  /** The flag store, for flag change listeners and tools. */
  public FlagStore store() {
    return store;
  }

  /** The configuration. */
  public AvsbConfig config() {
    return config;
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
   * Closes the data source, then the event processor (which flushes), then stops the scheduler's
   * threads, waiting a bounded time for them. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (dataSource != null) {
      try {
        dataSource.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing the data source failed: {}", e.toString());
      }
    }
    try {
      events.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the event processor failed: {}", e.toString());
    }
    status.update(DataSourceStatus.State.OFF, null);
    ready.complete(false);
    if (!scheduler.shutdown(THREAD_STOP_WAIT)) {
      LOG.warn("Some avsb-scheduler threads did not stop within {}", THREAD_STOP_WAIT);
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
