package io.avsb.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbContext;
import io.avsb.spi.ContextResolver;
import io.avsb.spi.WebRequest;
import io.avsb.testkit.TestData;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The listener, filter and resolvers in a real Jetty 12 (ee10), over real HTTP. One server hosts
 * a context per set-up: programmatic install plus a second registration ({@code /app}), the
 * cookie, principal, failing and unknown resolvers, a webapp without a server and one without the
 * filter.
 */
class AvsbFilterTest {
  /** A resolver named by class in an init-parameter; always fails. */
  public static final class ThrowingResolver implements ContextResolver {
    @Override
    public AvsbContext resolve(WebRequest request) {
      throw new IllegalStateException("resolver bug");
    }
  }

  private static final EnumSet<DispatcherType> ALL = EnumSet.allOf(DispatcherType.class);
  private static final TestData DATA = TestData.create();
  private static final AvsbConfigurer TEST_DATA =
      b -> b.dataSource(DATA).eventsEnabled(false).startWait(Duration.ofSeconds(5));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Server jetty;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    DATA.update(DATA.flag("checkout-v2").booleanFlag()
        .variationForUser("u_power", true)
        .ifMatch("plan", "pro", "enterprise").thenReturn(true)
        .fallthroughVariation(false));
    DATA.update(DATA.flag("ui-theme").variations("default", "dark", "high-contrast")
        .offVariation(0).ifMatch("plan", "pro").thenReturn(1).fallthroughVariation(0));
    DATA.update(DATA.flag("flip-me").booleanFlag().variationForAll(true));
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(new ContextHandlerCollection(
        app(),
        withFilter("/cookie", Map.of("resolver", "cookie"), true),
        principal(),
        withFilter("/throwing", Map.of("resolver", ThrowingResolver.class.getName()), true),
        withFilter("/unknown", Map.of("resolver", "com.example.NoSuchResolver"), true),
        withFilter("/noserver", Map.of(), false),
        withoutFilter()));
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

  /** Programmatic install plus a second AvsbFilter (with another resolver) on the same paths. */
  private static ServletContextHandler app() {
    ServletContextHandler ctx = new ServletContextHandler("/app");
    ctx.addServletContainerInitializer((classes, sc) -> AvsbServlets.install(sc, null, TEST_DATA));
    FilterHolder again = new FilterHolder(AvsbFilter.class);
    again.setName("avsb-again");
    again.setInitParameter("resolver", "cookie");
    again.setAsyncSupported(true);
    ctx.addFilter(again, "/*", ALL);
    ctx.addServlet(new ServletHolder(new ProbeServlets.Probe()), "/probe");
    ctx.addServlet(new ServletHolder(new ProbeServlets.Dispatching(false)), "/forward");
    ctx.addServlet(new ServletHolder(new ProbeServlets.Dispatching(true)), "/include");
    ctx.addServlet(new ServletHolder(new ProbeServlets.Failing()), "/fail");
    ctx.addServlet(new ServletHolder(new ProbeServlets.Flip(DATA)), "/flip");
    ServletHolder async = new ServletHolder(new ProbeServlets.Async());
    async.setAsyncSupported(true);
    ctx.addServlet(async, "/async");
    ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
    errors.addErrorPage(500, "/probe");
    ctx.setErrorHandler(errors);
    return ctx;
  }

  private static ServletContextHandler withFilter(
      String path, Map<String, String> params, boolean listener) {
    ServletContextHandler ctx = new ServletContextHandler(path);
    if (listener) {
      ctx.addEventListener(new AvsbServletContextListener(TEST_DATA));
    }
    FilterHolder filter = new FilterHolder(AvsbFilter.class);
    filter.setInitParameters(params);
    ctx.addFilter(filter, "/*", ALL);
    ctx.addServlet(new ServletHolder(new ProbeServlets.Probe()), "/probe");
    return ctx;
  }

