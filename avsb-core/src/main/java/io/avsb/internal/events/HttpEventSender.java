package io.avsb.internal.events;

import io.avsb.AvsbConfig;
import io.avsb.internal.http.Endpoints;
import io.avsb.internal.http.SdkHttpClient;
import io.avsb.internal.log.LogText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts event batches to {@code {eventsUri}/events/v1/bulk} with Apache HttpClient 5: one retry,
 * with the same payload id, after a network error or a 5xx, 408 or 429; a 401 or 403 stops
 * sending for good. A {@code Retry-After} on a 429 or 503 (seconds or an HTTP date) is honoured,
 * up to {@link #MAX_RETRY_AFTER}: the retry, and any later batch, waits that long. The response
 * body is never read (the status says all): a response with a body has its connection dropped
 * instead of drained, so a service whose body never ends cannot hold the sender. The HttpClient is
 * made on the first send, on the sending thread, and every use of its types is in a nested class
 * loaded then: building a server does not wait for HttpClient's classes to load (or be verified).
 * Thread-safe as {@link EventSender} requires.
 */
public final class HttpEventSender implements EventSender {
  /** The wait before the one retry, as the protocol asks. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
  /** The longest {@code Retry-After} honoured; a longer one is cut to this. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  static final String PATH = "/events/v1/bulk";
  static final String SCHEMA_HEADER = "X-Avsb-Event-Schema";
  static final String PAYLOAD_ID_HEADER = "X-Avsb-Payload-Id";
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.events");

  private final URI endpoint;
  private final Duration retryDelay;
  private final AvsbConfig config;
  // made on the first send; guarded by this, so that close() and a first send do not race
  private Connection connection;
  private final Duration readTimeout;
  private final Clock clock;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean keyRejectionLogged = new AtomicBoolean();
  // owned by the one sending thread: when the service's Retry-After ends (System.nanoTime)
  private long pausedUntil;
  private boolean paused;

  /** A sender for {@code config}'s events URI, key, timeouts and proxy, retrying after 1 s. */
  public HttpEventSender(AvsbConfig config) {
    this(config, DEFAULT_RETRY_DELAY);
  }

  /** As {@link #HttpEventSender(AvsbConfig)} with another retry delay (a test seam). */
  public HttpEventSender(AvsbConfig config, Duration retryDelay) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retryDelay must not be negative, was " + retryDelay);
    }
    this.endpoint = Endpoints.of(config.eventsUri(), PATH);
    this.retryDelay = retryDelay;
    this.config = config;
    this.readTimeout = config.socketTimeout();
    this.clock = config.clock();
  }

  @Override
  public Result send(EventBatch batch) {
    int eventCount = batch.eventCount();
    if (closed.getCount() == 0) {
      return Result.FAILED;
    }
    if (paused && !await(pausedUntil - System.nanoTime())) {
      LOG.warn("Dropped {} events: shutting down while the service asked to wait", eventCount);
      return Result.FAILED;
    }
    paused = false;
    String payloadId = UUID.randomUUID().toString();
    Outcome first = post(batch, payloadId);
    if (first.status() == Status.OK || first.status() == Status.REJECTED_KEY) {
      return finish(first);
    }
    if (first.status() == Status.RETRYABLE) {
      long wait = Math.max(retryDelay.toNanos(), first.retryAfterNanos());
      LOG.debug("Event delivery failed ({}); retrying once in {} ms", first.detail(),
          TimeUnit.NANOSECONDS.toMillis(wait));
      if (!await(wait)) {
        LOG.warn("Dropped {} events: delivery failed ({}) while shutting down", eventCount,
            first.detail());
        return Result.FAILED;
      }
      paused = false;
      Outcome second = post(batch, payloadId);
      if (second.status() != Status.RETRYABLE && second.status() != Status.FATAL) {
        return finish(second);
      }
      LOG.warn("Dropped {} events: delivery failed twice (last: {})", eventCount, second.detail());
      return Result.FAILED;
    }
    LOG.warn("Dropped {} events: delivery failed ({})", eventCount, first.detail());
    return Result.FAILED;
  }

  private Result finish(Outcome outcome) {
    if (outcome.status() == Status.OK) {
      return Result.DELIVERED;
    }
    if (keyRejectionLogged.compareAndSet(false, true)) {
      LOG.error(
          "The events service rejected the SDK key ({}); no more analytics events will be sent."
              + " Check the key.", outcome.detail());
    }
    return Result.STOPPED;
  }

  /** Waits {@code nanos} unless closed meanwhile; false when closed. */
  private boolean await(long nanos) {
    try {
      return !closed.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The connection, made on first use; null once closed. */
  private synchronized Connection connection() {
    if (connection == null && closed.getCount() > 0) {
      connection = new Connection(SdkHttpClient.create(config));
    }
    return closed.getCount() == 0 ? null : connection;
  }

  private Outcome post(EventBatch batch, String payloadId) {
    Connection c;
    try {
      c = connection();
    } catch (RuntimeException e) {
      // made at build before; the configuration was checked there, so this is not expected
      return new Outcome(Status.FATAL, "cannot make the HTTP client: " + LogText.of(e.toString()), 0);
    }
    if (c == null) {
      return new Outcome(Status.FATAL, "sender closed", 0);
    }
    return c.post(batch, payloadId);
  }

  /**
   * A {@code Retry-After} value (delay-seconds or an HTTP date) in nanoseconds from now, at most
   * {@link #MAX_RETRY_AFTER}; 0 when absent, past or unreadable.
   */
  static long retryAfterNanos(String value, Clock clock) {
    if (value == null) {
      return 0;
    }
    String v = value.trim();
    long seconds;
    if (!v.isEmpty() && v.length() <= 10 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      seconds = Long.parseLong(v);
    } else {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        seconds = Math.max(0, at.toEpochSecond() - clock.instant().getEpochSecond());
      } catch (DateTimeParseException e) {
        return 0;
      }
    }
    return Math.min(seconds, MAX_RETRY_AFTER.toSeconds()) * 1_000_000_000L;
  }

  @Override
  public void close() {
    closed.countDown();
    synchronized (this) {
      if (connection != null) {
        connection.close();
      }
    }
  }

  /** The HttpClient and every use of its types, loaded on the first send. */
  private final class Connection {
    private final SdkHttpClient client;
    private volatile HttpPost inFlight;

    Connection(SdkHttpClient client) {
      this.client = client;
    }

    private Outcome post(EventBatch batch, String payloadId) {
      HttpPost post = client.post(endpoint, readTimeout);
      post.setHeader(SCHEMA_HEADER, "1");
      post.setHeader(PAYLOAD_ID_HEADER, payloadId);
      post.setEntity(new BatchEntity(batch));
      inFlight = post;
      try {
        if (closed.getCount() == 0) {
          return new Outcome(Status.FATAL, "sender closed", 0);
        }
        ClassicHttpResponse response = client.open(post);
        try {
          return classify(response);
        } finally {
          discard(post, response);
        }
      } catch (IOException | RuntimeException e) {
        if (closed.getCount() == 0) {
          return new Outcome(Status.FATAL, "aborted by shutdown", 0);
        }
        return new Outcome(Status.RETRYABLE,
            e.getClass().getSimpleName() + ": " + LogText.of(e.getMessage()), 0);
      } finally {
        inFlight = null;
      }
    }

    /**
     * Closes the response without reading its body: an empty body leaves the connection reusable;
     * any other is dropped with the connection, since draining it could take forever.
     */
    private static void discard(HttpPost post, ClassicHttpResponse response) {
      HttpEntity entity = response.getEntity();
      if (entity != null && entity.getContentLength() != 0) {
        post.cancel();
      }
      try {
        response.close();
      } catch (IOException e) {
        // the connection is gone either way
      }
    }

    private Outcome classify(ClassicHttpResponse response) {
      int code = response.getCode();
      String detail = "HTTP " + code;
      if (code >= 200 && code < 300) {
        return new Outcome(Status.OK, detail, 0);
      }
      if (code == 401 || code == 403) {
        return new Outcome(Status.REJECTED_KEY, detail, 0);
      }
      if (code >= 500 || code == 408 || code == 429) {
        long retryAfter = code == 429 || code == 503 ? retryAfterNanos(response) : 0;
        if (retryAfter > 0) {
          pausedUntil = System.nanoTime() + retryAfter;
          paused = true;
          detail += ", Retry-After " + TimeUnit.NANOSECONDS.toSeconds(retryAfter) + " s";
        }
        return new Outcome(Status.RETRYABLE, detail, retryAfter);
      }
      return new Outcome(Status.FATAL, detail, 0);
    }

    /** The response's Retry-After in nanoseconds, at most {@link #MAX_RETRY_AFTER}; 0 if none. */
    private long retryAfterNanos(ClassicHttpResponse response) {
      Header header = response.getFirstHeader("Retry-After");
      return header == null ? 0 : HttpEventSender.retryAfterNanos(header.getValue(), clock);
    }


    /** Aborts the request in flight and closes the client. */
    void close() {
      HttpPost post = inFlight;
      if (post != null) {
        post.cancel();
      }
      client.close();
    }
  }

  private enum Status {
    OK,
    RETRYABLE,
    REJECTED_KEY,
    FATAL
  }

  private record Outcome(Status status, String detail, long retryAfterNanos) {}

  /** The batch as a repeatable request body, streamed from its events. */
  private static final class BatchEntity extends AbstractHttpEntity {
    private static final ContentType JSON = ContentType.create("application/json");
    private final EventBatch batch;

    BatchEntity(EventBatch batch) {
      super(JSON, null, false);
      this.batch = batch;
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public long getContentLength() {
      return batch.byteCount();
    }

    @Override
    public InputStream getContent() throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      batch.writeTo(out);
      return new ByteArrayInputStream(out.toByteArray());
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      batch.writeTo(out);
    }

    @Override
    public boolean isStreaming() {
      return false;
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
