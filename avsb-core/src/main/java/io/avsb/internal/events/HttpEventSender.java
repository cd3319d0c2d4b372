package io.avsb.internal.events;

import io.avsb.AvsbConfig;
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
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
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
  private final String sdkKey;
  private final Duration retryDelay;
  private final CloseableHttpClient client;
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
    this.endpoint = endpoint(config.eventsUri());
    this.sdkKey = config.sdkKey();
    this.retryDelay = retryDelay;
    this.client = buildClient(config);
  }

  // TODO(network): share the client set-up of io.avsb.internal.http once it exists
  private static CloseableHttpClient buildClient(AvsbConfig config) {
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(config.connectTimeout()))
            .setSocketTimeout(Timeout.of(config.socketTimeout()))
            .build();
    HttpClientBuilder builder =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(connection)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.of(config.socketTimeout())).build())
            .setUserAgent(userAgent())
            .disableAutomaticRetries()
            .disableCookieManagement();
    URI proxy = config.proxyUri();
    if (proxy != null) {
      builder.setProxy(new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort()));
    }
    return builder.build();
  }

  static String userAgent() {
    String version = HttpEventSender.class.getPackage().getImplementationVersion();
    return "AvsbJava/" + (version == null ? "dev" : version);
  }

  private static URI endpoint(URI base) {
    String s = base.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s + PATH);
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
    HttpPost post = new HttpPost(endpoint);
    if (sdkKey != null) {
      post.setHeader(HttpHeaders.AUTHORIZATION, sdkKey);
    }
    post.setHeader(SCHEMA_HEADER, "1");
    post.setHeader(PAYLOAD_ID_HEADER, payloadId);
    post.setEntity(new ByteArrayEntity(body, JSON));
    inFlight = post;
    try {
      if (closed.getCount() == 0) {
        return new Outcome(Status.FATAL, "sender closed");
      }
      int code =
          client.execute(
              post,
              response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
              });
      return classify(code);
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
    client.close(CloseMode.IMMEDIATE);
  }

  private enum Status {
    OK,
    RETRYABLE,
    REJECTED_KEY,
    FATAL
  }

  private record Outcome(Status status, String detail) {}
}