  /** Stands in for container authentication: the principal comes from a test header. */
  private static ServletContextHandler principal() {
    ServletContextHandler ctx = withFilter("/principal", Map.of("resolver", "principal"), true);
    Filter authenticate = (req, resp, chain) -> {
      HttpServletRequest http = (HttpServletRequest) req;
      String user = http.getHeader("x-test-principal");
      chain.doFilter(new HttpServletRequestWrapper(http) {
        @Override
        public Principal getUserPrincipal() {
          return user == null ? null : () -> user;
        }
      }, resp);
    };
    ctx.getServletHandler().prependFilter(new FilterHolder(authenticate));
    ctx.getServletHandler().prependFilterMapping(mapping(ctx));
    return ctx;
  }

  private static FilterMapping mapping(ServletContextHandler ctx) {
    FilterMapping m = new FilterMapping();
    m.setFilterName(ctx.getServletHandler().getFilters()[0].getName());
    m.setPathSpec("/*");
    m.setDispatcherTypes(ALL);
    return m;
  }

  private static ServletContextHandler withoutFilter() {
    ServletContextHandler ctx = new ServletContextHandler("/nofilter");
    ctx.addEventListener(new AvsbServletContextListener(TEST_DATA));
    ctx.addServlet(new ServletHolder(new ProbeServlets.Probe()), "/probe");
    return ctx;
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, String> lines(String body) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : body.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return m;
  }

  private static Map<String, String> probe(String path, String... headers) throws Exception {
    HttpResponse<String> r = get(path, headers);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return lines(r.body());
  }

  @Test
  void seedUsersGetTheSeedAnswers() throws Exception {
    assertThat(probe("/app/probe", "x-user-id", "u2", "x-user-plan", "pro"))
        .containsEntry("key", "u2").containsEntry("plan", "pro").containsEntry("anonymous", "false")
        .containsEntry("checkout", "true").containsEntry("theme", "dark")
        .containsEntry("attribute", "true");
    assertThat(probe("/app/probe", "x-user-id", "u_power"))
        .containsEntry("checkout", "true").containsEntry("reason", "TARGET_MATCH");
    assertThat(probe("/app/probe", "x-user-id", "u1", "x-user-plan", "free"))
        .containsEntry("checkout", "false").containsEntry("theme", "default");
    assertThat(probe("/app/probe"))
        .containsEntry("key", "anon").containsEntry("anonymous", "true")
        .containsEntry("checkout", "false").containsEntry("theme", "default");
  }

  @Test
  void aSecondRegistrationOfTheFilterDoesNotResolveAgain() throws Exception {
    HttpResponse<String> r = get("/app/probe");
    assertThat(lines(r.body())).containsEntry("resolvedBy", "avsb").containsEntry("key", "anon");
    assertThat(r.headers().allValues("set-cookie")).isEmpty();
  }

  @Test
  void forwardIncludeErrorAndAsyncDispatchesKeepTheRequestsHelper() throws Exception {
    String[] u2 = {"x-user-id", "u2", "x-user-plan", "pro"};
    assertThat(probe("/app/forward", u2))
        .containsEntry("dispatch", "FORWARD").containsEntry("same", "true")
        .containsEntry("key", "u2");
    assertThat(probe("/app/include", u2))
        .containsEntry("dispatch", "INCLUDE").containsEntry("same", "true");
    HttpResponse<String> error = get("/app/fail", u2);
    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(lines(error.body()))
        .containsEntry("dispatch", "ERROR").containsEntry("same", "true")
        .containsEntry("key", "u2");
    assertThat(probe("/app/async", u2))
        .containsEntry("dispatch", "ASYNC").containsEntry("same", "true")
        .containsEntry("workerSame", "true").containsEntry("checkout", "true");
  }

  @Test
  void aFlagChangedMidRequestKeepsItsValueForTheRestOfTheRequest() throws Exception {
    for (int i = 0; i < 2; i++) {
      Map<String, String> r = lines(get("/app/flip", "x-user-id", "u1").body());
      assertThat(r.get("after")).isEqualTo(r.get("before"));
      assertThat(r.get("fresh")).isNotEqualTo(r.get("before"));
    }
  }

