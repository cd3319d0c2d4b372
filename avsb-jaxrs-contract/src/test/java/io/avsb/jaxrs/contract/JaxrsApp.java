package io.avsb.jaxrs.contract;

import io.avsb.AvsbServer;
import jakarta.servlet.DispatcherType;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A JAX-RS {@link Application} deployed as the runtime under test deploys it in a servlet
 * container: its servlet ({@code avsb.jaxrs.servlet}, set by the Maven profile: RESTEasy's or
 * Jersey's) with the {@code jakarta.ws.rs.Application} init-parameter, in a real Jetty 12 on a
 * free local port; the server is where the A vs B listener keeps it, so {@code AvsbFeature} finds
 * it on its own. Called over real HTTP with Apache HttpClient 5. Each test class makes its own.
 */
final class JaxrsApp implements AutoCloseable {
  /** One HTTP answer. */
  record Reply(int status, String body, List<String> setCookies) {}

  /** The runtime under test: {@code resteasy} or {@code jersey}. */
  static String runtime() {
    String runtime = System.getProperty("avsb.jaxrs.runtime");
    if (runtime == null || runtime.isBlank()) {
      throw new IllegalStateException(
          "avsb.jaxrs.runtime is not set: run through Maven (mvn -pl avsb-jaxrs-contract -am"
              + " verify, with -Pjersey or -Pjersey4 for Jersey)");
    }
    return runtime;
  }

  static boolean resteasy() {
    return runtime().equals("resteasy");
  }

  private final Server jetty = new Server();
  private final CloseableHttpClient client = HttpClients.custom().disableCookieManagement().build();
  private final URI base;

  /** {@code app} with {@code server} in the servlet context. */
  JaxrsApp(Class<? extends Application> app, AvsbServer server) throws Exception {
    this(app, server, Map.of());
  }

  /**
   * {@code app} with {@code server} in the servlet context and, when {@code servletFilter} is
   * not empty, the A vs B servlet filter in front with those init-parameters.
   */
  JaxrsApp(Class<? extends Application> app, AvsbServer server, Map<String, String> servletFilter)
      throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    context.setAttribute(AvsbServer.class.getName(), server);
    if (!servletFilter.isEmpty()) {
      FilterHolder filter = new FilterHolder(io.avsb.servlet.AvsbFilter.class);
      filter.setInitParameters(servletFilter);
      filter.setAsyncSupported(true);
      context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
    }
    String servlet = System.getProperty("avsb.jaxrs.servlet");
    if (servlet == null || servlet.isBlank()) {
      runtime();
      throw new IllegalStateException("avsb.jaxrs.servlet is not set: run through Maven");
    }
    ServletHolder holder = new ServletHolder();
    holder.setClassName(servlet);
    holder.setInitParameter("jakarta.ws.rs.Application", app.getName());
    holder.setAsyncSupported(true);
    holder.setInitOrder(1);
    context.addServlet(holder, "/*");
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(context);
    jetty.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
  }

  /** GETs {@code path} with headers given as name, value, name, value... */
  Reply get(String path, String... headers) {
    return send("GET", path, headers);
  }

  /** POSTs an empty body to {@code path} with headers given as name, value, ... */
  Reply post(String path, String... headers) {
    return send("POST", path, headers);
  }

  private Reply send(String method, String path, String... headers) {
    HttpUriRequestBase request = new HttpUriRequestBase(method, base.resolve(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    try {
      return client.execute(request, response -> {
        List<String> cookies = new ArrayList<>();
        for (Header h : response.getHeaders("Set-Cookie")) {
          cookies.add(h.getValue());
        }
        String body = response.getEntity() == null
            ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        return new Reply(response.getCode(), body, cookies);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the client and stops Jetty. An interrupt while stopping is passed on (the flag is set
   * again) and reported, so a try-with-resources around this app need not handle it.
   */
  @Override
  public void close() {
    try {
      client.close();
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping Jetty", e);
    } catch (Exception e) {
      throw new IllegalStateException("stopping Jetty failed", e);
    }
  }
}
