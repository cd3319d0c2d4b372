package io.avsb.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.internal.log.LogCapture;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * The listener configured as from {@code web.xml}: the seed's flags file as the webapp resource
 * {@code /WEB-INF/flags.json}, and the server closed, its threads gone, when the webapp stops.
 */
class AvsbServletContextListenerTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

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

  /** A second webapp on its own Jetty, with {@code files} under its root, for one test. */
  private record Webapp(Server jetty, Path root, int port) implements AutoCloseable {
    static Webapp start(Path root, Map<String, String> params) throws Exception {
      Server jetty = new Server();
      ServerConnector connector = new ServerConnector(jetty);
      connector.setPort(0);
      jetty.addConnector(connector);
      ServletContextHandler ctx = new ServletContextHandler("/shop");
      ctx.setBaseResourceAsPath(root);
      params.forEach(ctx::setInitParameter);
      ctx.addEventListener(new AvsbServletContextListener());
      ctx.addFilter(AvsbFilter.class, "/*", EnumSet.allOf(DispatcherType.class));
      ctx.addServlet(new ServletHolder(new ProbeServlets.Probe()), "/probe");
      jetty.setHandler(ctx);
      jetty.start();
      return new Webapp(jetty, root, connector.getLocalPort());
    }

    Map<String, String> probe(String... headers) throws Exception {
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

    @Override
    public void close() {
      try {
        jetty.stop();
      } catch (Exception e) {
        throw new IllegalStateException("stopping Jetty failed", e);
      }
    }
  }

  private static Path seed() {
    return Path.of(System.getProperty("avsb.project.root", "..")).resolve("examples/flags.json");
  }

  private static void replace(Path file, String content) throws Exception {
    Path tmp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void aPlanWithoutAnIdIsTheAnonymousContextAndMatchesNoPlanRule(@TempDir Path root)
      throws Exception {
    Files.createDirectories(root.resolve("WEB-INF"));
    Files.copy(seed(), root.resolve("WEB-INF/flags.json"));
    try (Webapp app = Webapp.start(root, Map.of("avsb.flagsFile", "/WEB-INF/flags.json"))) {
      assertThat(app.probe("x-user-plan", "pro"))
          .containsEntry("key", "anon").containsEntry("anonymous", "true")
          .containsEntry("plan", "").containsEntry("reason", "FALLTHROUGH")
          .containsEntry("theme", "default");
      assertThat(app.probe("x-user-id", "u2", "x-user-plan", "pro"))
          .containsEntry("plan", "pro").containsEntry("reason", "RULE_MATCH");
    }
  }

  @Test
  @Timeout(60) // a start that waited out its hour would fail here instead of hanging the build
  void aMalformedFlagsFileStartsTheWebappAtOnceAndAGoodVersionIsPickedUp(@TempDir Path root)
      throws Exception {
    Path flags = Files.createDirectories(root.resolve("WEB-INF")).resolve("flags.json");
    Files.writeString(flags, "{\"flags\": {\"checkout-v2\": ");
    try (Webapp app = Webapp.start(root,
        Map.of("avsb.flagsFile", "/WEB-INF/flags.json", "avsb.startWait", "PT1H"))) {
      assertThat(logs.messages(Level.ERROR, "io.avsb.datasource")).singleElement().asString()
          .startsWith("flags file " + flags + " is malformed: ")
          .endsWith("; not ready until a good version is read");
      assertThat(logs.messages(Level.WARN, "io.avsb.client")).singleElement().asString()
          .startsWith("A vs B is not ready: the data source could not deliver the first data")
          .contains("flags file " + flags + " is malformed");
      assertThat(logs.messages(Level.WARN, "io.avsb.servlet")).containsExactly("A vs B server"
          + " for webapp '/shop' started without flags; they give their defaults until data"
          + " arrives");
      assertThat(app.probe("x-user-id", "u2", "x-user-plan", "pro"))
          .containsEntry("checkout", "false").containsEntry("reason", "ERROR");

      replace(flags, Files.readString(seed()));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(app.probe("x-user-id", "u2", "x-user-plan", "pro"))
              .containsEntry("checkout", "true").containsEntry("theme", "dark"));
    }
  }

  @Test
  void aMistypedFlagsFileIsNamedWithWhereItWasLookedForAndTheRealOfflineReason(
      @TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("WEB-INF"));
    Files.copy(seed(), root.resolve("WEB-INF/flags.json"));
    try (Webapp app = Webapp.start(root, Map.of("avsb.flagsFile", "/WEB-INF/flag.json"))) {
      assertThat(logs.messages(Level.ERROR, "io.avsb.servlet")).containsExactly(
          "A vs B setting context-param avsb.flagsFile names the flags file"
              + " \"/WEB-INF/flag.json\", but there is no webapp resource /WEB-INF/flag.json and"
              + " no file /WEB-INF/flag.json; running without it");
      assertThat(logs.messages(Level.INFO, "io.avsb.datasource")).containsExactly(
          "A vs B runs offline because it has neither an SDK key nor a flags file: no network"
              + " connection, every flag gives the caller's default");
      assertThat(app.probe("x-user-id", "u2", "x-user-plan", "pro"))
          .containsEntry("checkout", "false").containsEntry("theme", "default");
    }
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
