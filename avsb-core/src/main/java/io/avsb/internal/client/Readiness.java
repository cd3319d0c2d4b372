package io.avsb.internal.client;

import io.avsb.AvsbNotReadyException;
import io.avsb.DataSourceStatus;
import io.avsb.internal.store.DataSourceStatusTracker;
import io.avsb.internal.store.FlagStore;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a server has its first full data set, and every way of waiting for it: {@link
 * #awaitStart()} blocks up to the configured start wait, {@link #startGate()} is the same wait
 * without a blocked thread, {@link #onReady()} a stage that fails with the reason when the data
 * never comes. Ready once the store is initialised; never ready after {@link #failed()}. Thread-safe.
 */
public final class Readiness {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.client");

  private final Duration startWait;
  private final long createdNanos = System.nanoTime();
  private final FlagStore store;
  private final DataSourceStatusTracker status;
  private final Notifier notifier;
  private final ScheduledExecutorService timers;
  private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean notReadyByClose;
  private CompletableFuture<Void> startGate; // guarded by this
  private CompletableFuture<Void> onReady; // guarded by this

  /**
   * The readiness of {@code store}, waiting up to {@code startWait} from now; stages complete on
   * {@code notifier}, the start wait's timer runs on {@code timers}.
   */
  Readiness(Duration startWait, FlagStore store, DataSourceStatusTracker status, Notifier notifier,
      ScheduledExecutorService timers) {
    this.startWait = Objects.requireNonNull(startWait, "startWait");
    this.store = Objects.requireNonNull(store, "store");
    this.status = Objects.requireNonNull(status, "status");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.timers = Objects.requireNonNull(timers, "timers");
    store.whenInitialized().thenRun(() -> ready.complete(true));
    ready.thenAccept(ok -> notReadyByClose = !ok && closed.get());
  }

  /** The data source gave up (or could not be made or started): the data will not come. */
  void failed() {
    ready.complete(false);
  }

  /**
   * The server starts closing: from now on a data source that stops counts as closed, not as
   * given up. True the first time only.
   */
  boolean closing() {
    return closed.compareAndSet(false, true);
  }

  /**
   * Waits up to the configured start wait for the first data; logs a warning that says why when
   * it did not arrive. Never throws.
   */
  public void awaitStart() {
    if (startWait.isZero() || waitForReady(startWait)) {
      return;
    }
    warnNotReady();
  }

  private void warnNotReady() {
    String why = ready.isDone()
        ? dataSourceEnd()
        : "no full data set within " + startWait;
    LOG.warn("A vs B is not ready: {} ({}); flags give the caller's default with"
        + " CLIENT_NOT_READY until the first data arrives", why, describeStatus());
  }

  // OFF: gave up for good (a rejected key); else it goes on (a malformed file may be fixed)
  private String dataSourceEnd() {
    return status.current().state() == DataSourceStatus.State.OFF
        ? "the data source stopped"
        : "the data source could not deliver the first data";
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
    long left = saturatedNanos(startWait) - (System.nanoTime() - createdNanos);
    if (left <= 0) {
      if (!startWait.isZero() && !ready.isDone()) {
        warnNotReady();
      }
      gate.complete(null);
      return gate;
    }
    Runnable expire = () -> notifier.execute(() -> {
      if (!gate.isDone()) {
        warnNotReady();
        gate.complete(null);
      }
    });
    try {
      ScheduledFuture<?> timer = timers.schedule(expire, left, TimeUnit.NANOSECONDS);
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
    if (isReady()) { // also when a source that could not start delivered data later
      stage.complete(null);
      return;
    }
    String why = byClose
        ? "the server was closed before the first data arrived"
        : dataSourceEnd();
    stage.completeExceptionally(new AvsbNotReadyException(
        "A vs B did not become ready: " + why + " (" + describeStatus() + ")", status.current()));
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
