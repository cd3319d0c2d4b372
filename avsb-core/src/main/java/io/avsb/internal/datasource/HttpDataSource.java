package io.avsb.internal.datasource;

import io.avsb.AvsbConfig;
import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.internal.http.SdkHttpClient;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceUpdates;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle that the streaming and polling sources share. {@link #start()} begins once; at
 * most one request is in flight, and {@link #close()} aborts it; every write to the updates happens
 * under a report lock that {@link #close()} also takes to report {@code OFF}, so nothing is written
 * after {@code OFF}. A failure that retrying cannot fix stops the source for good with one ERROR
 * line; so does an error its thread cannot survive (see {@link #unexpected}). Subclasses say how to
 * begin and what scheduled work to cancel. Thread-safe.
 */
abstract class HttpDataSource implements DataSource {
  static final Logger LOG = LoggerFactory.getLogger("io.avsb.datasource");

  final AvsbConfig config;
  final DataSourceContext context;
  final DataSourceUpdates updates;
  final SdkHttpClient http;
  /** Guards the lifecycle fields of this class and the subclass's scheduled work. */
  final Object lock = new Object();
  /** Held while writing to {@link #updates}, and by {@link #close()} while reporting OFF. */
  final Object reportLock = new Object();
  private final String name;
  private final CompletableFuture<Boolean> started = new CompletableFuture<>();
  private boolean startCalled;
  private boolean stopped;
  private HttpGet inFlight;
  private volatile boolean initialized;

  /** A source named {@code name} ("streaming", "polling") in log lines. */
  HttpDataSource(String name, AvsbConfig config, DataSourceContext context, DataSourceUpdates updates) {
    this.name = name;
    this.config = Objects.requireNonNull(config, "config");
    this.context = Objects.requireNonNull(context, "context");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.http = SdkHttpClient.create(config);
  }

  /** Begins in the background, once; the stage completes as {@link DataSource#start()} says. */
  @Override
  public final CompletionStage<Boolean> start() {
    boolean begin = false;
    synchronized (lock) {
      if (!startCalled && !stopped) {
        startCalled = true;
        begin = true;
      }
    }
    if (begin) {
      begin();
    }
    return started.minimalCompletionStage();
  }

  /** True once a full data set has been applied. */
  @Override
  public final boolean isInitialized() {
    return initialized;
  }

  /** Cancels scheduled work, aborts the request in flight, waits for the source's threads, reports {@code OFF}. */
  @Override
  public final void close() {
    HttpGet request;
    boolean wasStopped;
    synchronized (lock) {
      wasStopped = stopped;
      stopped = true;
      request = inFlight;
      cancelScheduledLocked();
    }
    if (request != null) {
      request.cancel();
    }
    http.close();
    awaitThreads();
    if (!wasStopped) {
      synchronized (reportLock) {
        updates.updateStatus(State.OFF, null);
      }
    }
    started.complete(false);
  }

  /**
   * Starts the first attempt; called once, not under a lock. Lock order: {@link #reportLock} may
   * be taken before {@link #lock}, never after.
   */
  abstract void begin();

  /** Cancels (and forgets) any scheduled attempt; called under {@link #lock} when stopping. */
  abstract void cancelScheduledLocked();

  /** Waits briefly for the source's own threads to end; called by {@link #close()}. */
  void awaitThreads() {}

  /** Makes {@code get} the request in flight; false, and it must not be sent, once stopped. */
  final boolean track(HttpGet get) {
    synchronized (lock) {
      if (stopped) {
        return false;
      }
      inFlight = get;
      return true;
    }
  }

  /** Forgets the request in flight. */
  final void untrack() {
    synchronized (lock) {
      inFlight = null;
    }
  }

  /** True once closed or stopped for good. */
  final boolean isStopped() {
    synchronized (lock) {
      return stopped;
    }
  }

  /** Stops without reporting (the source never began): {@link #start()} completes with false. */
  final void giveUp() {
    synchronized (lock) {
      stopped = true;
    }
    started.complete(false);
  }

  /** Records that a full data set was applied and reports {@code VALID}; call under {@link #reportLock}. */
  final void validLocked() {
    initialized = true;
    updates.updateStatus(State.VALID, null);
  }

  /** Completes {@link #start()} with true the first time, logging where the data came from. */
  final void firstData(String from) {
    if (started.complete(true)) {
      LOG.info("Received the first flag data from {}", from);
    }
  }

  /**
   * Reports {@code failure}. One that retrying cannot fix stops the source for good (one ERROR
   * line, status {@code OFF}, {@link #start()} completes with false); a recoverable one is reported
   * as {@code INITIALIZING} or {@code INTERRUPTED}. Returns true when the caller should retry.
   */
  final boolean report(HttpFailure failure) {
    if (!failure.recoverable()) {
      synchronized (lock) {
        if (stopped) {
          return false;
        }
        stopped = true;
        cancelScheduledLocked();
      }
      failure.logStopped(LOG, name, config.sdkKey());
      synchronized (reportLock) {
        failure.reportTo(updates, initialized, context.clock().instant());
      }
      started.complete(false);
      return false;
    }
    synchronized (reportLock) {
      if (isStopped()) {
        return false;
      }
      failure.reportTo(updates, initialized, context.clock().instant());
    }
    return true;
  }

  /**
   * What an unexpected throwable on the source's thread means: an exception, or an error that the
   * thread survives once the work that raised it has unwound (an {@link OutOfMemoryError} from a
   * huge data set, whose memory is then free again; a {@link StackOverflowError}), is a recoverable
   * failure naming it; any other error (a {@link LinkageError} after an undeploy, an {@link
   * InternalError}) cannot be survived, and gives null: the caller then calls {@link #fatal}.
   */
  static HttpFailure unexpected(Throwable t, String during) {
    if (t instanceof Exception || t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
      return new HttpFailure(ErrorKind.UNKNOWN, 0,
          "unexpected " + LogText.of(t.toString()) + " while " + during, true);
    }
    return null;
  }

  /**
   * Stops the source for good after {@code t}, which it cannot survive: one ERROR line with the
   * stack trace, status {@code OFF} with the error.
   */
  final void fatal(Throwable t, String during) {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      stopped = true;
      cancelScheduledLocked();
    }
    try {
      LOG.error("The A vs B {} data source has stopped for good after {} while {}; flag data will"
          + " no longer be updated", name, t.toString(), during, t);
      synchronized (reportLock) {
        updates.updateStatus(State.OFF, new ErrorInfo(ErrorKind.UNKNOWN, 0,
            "stopped after " + LogText.of(t.toString()) + " while " + during,
            context.clock().instant()));
      }
    } finally {
      started.complete(false);
    }
  }
}
