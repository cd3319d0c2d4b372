package io.avsb.examples.jaxrs;

import io.avsb.AvsbValue;
import io.avsb.jaxrs.AvsbFeature;
import io.avsb.testkit.MockAvsbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * The example application on Jersey standalone (Grizzly, a free local port), reading flags from a
 * test's {@link MockAvsbServer}, with an HTTP client to call it. One per test: no shared state.
 */
final class CheckoutApp implements AutoCloseable {
  /** One HTTP answer, with the JSON body parsed. */
  record Reply(int status, AvsbValue json) {}

  private final HttpServer server;
  private final URI base;
  private final CloseableHttpClient client = HttpClients.createDefault();

  private CheckoutApp(MockAvsbServer avsb) {
    server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:0/"),
            new CheckoutApplication(new AvsbFeature(avsb.server())));
    base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
  }

  /** Starts the application over {@code avsb}. */
  static CheckoutApp start(MockAvsbServer avsb) {
    return new CheckoutApp(avsb);
  }

  /** GETs {@code path} with headers given as name, value, ... */
  Reply get(String path, String... headers) {
    return send("GET", path, headers);
  }

  /** POSTs to {@code path} with headers given as name, value, ... */
  Reply post(String path, String... headers) {
    return send("POST", path, headers);
  }

  private Reply send(String method, String path, String... headers) {
    HttpUriRequestBase request = new HttpUriRequestBase(method, base.resolve(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    try {
      return client.execute(
          request,
          response -> {
            String body =
                response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Reply(
                response.getCode(), body.isEmpty() ? AvsbValue.NULL : AvsbValue.parse(body));
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
    server.shutdownNow();
  }
}
