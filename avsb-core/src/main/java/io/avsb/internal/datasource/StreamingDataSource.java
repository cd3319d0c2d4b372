package io.avsb.internal.datasource;

import io.avsb.AvsbConfig;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.internal.http.SdkHttpClient;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default data source: {@code GET {streamUri}/sdk/v1/stream} as server-sent events. A {@code
 * put} replaces all data, {@code patch} and {@code delete} change one item; unknown events are
 * ignored.
 *
 * <p>Each connection is read on its own daemon thread named {@code avsb-stream}. When a connection
 * fails (a network error, a recoverable status: 5xx, 400, 408, 429; see {@link
 * io.avsb.internal.http.HttpStatuses}), ends, stays silent longer than the stream read timeout, or
 * sends a malformed event, the source reports the error and reconnects after a {@link Backoff}
 * delay scheduled on the server's scheduler; the last good data stays in use. A 401 or 403, or any
 * other 4xx, stops it for good: status {@code OFF}, {@link #start()} completes with false, one ERROR
 * line (the key masked), no further requests. The {@code retry} field of the stream is ignored: the
 * protocol fixes the reconnect policy.
 *
 * <p>Status: {@code INITIALIZING} (with the last error, if any) until the first {@code put}; {@code
 * VALID} after each {@code put}; {@code INTERRUPTED} while reconnecting after that; {@code OFF} once
 * stopped or closed. Thread-safe.
 */
public final class StreamingDataSource implements DataSource {
  /** The stream's path below {@link AvsbConfig#streamUri()}. */
  public static final String PATH = "/sdk/v1/stream";

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.datasource");

  private final AvsbConfig config;
  private final DataSourceContext context;
  private final DataSourceUpdates updates;
  private final SdkHttpClient http;
  private final Backoff backoff;
  private final URI uri;
  private final CompletableFuture<Boolean> started = new CompletableFuture<>();
  private final Object lock = new Object();
  // Held while writing to updates, and by close() while reporting OFF: nothing is written after OFF.
  private final Object reportLock = new Object();
  private boolean startCalled;
  private boolean stopped;
  private HttpGet inFlight;
  private Thread reader;
  private ScheduledFuture<?> reconnect;
  private volatile boolean initialized;
  private final AtomicLong connections = new AtomicLong();

  /** A stream source for {@code config}, writing to {@code updates}; nothing happens before {@link #start()}. */
  public StreamingDataSource(AvsbConfig config, DataSourceContext context, DataSourceUpdates updates) {
    this(config, context, updates, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** As the public constructor, with the backoff's jitter source ({@code [0, 1)}) injected. */
  public StreamingDataSource(
      AvsbConfig config, DataSourceContext context, DataSourceUpdates updates, DoubleSupplier jitter) {
    this.config = Objects.requireNonNull(config, "config");
    this.context = Objects.requireNonNull(context, "context");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.backoff = new Backoff(config.initialReconnectDelay(), jitter);
    this.uri = SdkHttpClient.endpoint(config.streamUri(), PATH);
    this.http = SdkHttpClient.create(config);
  }

  /** Opens the stream in the background; the stage completes as {@link DataSource#start()} says. */
  @Override
  public CompletionStage<Boolean> start() {
    synchronized (lock) {
      if (!startCalled && !stopped) {
        startCalled = true;
        LOG.info("Connecting to the A vs B stream at {}", uri);
        launchLocked();
      }
    }
    return started.minimalCompletionStage();
  }

  /** How many connections the service accepted (answered 200), the first one included. */
  public long connectionCount() {
    return connections.get();
  }

  /** True once a {@code put} has been applied. */
  @Override
  public boolean isInitialized() {
    return initialized;
  }

  /** Aborts the connection, cancels any reconnect, waits briefly for the reader thread, reports {@code OFF}. */
  @Override
  public void close() {
    HttpGet request;
    Thread thread;
    ScheduledFuture<?> pending;
    boolean wasStopped;
    synchronized (lock) {
      wasStopped = stopped;
      stopped = true;
      request = inFlight;
      thread = reader;
      pending = reconnect;
      reconnect = null;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    if (request != null) {
      request.cancel();
    }
    http.close();
    if (thread != Thread.currentThread()) {
      joinQuietly(thread);
    }
    if (!wasStopped) {
      synchronized (reportLock) {
        updates.updateStatus(State.OFF, null);
      }
    }
    started.complete(false);
  }

  private void launchLocked() {
    Thread previous = reader;
    // The previous reader may still be returning; waiting for it means joining the newest reader
    // (as close() does) waits for them all.
    Thread thread =
        new Thread(
            () -> {
              joinQuietly(previous);
              connectOnce();
            },
            "avsb-stream");
    thread.setDaemon(true);
    reader = thread;
    thread.start();
  }

  private void connectOnce() {
    HttpGet get = http.stream(uri, config.streamReadTimeout());
    synchronized (lock) {
      if (stopped) {
        return;
      }
      inFlight = get;
    }
    HttpFailure failure;
    try {
      failure = read(get);
    } catch (RuntimeException e) {
      failure = new HttpFailure(ErrorKind.UNKNOWN, 0, "unexpected " + e, true);
      LOG.warn("Unexpected error in the A vs B stream", e);
    } finally {
      synchronized (lock) {
        inFlight = null;
      }
    }
    if (failure != null) {
      fail(failure);
    }
  }

  /** Reads one connection until it ends; returns why, or null when the source was closed. */
  private HttpFailure read(HttpGet get) {
    ClassicHttpResponse response = null;
    try {
      response = http.open(get);
      int status = response.getCode();
      if (status != 200) {
        return HttpFailure.response(status, "the stream service");
      }
      backoff.connected(context.clock().instant());
      connections.incrementAndGet();
      LOG.debug("Stream connected");
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        return HttpFailure.network("the stream service sent no body");
      }
      SseParser parser = new SseParser(this::onEvent);
      InputStream in = entity.getContent();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        parser.feed(buffer, 0, n);
      }
      return isStopped() ? null : HttpFailure.network("the stream service closed the stream");
    } catch (StreamDataException | SseFormatException e) {
      LOG.debug("Unusable stream data", e);
      return HttpFailure.invalidData(e.getMessage());
    } catch (SocketTimeoutException e) {
      return isStopped()
          ? null
          : HttpFailure.network("the stream was silent for " + config.streamReadTimeout());
    } catch (IOException e) {
      return isStopped() ? null : HttpFailure.network("stream connection failed: " + e);
    } finally {
      // A stream never ends by itself: drop the connection rather than drain it.
      get.cancel();
      if (response != null) {
        try {
          response.close();
        } catch (IOException | RuntimeException e) {
          LOG.trace("Closing the stream response", e);
        }
      }
    }
  }

  private void onEvent(SseEvent event) throws StreamDataException {
    StreamEvents.Outcome outcome;
    synchronized (reportLock) {
      if (isStopped()) {
        return;
      }
      outcome = StreamEvents.apply(event, updates);
      if (outcome == StreamEvents.Outcome.PUT) {
        initialized = true;
        updates.updateStatus(State.VALID, null);
      }
    }
    if (outcome == StreamEvents.Outcome.PUT && started.complete(true)) {
      LOG.info("Received the first flag data from the A vs B stream");
    } else if (outcome == StreamEvents.Outcome.IGNORED) {
      LOG.debug("Ignoring stream event of unknown type {}", event.type());
    }
  }

  private void fail(HttpFailure failure) {
    if (!failure.recoverable()) {
      synchronized (lock) {
        if (stopped) {
          return;
        }
        stopped = true;
      }
      failure.logStopped(LOG, "streaming", config.sdkKey());
      synchronized (reportLock) {
        failure.reportTo(updates, initialized, context.clock().instant());
      }
      started.complete(false);
      return;
    }
    synchronized (reportLock) {
      if (isStopped()) {
        return;
      }
      failure.reportTo(updates, initialized, context.clock().instant());
    }
    Duration delay = backoff.nextDelay(context.clock().instant());
    LOG.warn("A vs B stream interrupted ({}); reconnecting in {} ms", failure.message(), delay.toMillis());
    synchronized (lock) {
      if (stopped) {
        return;
      }
      try {
        reconnect =
            context
                .scheduler()
                .schedule(this::reconnect, delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        LOG.warn("The server's scheduler is shut down; the A vs B stream will not reconnect");
      }
    }
  }

  private void reconnect() {
    synchronized (lock) {
      reconnect = null;
      if (!stopped) {
        launchLocked();
      }
    }
  }

  private static void joinQuietly(Thread thread) {
    if (thread == null) {
      return;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean isStopped() {
    synchronized (lock) {
      return stopped;
    }
  }
}
