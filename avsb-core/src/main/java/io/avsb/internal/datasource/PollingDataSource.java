package io.avsb.internal.datasource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.avsb.AvsbConfig;
import io.avsb.internal.http.Endpoints;
import io.avsb.internal.http.SdkHttpClient;
import io.avsb.internal.json.JsonCodec;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * The opt-in polling data source: {@code GET {baseUri}/sdk/v1/flags} every {@link
 * AvsbConfig#pollInterval()} (at least 30 s), on the server's scheduler, the first poll at once.
 * It sends {@code If-None-Match} with the last applied {@code ETag}; a {@code 304} means the data
 * is unchanged and still counts as a healthy poll.
 *
 * <p>The body is parsed as it arrives and handed to the store item by item (see {@link DataSet}),
 * counted after decompression against {@link AvsbConfig#maxDataBytes()}; the whole poll, from
 * connecting to the last byte, must end within {@link AvsbConfig#pollTimeout()} (a watchdog on the
 * server's scheduler aborts it, and the body's reads check the deadline too).
 *
 * <p>Errors are handled as in {@link StreamingDataSource}, except that a recoverable failure waits
 * for the next regular poll instead of a backoff: a 401, 403 or other non-retryable 4xx stops
 * polling for good ({@code OFF}, one ERROR line with the key masked, {@link #start()} completes
 * with false); a network error, a timeout, 5xx, 400, 408 or 429, a body that is malformed or over
 * the limit, or an unexpected exception or {@link OutOfMemoryError} on the polling thread reports
 * the error ({@code INITIALIZING} before the first data, {@code INTERRUPTED} after, so stale data
 * never looks fresh) and polls again at the next interval; a malformed body changes nothing and its
 * ETag is not kept. Thread-safe.
 */
public final class PollingDataSource extends HttpDataSource {
  /** The polling path below {@link AvsbConfig#baseUri()}. */
  public static final String PATH = "/sdk/v1/flags";
  private static final String BODY = "polling response";

  private final URI uri;
  private final Duration interval;
  private final JsonFactory json;
  // guarded by lock
  private ScheduledFuture<?> task;
  private volatile String etag;

  /** A polling source for {@code config}, writing to {@code updates}; nothing happens before {@link #start()}. */
  public PollingDataSource(AvsbConfig config, DataSourceContext context, DataSourceUpdates updates) {
    super("polling", config, context, updates);
    this.uri = Endpoints.of(config.baseUri(), PATH);
    Duration configured = config.pollInterval();
    this.interval =
        configured.compareTo(AvsbConfig.MIN_POLL_INTERVAL) < 0 ? AvsbConfig.MIN_POLL_INTERVAL : configured;
    this.json = JsonCodec.factory(config.maxDataBytes());
  }

  @Override
  void begin() {
    synchronized (lock) {
      if (isStopped()) {
        return;
      }
      LOG.info("Polling A vs B flags from {} every {} s", uri, interval.toSeconds());
      try {
        task =
            context
                .scheduler()
                .scheduleWithFixedDelay(this::pollSafely, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return;
      } catch (RejectedExecutionException e) {
        LOG.error("The server's scheduler is shut down; A vs B polling cannot start");
      }
    }
    giveUp();
  }

  @Override
  void cancelScheduledLocked() {
    if (task != null) {
      task.cancel(false);
    }
  }

  // A periodic task that throws is never run again, so nothing may escape.
  private void pollSafely() {
    try {
      poll();
    } catch (Throwable t) {
      try {
        HttpFailure failure = unexpected(t, "polling");
        if (failure == null) {
          fatal(t, "polling");
          return;
        }
        if (t instanceof RuntimeException) {
          LOG.warn("Unexpected error while polling A vs B flags", t);
        }
        retryLater(failure);
      } catch (Throwable again) {
        fatal(again, "reporting " + t);
      }
    }
  }

  private void poll() {
    HttpGet get = http.get(uri, config.socketTimeout());
    String lastEtag = etag;
    if (lastEtag != null) {
      get.setHeader(HttpHeaders.IF_NONE_MATCH, lastEtag);
    }
    if (!track(get)) {
      return;
    }
    long start = System.nanoTime();
    ScheduledFuture<?> watchdog = watchdog(get);
    HttpFailure failure;
    try {
      failure = fetch(get, start);
    } finally {
      untrack();
      if (watchdog != null) {
        watchdog.cancel(false);
      }
    }
    if (failure != null) {
      retryLater(failure);
    }
  }

  // Aborts the request when the deadline passes while it waits for headers; the body's reads check
  // the deadline themselves.
  private ScheduledFuture<?> watchdog(HttpGet get) {
    Runnable abort = get::cancel;
    try {
      return context.scheduler().schedule(abort, config.pollTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  /** Makes one request and applies its answer; returns the failure, or null when healthy or closed. */
  private HttpFailure fetch(HttpGet get, long start) {
    ClassicHttpResponse response = null;
    boolean complete = false;
    try {
      response = http.open(get);
      int status = response.getCode();
      if (status == 304 && isInitialized()) {
        LOG.debug("Flags unchanged (304)");
        synchronized (reportLock) {
          if (!isStopped()) {
            validLocked();
          }
        }
        complete = true;
        return null;
      }
      if (status != 200) {
        return HttpFailure.response(status, "the polling service");
      }
      HttpEntity entity = response.getEntity();
      InputStream body = new LimitedBody(
          entity == null ? InputStream.nullInputStream() : entity.getContent(),
          config.maxDataBytes(), BODY, start, config.pollTimeout());
      synchronized (reportLock) {
        if (isStopped()) {
          return null;
        }
        // the body is read here, item by item, while the store builds the new data
        if (!DataSetUpdates.init(updates, items -> read(body, items))) {
          return HttpFailure.invalidData("the store refused " + BODY);
        }
        complete = true;
        Header tag = response.getFirstHeader(HttpHeaders.ETAG);
        etag = tag == null ? null : tag.getValue();
        validLocked();
      }
      firstData("A vs B polling");
      return null;
    } catch (StreamDataException e) {
      return HttpFailure.invalidData(e.getMessage());
    } catch (JsonProcessingException e) {
      LOG.debug("Unusable polling response", e);
      return HttpFailure.invalidData(JsonCodec.problem(BODY, e, json));
    } catch (IOException e) {
      if (isStopped()) {
        return null;
      }
      if (e instanceof LimitedBody.DeadlineException) {
        return HttpFailure.network(e.getMessage());
      }
      return HttpFailure.network(get.isCancelled()
          ? "the poll took longer than " + config.pollTimeout() + " (pollTimeout)"
          : "polling request failed: " + LogText.of(e.toString()));
    } finally {
      // a body left unread is dropped with its connection, not drained (it may never end)
      if (!complete) {
        get.cancel();
      }
      if (response != null) {
        try {
          response.close();
        } catch (IOException | RuntimeException e) {
          LOG.trace("Closing the polling response", e);
        }
      }
    }
  }

  private void read(InputStream body, DataSet.Items items) throws IOException {
    try (JsonParser p = json.createParser(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      // closing a body that was not read to its end would drain it (it may never end): the
      // request is cancelled and the response closed by fetch instead
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      DataSetReader.readDocument(p, BODY, items);
    }
  }

  private void retryLater(HttpFailure failure) {
    if (report(failure)) {
      LOG.warn("A vs B poll failed ({}); polling again in {} s", failure.message(), interval.toSeconds());
    }
  }
}
