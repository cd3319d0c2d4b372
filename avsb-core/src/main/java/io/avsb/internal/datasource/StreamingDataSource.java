package io.avsb.internal.datasource;

import io.avsb.AvsbConfig;
import io.avsb.internal.http.Endpoints;
import io.avsb.internal.http.SdkHttpClient;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The default data source: {@code GET {streamUri}/sdk/v1/stream} as server-sent events. A {@code
 * put} replaces all data, {@code patch} and {@code delete} change one item; unknown events, and
 * events for unknown kinds of item, are ignored (see {@link StreamEvents}).
 *
 * <p>Each connection is read on its own daemon thread named {@code avsb-stream}. When a connection
 * fails (a network error, a recoverable status: 5xx, 400, 408, 429; see {@link
 * io.avsb.internal.http.HttpStatuses}), ends, stays silent longer than the stream read timeout,
 * sends a malformed event or one larger than {@link AvsbConfig#maxDataBytes()}, or its thread
 * meets an unexpected exception or an {@link OutOfMemoryError}, the source reports the error (its
 * cause in the message) and reconnects after a {@link Backoff} delay scheduled on the server's
 * scheduler; the last good data stays in use. A 401 or 403, or any other 4xx, stops it for good:
 * status {@code OFF}, {@link #start()} completes with false, one ERROR line (the key masked), no
 * further requests; so does an error the thread cannot survive (see {@link
 * HttpDataSource#unexpected}), with one ERROR line. The {@code retry} field of the stream is
 * ignored: the protocol fixes the reconnect policy.
 *
 * <p>Status: {@code INITIALIZING} (with the last error, if any) until the first {@code put}; {@code
 * VALID} after each {@code put}; {@code INTERRUPTED} while reconnecting after that; {@code OFF} once
 * stopped or closed. Thread-safe.
 */
public final class StreamingDataSource extends HttpDataSource {
  /** The stream's path below {@link AvsbConfig#streamUri()}. */
  public static final String PATH = "/sdk/v1/stream";

  // room for the field name of a data line whose value may be maxDataBytes long
  private static final int LINE_SLACK = 64;

  private final Backoff backoff;
  private final URI uri;
  private final StreamEvents events;
  // guarded by lock
  private Thread reader;
  private ScheduledFuture<?> reconnect;
  private final AtomicLong connections = new AtomicLong();

  /** A stream source for {@code config}, writing to {@code updates}; nothing happens before {@link #start()}. */
  public StreamingDataSource(AvsbConfig config, DataSourceContext context, DataSourceUpdates updates) {
    this(config, context, updates, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** As the public constructor, with the backoff's jitter source ({@code [0, 1)}) injected. */
  public StreamingDataSource(
      AvsbConfig config, DataSourceContext context, DataSourceUpdates updates, DoubleSupplier jitter) {
    super("streaming", config, context, updates);
    this.backoff = new Backoff(config.initialReconnectDelay(), jitter);
    this.uri = Endpoints.of(config.streamUri(), PATH);
    this.events = new StreamEvents(config.maxDataBytes());
  }

  @Override
  void begin() {
    LOG.info("Connecting to the A vs B stream at {}", uri);
    launch();
  }

  /** How many connections the service accepted (answered 200), the first one included. */
  public long connectionCount() {
    return connections.get();
  }

  @Override
  void cancelScheduledLocked() {
    if (reconnect != null) {
      reconnect.cancel(false);
      reconnect = null;
    }
  }

  @Override
  void awaitThreads() {
    Thread thread;
    synchronized (lock) {
      thread = reader;
    }
    if (thread != Thread.currentThread()) {
      joinQuietly(thread);
    }
  }

  // Starting a thread can fail (no memory for its stack): that is retried like a failed connection.
  private void launch() {
    Throwable failed = null;
    synchronized (lock) {
      if (isStopped()) {
        return;
      }
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
      try {
        thread.start();
        reader = thread;
      } catch (Throwable t) {
        failed = t;
      }
    }
    if (failed != null) {
      retryAfter(failed, "starting the stream thread");
    }
  }

  private void connectOnce() {
    try {
      HttpGet get = http.stream(uri, config.streamReadTimeout());
      if (!track(get)) {
        return;
      }
      HttpFailure failure;
      try {
        failure = read(get);
      } finally {
        untrack();
      }
      if (failure != null) {
        fail(failure);
      }
    } catch (Throwable t) {
      retryAfter(t, "reading the stream");
    }
  }

  // After anything unexpected on the stream's threads: report it and reconnect, or, when it is an
  // error nothing survives (or reporting it fails again), stop for good saying so.
  private void retryAfter(Throwable t, String during) {
    try {
      HttpFailure failure = unexpected(t, during);
      if (failure == null) {
        fatal(t, during);
        return;
      }
      if (t instanceof RuntimeException) {
        LOG.warn("Unexpected error while {} of the A vs B stream", during, t);
      }
      fail(failure);
    } catch (Throwable again) {
      fatal(again, "reporting " + t);
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
      SseParser parser =
          new SseParser(this::onEvent, config.maxDataBytes(), config.maxDataBytes() + LINE_SLACK);
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
      return isStopped() ? null : HttpFailure.network("stream connection failed: " + LogText.of(e.toString()));
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
      outcome = events.apply(event, updates);
      if (outcome == StreamEvents.Outcome.PUT) {
        validLocked();
      }
    }
    if (outcome == StreamEvents.Outcome.PUT) {
      firstData("the A vs B stream");
    } else if (outcome == StreamEvents.Outcome.IGNORED) {
      LOG.debug("Ignored a stream event of type {}", LogText.of(event.type()));
    }
  }

  private void fail(HttpFailure failure) {
    if (!report(failure)) {
      return;
    }
    Duration delay = backoff.nextDelay(context.clock().instant());
    LOG.warn("A vs B stream interrupted ({}); reconnecting in {} ms", failure.message(), delay.toMillis());
    synchronized (lock) {
      if (isStopped()) {
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
    }
    launch();
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
}
