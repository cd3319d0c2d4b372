package io.avsb.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.cdi.probe.ProbeServlet;
import jakarta.enterprise.inject.spi.BeanManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.servlet.Listener;
import org.jboss.weld.environment.servlet.WeldServletLifecycle;

/**
 * One webapp with Weld's servlet integration in a real Jetty 12 on a free local port, serving
 * {@link ProbeServlet} at {@code /app/probe/*}; plain-text answers come back as maps. One at a
 * time: Weld keeps a class loader's container in one static slot, and a real container gives each
 * webapp its own class loader.
 */
final class WeldWebapp implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final ExecutorService workers = Executors.newFixedThreadPool(4);
  final ServletContextHandler context = new ServletContextHandler("/app");
  private final Server jetty = new Server();
  private final int port;

  /** Starts the webapp after {@code setUp} added the kit's listener, filter or settings. */
  WeldWebapp(Consumer<ServletContextHandler> setUp) throws Exception {
    // Weld's listener first: its request listener opens the request context before any filter
    context.addEventListener(new Listener());
    setUp.accept(context);
    ServletHolder probe = new ServletHolder(new ProbeServlet(workers, new CyclicBarrier(2)));
    probe.setAsyncSupported(true);
    context.addServlet(probe, "/probe/*");
    ServerConnector connector = new ServerConnector(jetty);
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(context);
    jetty.start();
    port = connector.getLocalPort();
  }

  /** A bean of the webapp's container, looked up from the calling thread. */
  <T> T bean(Class<T> type) {
    BeanManager manager = (BeanManager) context.getServletContext()
        .getAttribute(WeldServletLifecycle.BEAN_MANAGER_ATTRIBUTE_NAME);
    return manager.createInstance().select(type).get();
  }

  /** GETs {@code /app/probe/<path>}, which must answer 200; {@code set-cookie} is added. */
  Map<String, String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/app/probe/" + path))
        .timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<String> r;
    try {
      r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path, e);
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, String> answer = new LinkedHashMap<>();
    r.headers().firstValue("set-cookie").ifPresent(c -> answer.put("set-cookie", c));
    for (String line : r.body().split("\n")) {
      int eq = line.indexOf('=');
      answer.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return answer;
  }

  /**
   * Stops the webapp (Weld shuts down with it) and the server. An interrupt while stopping is
   * passed on (the flag is set again) and reported, so a try-with-resources need not handle it.
   */
  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping Jetty", e);
    } catch (Exception e) {
      throw new IllegalStateException("stopping Jetty failed", e);
    } finally {
      workers.shutdownNow();
    }
  }
}
