package io.avsb.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbValue;
import io.avsb.spi.DataSource;
import io.avsb.spi.ContextResolvers;
import io.avsb.testkit.TestData;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.security.Credential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status and explain endpoints in a real Jetty 12 (ee10), over real HTTP on loopback: set up
 * in code ({@code /app}), declared as in {@code web.xml} and left off ({@code /declared}) or
 * turned on by the {@code avsb.explain} context-parameter ({@code /declared-on}), protected by a
 * role with the container's BASIC authentication ({@code /roles}), a server that never gets
 * flags ({@code /starting}) and a webapp without a server ({@code /noserver}).
 */
class AvsbEndpointsTest {
  private static final String SECRET_KEY = "sdk-secret-key-4242";
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final EnumSet<DispatcherType> ALL = EnumSet.allOf(DispatcherType.class);
  private static final TestData DATA = TestData.create();
  private static final AvsbConfigurer TEST_DATA = b -> b.dataSource(DATA).eventsEnabled(false)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC)).startWait(Duration.ofSeconds(5));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Server jetty;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    DATA.update(DATA.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .ifMatch("plan", "pro").id("pro-rule").thenReturn(true).fallthroughVariation(false));
    DATA.update(DATA.flag("server-only").clientSide(false).valueForAll("hidden-from-browsers"));
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(new ContextHandlerCollection(
        app(), declared("/declared", false), declared("/declared-on", true), roles(),
        starting(), noServer()));
    jetty.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.stop();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(Thread.getAllStackTraces().keySet())
            .noneMatch(t -> t.isAlive() && t.getName().startsWith("avsb-")));
  }

  /** Everything in code: install, then one line per endpoint. */
  private static ServletContextHandler app() {
    ServletContextHandler ctx = new ServletContextHandler("/app");
    ctx.setInitParameter("avsb.sdkKey", SECRET_KEY);
    ctx.addServletContainerInitializer((classes, sc) -> {
      AvsbServlets.install(sc, null, TEST_DATA);
      AvsbEndpoints.explain(sc, null);
    });
    ctx.addServlet(new ServletHolder(
        new AvsbStatusServlet(Clock.fixed(NOW.plusMillis(30_500), ZoneOffset.UTC))),
        AvsbEndpoints.STATUS_PATH);
    return ctx;
  }

  /** As a web.xml declares them: the listener, the filter, and both servlets by class. */
  private static ServletContextHandler declared(String path, boolean explainOn) {
    ServletContextHandler ctx = new ServletContextHandler(path);
    if (explainOn) {
      ctx.setInitParameter("avsb.explain", "true");
    }
    ctx.addEventListener(new AvsbServletContextListener(TEST_DATA));
    ctx.addFilter(new FilterHolder(AvsbFilter.class), "/*", ALL);
    ctx.addServlet(AvsbStatusServlet.class, "/avsb/status");
    ctx.addServlet(AvsbExplainServlet.class, "/avsb/explain");
    return ctx;
  }

  /** Explain for role {@code flag-admin} only, behind the container's BASIC authentication. */
  private static ServletContextHandler roles() {
    ServletContextHandler ctx = new ServletContextHandler("/roles");
    ctx.addEventListener(new AvsbServletContextListener(TEST_DATA));
    ctx.addFilter(new FilterHolder(new AvsbFilter(ContextResolvers.principal())), "/*", ALL);
    ServletHolder explain = new ServletHolder(AvsbExplainServlet.class);
    explain.setInitParameter("enabled", "true");
    explain.setInitParameter("loopback", "false");
    explain.setInitParameter("role", "flag-admin");
    ctx.addServlet(explain, "/avsb/explain");
    UserStore users = new UserStore();
    users.addUser("ann", Credential.getCredential("ann-pw"), new String[] {"flag-admin"});
    users.addUser("bob", Credential.getCredential("bob-pw"), new String[] {"shopper"});
    HashLoginService login = new HashLoginService("avsb-test");
    login.setUserStore(users);
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setAuthenticator(new BasicAuthenticator());
    security.setLoginService(login);
    ConstraintMapping any = new ConstraintMapping();
    any.setPathSpec("/*");
    any.setConstraint(Constraint.ANY_USER);
    security.addConstraintMapping(any);
    ctx.setSecurityHandler(security);
    return ctx;
  }

  /** A server whose data source never delivers: not ready. */
  private static ServletContextHandler starting() {
    ServletContextHandler ctx = new ServletContextHandler("/starting");
    ctx.addEventListener(new AvsbServletContextListener(b -> b.startWait(Duration.ZERO)
        .eventsEnabled(false).dataSource((context, updates) -> new DataSource() {
          @Override
          public CompletionStage<Boolean> start() {
            return new CompletableFuture<>();
          }

          @Override
          public boolean isInitialized() {
            return false;
          }

          @Override
          public void close() {}
        })));
    ctx.addServlet(AvsbStatusServlet.class, "/avsb/status");
    return ctx;
  }

  private static ServletContextHandler noServer() {
    ServletContextHandler ctx = new ServletContextHandler("/noserver");
    ctx.addServlet(AvsbStatusServlet.class, "/avsb/status");
    return ctx;
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void statusOfAReadyServerIs200WithItsFigures() throws Exception {
    HttpResponse<String> r = get("/app/avsb/status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
    AvsbValue status = AvsbValue.parse(r.body());
    assertThat(status.get("ready")).isEqualTo(AvsbValue.TRUE);
    assertThat(status.get("state").stringValue()).isEqualTo("VALID");
    assertThat(status.get("stateSince").stringValue()).isEqualTo(NOW.toString());
    assertThat(status.get("flagCount").intValue()).isEqualTo(2);
    assertThat(status.get("lastUpdate").stringValue()).isEqualTo(NOW.toString());
    assertThat(status.get("lastUpdateAgeSeconds").doubleValue()).isEqualTo(30.5);
    assertThat(status.get("eventsDropped").intValue()).isZero();
    assertThat(status.get("lastError").isNull()).isTrue();
    assertThat(r.body()).doesNotContain(SECRET_KEY);
  }

  @Test
  void statusOfAServerWithoutFlagsOrWithoutAServerIs503() throws Exception {
    HttpResponse<String> starting = get("/starting/avsb/status");
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(AvsbValue.parse(starting.body()).get("state").stringValue())
        .isEqualTo("INITIALIZING");
    assertThat(AvsbValue.parse(starting.body()).get("lastUpdate").isNull()).isTrue();
    HttpResponse<String> none = get("/noserver/avsb/status");
    assertThat(none.statusCode()).isEqualTo(503);
    assertThat(AvsbValue.parse(none.body()).get("state").stringValue()).isEqualTo("NO_SERVER");
  }

  @Test
  void explainShowsEveryFlagForTheRequestsUserAndNothingElse() throws Exception {
    HttpResponse<String> r = get("/app/avsb/explain", "x-user-id", "u2", "x-user-plan", "pro");
    assertThat(r.statusCode()).isEqualTo(200);
    AvsbValue body = AvsbValue.parse(r.body());
    assertThat(body.get("context").get("key").stringValue()).isEqualTo("u2");
    assertThat(body.get("context").get("attributes").get(0).stringValue()).isEqualTo("plan");
    AvsbValue checkout = body.get("flags").get("checkout-v2");
    assertThat(checkout.get("value")).isEqualTo(AvsbValue.TRUE);
    assertThat(checkout.get("variation").intValue()).isZero();
    assertThat(checkout.get("reason").get("kind").stringValue()).isEqualTo("RULE_MATCH");
    assertThat(checkout.get("reason").get("ruleIndex").intValue()).isZero();
    assertThat(checkout.get("reason").get("ruleId").stringValue()).isEqualTo("pro-rule");
    assertThat(body.get("flags").get("server-only").get("value").stringValue())
        .isEqualTo("hidden-from-browsers");
    // no attribute values, rules, targets, other users or the key
    assertThat(r.body()).doesNotContain("\"pro\"", "clauses", "u_power", "targets", SECRET_KEY);
    AvsbValue power = AvsbValue.parse(get("/app/avsb/explain", "x-user-id", "u_power").body());
    assertThat(power.get("flags").get("checkout-v2").get("reason").get("kind").stringValue())
        .isEqualTo("TARGET_MATCH");
  }

  @Test
  void explainRefusesRequestsForwardedByAProxy() throws Exception {
    for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
      HttpResponse<String> r = get("/app/avsb/explain", header, "203.0.113.7");
      assertThat(r.statusCode()).as(header).isEqualTo(403);
      assertThat(r.body()).doesNotContain("checkout-v2");
    }
  }

  @Test
  void aDeclaredExplainServletIsOffUntilTheSettingTurnsItOn() throws Exception {
    HttpResponse<String> off = get("/declared/avsb/explain", "x-user-id", "u2");
    assertThat(off.statusCode()).isEqualTo(404);
    assertThat(off.body()).doesNotContain("checkout-v2");
    assertThat(get("/declared/avsb/status").statusCode()).isEqualTo(200);
    HttpResponse<String> on = get("/declared-on/avsb/explain", "x-user-id", "u2");
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(AvsbValue.parse(on.body()).get("flags").get("checkout-v2").get("value"))
        .isEqualTo(AvsbValue.FALSE);
  }

  @Test
  void explainWithARoleAnswersOnlyUsersInIt() throws Exception {
    HttpResponse<String> admin =
        get("/roles/avsb/explain", "Authorization", basic("ann", "ann-pw"));
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(AvsbValue.parse(admin.body()).get("context").get("key").stringValue())
        .isEqualTo("ann");
    HttpResponse<String> shopper =
        get("/roles/avsb/explain", "Authorization", basic("bob", "bob-pw"));
    assertThat(shopper.statusCode()).isEqualTo(403);
    assertThat(shopper.body()).doesNotContain("checkout-v2");
    // loopback is off here: a local request without the role is refused too
    assertThat(get("/roles/avsb/explain").statusCode()).isEqualTo(401);
  }
}
