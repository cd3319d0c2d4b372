package io.avsb.internal.events;

import io.avsb.AvsbConfig;
import io.avsb.internal.http.SdkHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts event batches to {@code {eventsUri}/events/v1/bulk} with Apache HttpClient 5: one retry,
 * with the same payload id, after a network error or a 5xx, 408 or 429; a 401 or 403 stops
 * sending for good. Thread-safe as {@link EventSender} requires.
 */
public final class HttpEventSender implements EventSender {
  /** The wait before the one retry, as the protocol asks. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

  static final String PATH = "/events/v1/bulk";
  static final String SCHEMA_HEADER = "X-Avsb-Event-Schema";
  static final String PAYLOAD_ID_HEADER = "X-Avsb-Payload-Id";
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.events");
  private static final ContentType JSON = ContentType.create("application/json");

  private final URI endpoint;
  private final Duration retryDelay;
  private final SdkHttpClient client;
  private final Duration readTimeout;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean keyRejectionLogged = new AtomicBoolean();
  private volatile HttpPost inFlight;

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
    this.endpoint = SdkHttpClient.endpoint(config.eventsUri(), PATH);
    this.retryDelay = retryDelay;
    this.client = SdkHttpClient.create(config);
    this.readTimeout = config.socketTimeout();
  }

  @Override
  public Result send(String payload, int eventCount) {
    if (closed.getCount() == 0) {
      return Result.FAILED;
    }
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    String payloadId = UUID.randomUUID().toString();
    Outcome first = post(body, payloadId);
    if (first.status() == Status.OK || first.status() == Status.REJECTED_KEY) {
      return finish(first, eventCount);
    }
    if (first.status() == Status.RETRYABLE) {
      LOG.debug("Event delivery failed ({}); retrying once in {} ms", first.detail(), retryDelay.toMillis());
      if (!awaitRetry()) {
        LOG.warn("Dropped {} events: delivery failed ({}) while shutting down", eventCount, first.detail());
        return Result.FAILED;
      }
      Outcome second = post(body, payloadId);
      if (second.status() != Status.RETRYABLE && second.status() != Status.FATAL) {
        return finish(second, eventCount);
      }
      LOG.warn("Dropped {} events: delivery failed twice (last: {})", eventCount, second.detail());
      return Result.FAILED;
    }
    LOG.warn("Dropped {} events: delivery failed ({})", eventCount, first.detail());
    return Result.FAILED;
  }

  private Result finish(Outcome outcome, int eventCount) {
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

  /** Waits out the retry delay; false when closed meanwhile. */
  private boolean awaitRetry() {
    try {
      return !closed.await(retryDelay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Outcome post(byte[] body, String payloadId) {
    HttpPost post = client.post(endpoint, readTimeout);
    post.setHeader(SCHEMA_HEADER, "1");
    post.setHeader(PAYLOAD_ID_HEADER, payloadId);
    post.setEntity(new ByteArrayEntity(body, JSON));
    inFlight = post;
    try {
      if (closed.getCount() == 0) {
        return new Outcome(Status.FATAL, "sender closed");
      }
      try (ClassicHttpResponse response = client.open(post)) {
        EntityUtils.consume(response.getEntity());
        return classify(response.getCode());
      }
    } catch (IOException | RuntimeException e) {
      if (closed.getCount() == 0) {
        return new Outcome(Status.FATAL, "aborted by shutdown");
      }
      return new Outcome(Status.RETRYABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      inFlight = null;
    }
  }

  private static Outcome classify(int code) {
    String detail = "HTTP " + code;
    if (code >= 200 && code < 300) {
      return new Outcome(Status.OK, detail);
    }
    if (code == 401 || code == 403) {
      return new Outcome(Status.REJECTED_KEY, detail);
    }
    if (code >= 500 || code == 408 || code == 429) {
      return new Outcome(Status.RETRYABLE, detail);
    }
    return new Outcome(Status.FATAL, detail);
  }

  @Override
  public void close() {
    closed.countDown();
    HttpPost post = inFlight;
    if (post != null) {
      post.cancel();
    }
    client.close();
  }

  private enum Status {
    OK,
    RETRYABLE,
    REJECTED_KEY,
    FATAL
  }

  private record Outcome(Status status, String detail) {}
}
