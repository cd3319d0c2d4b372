package io.avsb.internal.http;

import io.avsb.AvsbConfig;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One HttpClient 5 client set up for the A vs B service: a small connection pool, the configured
 * connect and socket timeouts, the configured proxy, TLS 1.2/1.3 with the JVM's trust store and
 * host-name checks, no cookies and no automatic retries (the callers own their retry policy). Every
 * request it makes carries {@code Authorization: <sdk key>} and {@code User-Agent:
 * AvsbJava/<version>}.
 *
 * <p>Each component that talks to the service (stream, poller, event sender) owns one and closes
 * it; closing aborts requests in flight. It starts no threads. Thread-safe.
 */
public final class SdkHttpClient implements Closeable {
  private final CloseableHttpClient client;
  private final String sdkKey;
  private final Duration connectTimeout;

  private SdkHttpClient(CloseableHttpClient client, String sdkKey, Duration connectTimeout) {
    this.client = client;
    this.sdkKey = sdkKey;
    this.connectTimeout = connectTimeout;
  }

  /** Creates a client from the SDK key, timeouts and proxy of {@code config}. */
  public static SdkHttpClient create(AvsbConfig config) {
    Objects.requireNonNull(config, "config");
    PoolingHttpClientConnectionManager pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            // made on the first TLS connection: the JVM's default SSL context (its trust store
            // read and parsed) takes a good part of a cold start, and a client talking plain HTTP,
            // or not yet connected, need not wait for it
            .setTlsSocketStrategy(new LazyTlsStrategy(() ->
                ClientTlsStrategyBuilder.create()
                    .setSslContext(SSLContexts.createSystemDefault())
                    .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                    .buildClassic()))
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(timeout(config.connectTimeout()))
                    .setSocketTimeout(timeout(config.socketTimeout()))
                    .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                    .build())
            .setMaxConnPerRoute(4)
            .setMaxConnTotal(8)
            .build();
    var builder =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setUserAgent(SdkVersion.userAgent())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(timeout(config.connectTimeout()))
                    .setResponseTimeout(timeout(config.socketTimeout()))
                    .setMaxRedirects(3)
                    .build());
    URI proxy = config.proxyUri();
    if (proxy != null) {
      builder.setProxy(new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort()));
    }
    return new SdkHttpClient(builder.build(), config.sdkKey(), config.connectTimeout());
  }

  /** A GET of {@code uri} with the SDK's headers, failing when a read waits longer than {@code readTimeout}. */
  public HttpGet get(URI uri, Duration readTimeout) {
    return prepare(new HttpGet(uri), readTimeout, true);
  }

  /**
   * A GET of an event stream: {@code Accept: text/event-stream}, no content compression (so that
   * every event is readable as soon as it arrives), and {@code readTimeout} between any two reads.
   */
  public HttpGet stream(URI uri, Duration readTimeout) {
    HttpGet get = prepare(new HttpGet(uri), readTimeout, false);
    get.setHeader(HttpHeaders.ACCEPT, "text/event-stream");
    get.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    return get;
  }

  /** A POST to {@code uri} with the SDK's headers; the caller sets the entity. */
  public HttpPost post(URI uri, Duration readTimeout) {
    return prepare(new HttpPost(uri), readTimeout, true);
  }

  /**
   * Sends {@code request} and returns the response with its body still unread. The caller closes
   * it; to stop reading a body early (a stream), cancel the request first so the connection is
   * dropped instead of drained.
   */
  public ClassicHttpResponse open(ClassicHttpRequest request) throws IOException {
    return client.executeOpen(null, request, null);
  }

  /** Closes the pool at once, aborting requests in flight. */
  @Override
  public void close() {
    client.close(CloseMode.IMMEDIATE);
  }

  private <R extends HttpUriRequestBase> R prepare(R request, Duration readTimeout, boolean compress) {
    if (sdkKey != null) {
      request.setHeader(HttpHeaders.AUTHORIZATION, sdkKey);
    }
    request.setConfig(
        RequestConfig.custom()
            .setConnectionRequestTimeout(timeout(connectTimeout))
            .setResponseTimeout(timeout(readTimeout))
            .setContentCompressionEnabled(compress)
            .setMaxRedirects(3)
            .build());
    return request;
  }

  private static Timeout timeout(Duration d) {
    return Timeout.of(d.toMillis(), TimeUnit.MILLISECONDS);
  }
}
