package io.avsb.internal.datasource;

import io.avsb.AvsbConfig;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.internal.http.SdkHttpClient;
import io.avsb.internal.json.JsonCodec;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceUpdates;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in polling data source: {@code GET {baseUri}/sdk/v1/flags} every {@link
 * AvsbConfig#pollInterval()} (at least 30 s), on the server's scheduler, the first poll at once.
 * It sends {@code If-None-Match} with the last applied {@code ETag}; a {@code 304} means the data
 * is unchanged and still counts as a healthy poll.
 *
 * <p>Errors are handled as in {@link StreamingDataSource}, except that a recoverable failure waits
 * for the next regular poll instead of a backoff: a 401, 403 or other non-retryable 4xx stops
 * polling for good ({@code OFF}, one ERROR line with the key masked, {@link #start()} completes
 * with false); a network error, 5xx, 400, 408 or 429 reports the error ({@code INITIALIZING} before
 * the first data, {@code INTERRUPTED} after) and polls again at the next interval; a malformed body
 * changes nothing and its ETag is not kept. Thread-safe.
 */
public final class PollingDataSource implements DataSource {
  /** The polling path below {@link AvsbConfig#baseUri()}. */
  public static final String PATH = "/sdk/v1/flags";

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.datasource");

  private final AvsbConfig config;
  private final DataSourceContext context;
  private final DataSourceUpdates updates;
  private final SdkHttpClient http;
  private final URI uri;
  private final Duration interval;
  private final CompletableFuture<Boolean> started = new CompletableFuture<>();
  private final Object lock = new Object();
  // Held while writing to updates, and by close() while reporting OFF: nothing is written after OFF.
  private final Object reportLock = new Object();
  private boolean startCalled;
  private boolean stopped;
  private HttpGet inFlight;
  private ScheduledFuture<?> task;
  private volatile String etag;
  private volatile boolean initialized;

  /** A polling source for {@code config}, writing to {@code updates}; nothing happens before {@link #start()}. */
  public PollingDataSource(AvsbConfig config, DataSourceContext context, DataSourceUpdates updates) {
    this.config = Objects.requireNonNull(config, "config");
    this.context = Objects.requireNonNull(context, "context");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.uri = SdkHttpClient.endpoint(config.baseUri(), PATH);
    Duration configured = config.pollInterval();
    this.interval =
        configured.compareTo(AvsbConfig.MIN_POLL_INTERVAL) < 0 ? AvsbConfig.MIN_POLL_INTERVAL : configured;
    this.http = SdkHttpClient.create(config);
  }

  /** Schedules the polls (the first at once); the stage completes as {@link DataSource#start()} says. */
  @Override
  public CompletionStage<Boolean> start() {
    synchronized (lock) {
      if (!startCalled && !stopped) {
        startCalled = true;
        LOG.info("Polling A vs B flags from {} every {} s", uri, interval.toSeconds());
        try {
          task =
              context
                  .scheduler()
                  .scheduleWithFixedDelay(this::pollSafely, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          LOG.error("The server's scheduler is shut down; A vs B polling cannot start");
          stopped = true;
          started.complete(false);
        }
      }
    }
    return started.minimalCompletionStage();
  }

  /** True once a full data set has been applied. */
  @Override
  public boolean isInitialized() {
    return initialized;
  }

  /** Cancels the polls, aborts a request in flight, reports {@code OFF}. */
  @Override
  public void close() {
    HttpGet request;
    ScheduledFuture<?> scheduled;
    boolean wasStopped;
    synchronized (lock) {
      wasStopped = stopped;
      stopped = true;
      request = inFlight;
      scheduled = task;
    }
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    if (request != null) {
      request.cancel();
    }
    http.close();
    if (!wasStopped) {
      synchronized (reportLock) {
        updates.updateStatus(State.OFF, null);
      }
    }
    started.complete(false);
  }

  // A periodic task that throws is never run again, so nothing may escape.
  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("Unexpected error while polling A vs B flags", e);
      report(new HttpFailure(ErrorKind.UNKNOWN, 0, "unexpected " + e, true));
    }
  }

  private void poll() {
    HttpGet get = http.get(uri, config.socketTimeout());
    String lastEtag = etag;
    if (lastEtag != null) {
      get.setHeader(HttpHeaders.IF_NONE_MATCH, lastEtag);
    }
    synchronized (lock) {
      if (stopped) {
        return;
      }
      inFlight = get;
    }
    HttpFailure failure;
    try {
      failure = fetch(get);
    } finally {
      synchronized (lock) {
        inFlight = null;
      }
    }
    if (failure != null) {
      report(failure);
    }
  }

  /** Makes one request and applies its answer; returns the failure, or null when healthy or closed. */
  private HttpFailure fetch(HttpGet get) {
    try (ClassicHttpResponse response = http.open(get)) {
      int status = response.getCode();
      if (status == 304 && initialized) {
        LOG.debug("Flags unchanged (304)");
        synchronized (reportLock) {
          if (!isStopped()) {
            updates.updateStatus(State.VALID, null);
          }
        }
        return null;
      }
      if (status != 200) {
        return HttpFailure.response(status, "the polling service");
      }
      HttpEntity entity = response.getEntity();
      byte[] body = entity == null ? new byte[0] : entity.getContent().readAllBytes();
      AvsbValue data;
      try {
        data = StreamEvents.allData(JsonCodec.parse(new String(body, StandardCharsets.UTF_8)), "polling response");
      } catch (IllegalArgumentException e) {
        LOG.debug("Unusable polling response", e);
        return HttpFailure.invalidData("polling response is not valid JSON");
      } catch (StreamDataException e) {
        return HttpFailure.invalidData(e.getMessage());
      }
      synchronized (reportLock) {
        if (isStopped()) {
          return null;
        }
        if (!updates.init(data)) {
          return HttpFailure.invalidData("the store refused the polling response");
        }
        Header tag = response.getFirstHeader(HttpHeaders.ETAG);
        etag = tag == null ? null : tag.getValue();
        initialized = true;
        updates.updateStatus(State.VALID, null);
      }
      if (started.complete(true)) {
        LOG.info("Received the first flag data from A vs B polling");
      }
      return null;
    } catch (IOException e) {
      return isStopped() ? null : HttpFailure.network("polling request failed: " + e);
    }
  }

  private void report(HttpFailure failure) {
    if (!failure.recoverable()) {
      ScheduledFuture<?> scheduled;
      synchronized (lock) {
        if (stopped) {
          return;
        }
        stopped = true;
        scheduled = task;
      }
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      failure.logStopped(LOG, "polling", config.sdkKey());
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
    LOG.warn("A vs B poll failed ({}); polling again in {} s", failure.message(), interval.toSeconds());
  }

  private boolean isStopped() {
    synchronized (lock) {
      return stopped;
    }
  }
}
