package io.avsb.jaxrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A Jersey application on a real Grizzly HTTP server on a free local port, and an Apache
 * HttpClient 5 to call it. Each test makes its own; nothing is shared between tests.
 */
final class JerseyHttp implements AutoCloseable {
  /** One HTTP answer. */
  record Reply(int status, String body, List<String> setCookies) {}

  private final HttpServer server;
  private final URI base;
  private final CloseableHttpClient client;

  JerseyHttp(ResourceConfig app) {
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    int port = server.getListeners().iterator().next().getPort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    client = HttpClients.custom().disableCookieManagement().build();
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  /** GETs {@code path} with headers given as name, value, name, value... */
  Reply get(String path, String... headers) {
    return send("GET", path, headers);
  }

  private Reply send(String method, String path, String... headers) {
    HttpUriRequestBase request = new HttpUriRequestBase(method, uri(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    try {
      return client.execute(
          request,
          response -> {
            List<String> cookies = new ArrayList<>();
            for (Header h : response.getHeaders("Set-Cookie")) {
              cookies.add(h.getValue());
            }
            String body =
                response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Reply(response.getCode(), body, cookies);
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
