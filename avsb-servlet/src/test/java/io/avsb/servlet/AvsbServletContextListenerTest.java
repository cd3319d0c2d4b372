package io.avsb.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener configured as from {@code web.xml}: the seed's flags file as the webapp resource
 * {@code /WEB-INF/flags.json}, and the server closed, its threads gone, when the webapp stops.
 */
class AvsbServletContextListenerTest {
  @TempDir static Path webapp;
  private static Server jetty;
  private static ServletContextHandler context;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    Path root = Path.of(System.getProperty("avsb.project.root", ".."));
    Files.createDirectories(webapp.resolve("WEB-INF"));
    Files.copy(root.resolve("examples/flags.json"), webapp.resolve("WEB-INF/flags.json"));
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setPort(0);
    jetty.addConnector(connector);
    context = new ServletContextHandler("/shop");
    context.setBaseResourceAsPath(webapp);
    context.setInitParameter("avsb.flagsFile", "/WEB-INF/flags.json");
    context.setInitParameter("avsb.startWait", "PT5S");
    context.addEventListener(new AvsbServletContextListener());
    context.addFilter(AvsbFilter.class, "/*", EnumSet.allOf(DispatcherType.class));
    context.addServlet(new ServletHolder(new ProbeServlets.Probe()), "/probe");
    jetty.setHandler(context);
    jetty.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.stop();
  }

  private static Map<String, String> probe(String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/shop/probe"));
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return AvsbFilterTest.lines(r.body());
  }

  @Test
  void theWebappResourceFlagsFileServesTheSeedAndStopCleansUp() throws Exception {
    assertThat(probe("x-user-id", "u2", "x-user-plan", "pro"))
        .containsEntry("checkout", "true").containsEntry("theme", "dark");
    assertThat(probe("x-user-id", "u_power")).containsEntry("checkout", "true");
    assertThat(probe("x-user-id", "u1", "x-user-plan", "free"))
        .containsEntry("checkout", "false").containsEntry("theme", "default");
    assertThat(probe()).containsEntry("key", "anon").containsEntry("checkout", "false");
    assertThat(Avsb.server(context.getServletContext())).isNotNull();
    assertThat(Thread.getAllStackTraces().keySet())
        .anyMatch(t -> t.getName().startsWith("avsb-"));

    context.stop();

    assertThat(context.getServletContext().getAttribute(Avsb.SERVER_ATTRIBUTE)).isNull();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(Thread.getAllStackTraces().keySet())
            .noneMatch(t -> t.isAlive() && t.getName().startsWith("avsb-")));
  }
}