  @Test
  void hostileHeadersFallBackToAnonymousWithOk() throws Exception {
    assertThat(probe("/app/probe", "x-user-id", "u2".repeat(1000), "x-user-plan", "pro"))
        .containsEntry("key", "anon").containsEntry("checkout", "false");
    // HTTP allows TAB and obs-text (bytes 0x80-0xFF, here the C1 control NEL) in header values
    for (String value : new String[] {"u2\u0085", "u2\tadmin"}) {
      String raw = rawGet("/app/probe", "x-user-id: " + value + "\r\nx-user-plan: pro");
      assertThat(raw).as(value).startsWith("HTTP/1.1 200");
      assertThat(lines(raw.substring(raw.indexOf("\r\n\r\n") + 4))).containsEntry("key", "anon");
    }
    // the container may refuse other control characters itself; it must never reach u2
    for (String value : new String[] {"u2\u007f", "u2\u001b[2J"}) {
      String raw = rawGet("/app/probe", "x-user-id: " + value + "\r\nx-user-plan: pro");
      assertThat(raw).as(value).doesNotContain("key=u2");
      assertThat(raw).as(value).matches("(?s)HTTP/1.1 (400 .*|200 .*key=anon.*)");
    }
  }

  @Test
  void theCookieResolverIssuesOneStickyVisitorKey() throws Exception {
    HttpResponse<String> first = get("/cookie/probe");
    List<String> cookies = first.headers().allValues("set-cookie");
    assertThat(cookies).hasSize(1);
    String cookie = cookies.get(0);
    assertThat(cookie).matches("avsb_visitor=[A-Za-z0-9_-]{22};.*")
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
        .containsIgnoringCase("Path=/").containsIgnoringCase("Max-Age=34560000")
        .doesNotContainIgnoringCase("Secure");
    String key = cookie.substring("avsb_visitor=".length(), cookie.indexOf(';'));
    assertThat(lines(first.body())).containsEntry("key", key).containsEntry("anonymous", "true");
    HttpResponse<String> again = get("/cookie/probe", "cookie", "avsb_visitor=" + key);
    assertThat(lines(again.body())).containsEntry("key", key);
    assertThat(again.headers().allValues("set-cookie")).isEmpty();
    HttpResponse<String> forged = get("/cookie/probe", "cookie", "avsb_visitor=admin");
    assertThat(lines(forged.body()).get("key")).isNotEqualTo("admin").hasSize(22);
    HttpResponse<String> identified = get("/cookie/probe", "x-user-id", "u2");
    assertThat(lines(identified.body())).containsEntry("key", "u2");
    assertThat(identified.headers().allValues("set-cookie")).isEmpty();
  }

  @Test
  void thePrincipalResolverUsesTheAuthenticatedNameAndIgnoresHeaders() throws Exception {
    assertThat(probe("/principal/probe", "x-test-principal", "u_power", "x-user-id", "u1"))
        .containsEntry("key", "u_power").containsEntry("checkout", "true");
    assertThat(probe("/principal/probe", "x-user-id", "u_power"))
        .containsEntry("key", "anon").containsEntry("checkout", "false");
  }

  @Test
  void aFailingOrUnknownResolverMakesRequestsAnonymousNotFailed() throws Exception {
    assertThat(probe("/throwing/probe", "x-user-id", "u_power")).containsEntry("key", "anon");
    assertThat(probe("/unknown/probe", "x-user-id", "u_power")).containsEntry("key", "anon");
  }

  @Test
  void withoutAServerFlagsGiveDefaultsWithAnError() throws Exception {
    assertThat(probe("/noserver/probe", "x-user-id", "u_power"))
        .containsEntry("key", "u_power").containsEntry("checkout", "false")
        .containsEntry("reason", "ERROR");
  }

  @Test
  void withoutTheFilterAvsbFromGivesTheAnonymousContext() throws Exception {
    assertThat(probe("/nofilter/probe", "x-user-id", "u_power"))
        .containsEntry("key", "anon").containsEntry("resolvedBy", "null")
        .containsEntry("reason", "FALLTHROUGH");
  }

  private static String rawGet(String path, String headerLines) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + headerLines + "\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      in.transferTo(body);
      return body.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
