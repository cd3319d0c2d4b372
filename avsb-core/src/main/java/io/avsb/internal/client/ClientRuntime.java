package io.avsb.internal.client;

import io.avsb.AsyncScopedAvsb;
import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbNotReadyException;
import io.avsb.AvsbStats;
import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatusProvider;
import io.avsb.FeatureFlagsState;
import io.avsb.FlagTracker;
import io.avsb.ScopedAvsb;
import io.avsb.internal.datasource.DataSourceStatusTracker;
import io.avsb.internal.datasource.StreamingDataSource;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a server runs on, for the synchronous and asynchronous server fronts alike: the
 * scheduler, the notifier thread for application callbacks, the flag store and its status, flag
 * change listeners, the data source, the event processor, and readiness. The constructor starts
 * the data source without waiting; {@link #awaitStart()} waits up to the configured start wait, and
 * {@link #startGate()} is the same wait without a blocked thread. Thread-safe.
 */
public final class ClientRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.client");
  private static final int MAX_LOGGED_PROBLEMS = 1_000;
  private static final Duration THREAD_STOP_WAIT = Duration.ofSeconds(5);
  private static final Duration NOTIFIER_DRAIN_WAIT = Duration.ofSeconds(2);

  private final AvsbConfig config;
  private final long createdNanos = System.nanoTime();
  private final Scheduler scheduler = new Scheduler();
  private final Notifier notifier = new Notifier();
  private final FlagStore store;
  private final DataSourceStatusTracker status;
  private final StatusProvider statusProvider;
  private final EventProcessor events; // with the track and identify hooks, when there are hooks
  private final FlagReader reader;
  private final FlagListeners flagListeners;
  private final Tracker tracker;
  private final DataSource dataSource;
  private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean notReadyByClose;
  private CompletableFuture<Void> startGate; // guarded by this
  private CompletableFuture<Void> onReady; // guarded by this

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
    this.store = new FlagStore(config.clock());
    this.status = new DataSourceStatusTracker(config.clock(), notifier);
    this.statusProvider = new StatusProvider(status);
    EventProcessor base = createEvents(eventProcessor);
    this.events = config.hooks().isEmpty() ? base : new HookedEventProcessor(config.hooks(), base);
    ProblemLog problems = new ProblemLog(LoggerFactory.getLogger("io.avsb.client"), MAX_LOGGED_PROBLEMS);
    this.reader = new FlagReader(store, base, new EvaluationHooks(config.hooks()), config.clock(),
        problems);
    this.flagListeners = new FlagListeners(notifier, reader);
    this.tracker = new Tracker(events, config.clock(), problems);
    store.whenInitialized().thenRun(() -> ready.complete(true));
    ready.thenAccept(ok -> notReadyByClose = !ok && closed.get());
    this.dataSource = createDataSource();
    start();
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
      DataSourceFactory factory = DataSourceChoice.choose(config);
      DataSource source = factory.create(new SourceContext(scheduler.executor(), config.clock()),
          new StoreUpdates(store, status, flagListeners));
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
    warnNotReady(wait);
  }

  private void warnNotReady(Duration wait) {
    String why = ready.isDone()
        ? "the data source stopped"
        : "no full data set within " + wait;
    LOG.warn("A vs B is not ready: {} ({}); flags give the caller's default with"
        + " CLIENT_NOT_READY until the first data arrives", why, describeStatus());
  }

  private String describeStatus() {
    DataSourceStatus s = status.current();
    DataSourceStatus.ErrorInfo e = s.lastError();
    return "data source " + s.state() + (e == null ? "" : ", last error: " + e.kind()
        + (e.statusCode() == 0 ? "" : " " + e.statusCode()) + " " + e.message());
  }

  /**
   * A stage that completes, on the notifier thread, when the server is ready, when the data source
   * gave up or the server closed, or when the start wait measured from this runtime's construction
   * has passed, whichever comes first; the last logs the same warning as {@link #awaitStart()}.
   * Never completes exceptionally. The first call sets up the one timer; later calls return the
   * same stage.
   */
  public synchronized CompletableFuture<Void> startGate() {
    if (startGate != null) {
      return startGate;
    }
    CompletableFuture<Void> gate = new CompletableFuture<>();
    startGate = gate;
    if (ready.isDone()) {
      gate.complete(null); // nothing depends on it yet: no need to hop threads
      return gate;
    }
    ready.whenComplete((ok, e) -> notifier.execute(() -> gate.complete(null)));
    Duration wait = config.startWait();
    long left = saturatedNanos(wait) - (System.nanoTime() - createdNanos);
    if (left <= 0) {
      if (!wait.isZero() && !ready.isDone()) {
        warnNotReady(wait);
      }
      gate.complete(null);
      return gate;
    }
    Runnable expire = () -> notifier.execute(() -> {
      if (!gate.isDone()) {
        warnNotReady(wait);
        gate.complete(null);
      }
    });
    try {
      ScheduledFuture<?> timer =
          scheduler.executor().schedule(expire, left, TimeUnit.NANOSECONDS);
      gate.whenComplete((v, e) -> timer.cancel(false));
    } catch (RejectedExecutionException e) {
      gate.complete(null); // closed already
    }
    return gate;
  }

  /**
   * A stage completing, on the notifier thread, when the first full data set has arrived, or
   * exceptionally with an {@link AvsbNotReadyException} saying why when the data source gave up or
   * the server closed first. Never times out by itself. Later calls return the same stage.
   */
  public synchronized CompletionStage<Void> onReady() {
    if (onReady == null) {
      CompletableFuture<Void> stage = new CompletableFuture<>();
      onReady = stage;
      if (ready.isDone()) {
        // nothing depends on it yet: settle it here rather than on the notifier
        settle(stage, ready.join(), notReadyByClose);
      } else {
        ready.whenComplete((ok, e) -> {
          // read here, on the completing thread: by the notifier's turn a close may have followed
          boolean byClose = closed.get();
          notifier.execute(() -> settle(stage, ok, byClose));
        });
      }
    }
    return onReady.minimalCompletionStage();
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

  private void settle(CompletableFuture<Void> stage, Boolean ok, boolean byClose) {
    if (Boolean.TRUE.equals(ok) && isReady()) {
      stage.complete(null);
      return;
    }
    String why = byClose
        ? "the server was closed before the first data arrived"
        : "the data source stopped before the first data arrived";
    stage.completeExceptionally(new AvsbNotReadyException(
        "A vs B did not become ready: " + why + " (" + describeStatus() + ")", status.current()));
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
    return new AsyncScopedClient(forUser(context), startGate());
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

  /** The status tracker, for status listeners. */
  public DataSourceStatusTracker statusTracker() {
    return status;
  }

  /** The public status provider; its listeners run on the notifier thread. */
  public DataSourceStatusProvider statusProvider() {
    return statusProvider;
  }

  /** The public flag tracker; its listeners run on the notifier thread. */
  public FlagTracker flagTracker() {
    return flagListeners;
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
   * Closes the data source, then the event processor (which flushes), reports {@code OFF}, lets the
   * notifier deliver what is queued, then stops the notifier's and the scheduler's threads, waiting
   * a bounded time for them. Idempotent.
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
    // Listeners hear OFF and waiting stages complete before the thread goes.
    if (!notifier.shutdown(NOTIFIER_DRAIN_WAIT)) {
      LOG.warn("The avsb-notifier thread did not stop within {}; a listener may be stuck",
          NOTIFIER_DRAIN_WAIT);
    }
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
