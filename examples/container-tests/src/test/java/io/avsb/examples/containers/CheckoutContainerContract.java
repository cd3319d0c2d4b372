package io.avsb.examples.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every example WAR must do in every container, checked over real HTTP against the built
 * WAR files. A subclass supplies the container; each subclass starts it once.
 *
 * <p>Deployments ({@link #webApps}): the servlet WAR twice. {@value #SERVLET} is the WAR as built
 * (the seed's flags from {@code /WEB-INF/flags.json}) plus a second registration of {@code
 * AvsbFilter} named {@code avsb-again} with the cookie resolver, added by the container's own
 * means (Tomcat: a filter definition added after {@code web.xml} is read; Jetty: an override
 * descriptor) rather than in the example's {@code web.xml}, which stays the snippet users copy.
 * The second filter would issue a visitor cookie to anonymous requests and would name itself in
 * {@code resolvedBy} if it resolved again. {@value #SERVLET_LIVE} has {@code avsb.flagsFile}
 * overridden to a temporary copy of the seed's flags that a test changes. {@value #SERVLET_EXPLAIN}
 * has {@code avsb.explain=true}, as {@code ExamplesLauncher} sets it, turning on the explain
 * endpoint that the WAR declares off.
 *
 * <p>The JAX-RS WAR joins here: add its {@link WebApp} to {@link #webApps} (a {@code
 * Wars.checkoutJaxrs()} and an {@code avsb.war.checkout-jaxrs} property in the pom) and its
 * {@code jaxrs...} tests to this class, so both containers run them without another start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CheckoutContainerContract {
  static final String SERVLET = "/servlet";
  static final String SERVLET_LIVE = "/servlet-live";
  static final String SERVLET_EXPLAIN = "/servlet-explain";

  private static final String[] U2_PRO = {"x-user-id", "u2", "x-user-plan", "pro"};

  private EmbeddedContainer container;
  private Path liveFlags;
  Http http;

  /** A new, not yet started container working under {@code workDir}. */
  abstract EmbeddedContainer newContainer(Path workDir) throws Exception;

  /** The webapps to deploy; {@code liveFlags} is the flags file a test may change. */
  List<WebApp> webApps(Path liveFlags) {
    WebApp.ExtraFilter again = new WebApp.ExtraFilter(
        "avsb-again", "io.avsb.servlet.AvsbFilter", Map.of("resolver", "cookie"));
    return List.of(
        new WebApp(SERVLET, Wars.checkoutServlet(), Map.of(), List.of(again)),
        new WebApp(SERVLET_LIVE, Wars.checkoutServlet(),
            Map.of("avsb.flagsFile", liveFlags.toString()), List.of()),
        new WebApp(SERVLET_EXPLAIN, Wars.checkoutServlet(), Map.of("avsb.explain", "true"),
            List.of()));
  }

  @BeforeAll
  void start(@TempDir Path workDir) throws Exception {
    liveFlags = Files.copy(Wars.seedFlags(), workDir.resolve("live-flags.json"));
    container = newContainer(workDir);
    container.start(webApps(liveFlags));
    http = new Http(container.port());
  }

  @AfterAll
  void stop() throws Exception {
    if (container != null) {
      container.stop();
    }
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(Thread.getAllStackTraces().keySet())
            .noneMatch(t -> t.isAlive() && t.getName().startsWith("avsb-")));
  }

  @Test
  void servletSeedUsersGetTheSeedAnswers() throws Exception {
    assertThat(http.json(SERVLET + "/checkout", U2_PRO))
        .isEqualTo(json("{\"showNewCheckout\":true,\"theme\":\"dark\"}"));
    assertThat(http.json(SERVLET + "/checkout", "x-user-id", "u_power"))
        .isEqualTo(json("{\"showNewCheckout\":true,\"theme\":\"default\"}"));
    assertThat(http.json(SERVLET + "/checkout", "x-user-id", "u1", "x-user-plan", "free"))
        .isEqualTo(json("{\"showNewCheckout\":false,\"theme\":\"default\"}"));
    assertThat(http.json(SERVLET + "/checkout"))
        .isEqualTo(json("{\"showNewCheckout\":false,\"theme\":\"default\"}"));
    JsonNode anonymous = http.json(SERVLET + "/whoami");
    assertThat(anonymous.get("key").asText()).isEqualTo("anon");
    assertThat(anonymous.get("anonymous").asBoolean()).isTrue();
  }

  @Test
  void servletPurchaseIsAccepted() throws Exception {
    HttpResponse<String> r = http.post(SERVLET + "/purchase", U2_PRO);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(json(r.body()).get("tracked").asText()).isEqualTo("purchase");
  }

  @Test
  void servletAsyncWorkerSeesTheRequestsHelper() throws Exception {
    JsonNode r = http.json(SERVLET + "/async/checkout", U2_PRO);
    assertThat(r.get("showNewCheckout").asBoolean()).isTrue();
    assertThat(r.get("theme").asText()).isEqualTo("dark");
    assertThat(r.get("sameHelper").asBoolean()).isTrue();
    assertThat(r.get("otherThread").asBoolean()).isTrue();
  }

  @Test
  void servletFilterRegisteredTwiceResolvesOnce() throws Exception {
    HttpResponse<String> r = http.get(SERVLET + "/whoami");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r.body()).get("resolvedBy").asText()).isEqualTo("avsb");
    assertThat(json(r.body()).get("key").asText()).isEqualTo("anon");
    assertThat(r.headers().allValues("set-cookie")).isEmpty();
    assertThat(http.json(SERVLET + "/whoami", U2_PRO).get("key").asText()).isEqualTo("u2");
  }

  @Test
  void servletHostileHeadersFallBackToAnonymousWithOk() throws Exception {
    String anonymous = "{\"showNewCheckout\":false,\"theme\":\"default\"}";
    assertThat(http.json(SERVLET + "/checkout", "x-user-id", "u_power".repeat(300)))
        .isEqualTo(json(anonymous));
    String longPlan = "pro".repeat(700);
    assertThat(http.json(SERVLET + "/checkout", "x-user-id", "u2", "x-user-plan", longPlan))
        .isEqualTo(json(anonymous));
    // HTTP allows TAB and obs-text (0x80-0xFF; 0x85 is the C1 control NEL) in a header value
    for (String id : new String[] {"u_power\u0085", "u_power\tadmin"}) {
      String raw = http.raw(SERVLET + "/checkout", "x-user-id: " + id);
      assertThat(raw).as(id).startsWith("HTTP/1.1 200");
      assertThat(Http.body(raw)).as(id).isEqualTo(json(anonymous));
    }
  }

  @Test
  void servletFlagChangedInTheFlagsFileIsSeenByTheNextRequest() throws Exception {
    String[] u1 = {"x-user-id", "u1", "x-user-plan", "free"};
    assertThat(http.json(SERVLET_LIVE + "/checkout", u1).get("theme").asText())
        .isEqualTo("default");
    String changed = Files.readString(liveFlags).replace(
        "\"fallthrough\": { \"variation\": 0 }", "\"fallthrough\": { \"variation\": 2 }");
    assertThat(changed).contains("\"variation\": 2 }");
    Path next = Files.writeString(liveFlags.resolveSibling("next-flags.json"), changed);
    Files.move(
        next, liveFlags, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(http.json(SERVLET_LIVE + "/checkout", u1).get("theme").asText())
            .isEqualTo("high-contrast"));
    assertThat(http.json(SERVLET + "/checkout", u1).get("theme").asText()).isEqualTo("default");
  }

  @Test
  void servletStatusIsReadyWithTheSeedsFlags() throws Exception {
    HttpResponse<String> r = http.get(SERVLET + "/avsb/status");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode status = json(r.body());
    assertThat(status.get("ready").asBoolean()).isTrue();
    assertThat(status.get("state").asText()).isEqualTo("VALID");
    assertThat(status.get("flagCount").asInt()).isEqualTo(json(
        Files.readString(Wars.seedFlags())).get("flags").size());
    assertThat(status.get("eventsDropped").asLong()).isZero();
  }

  @Test
  void servletExplainIsOffAsBuiltAndOnForLoopbackWhereTheLauncherTurnsItOn() throws Exception {
    assertThat(http.get(SERVLET + "/avsb/explain", U2_PRO).statusCode()).isEqualTo(404);
    JsonNode explained = http.json(SERVLET_EXPLAIN + "/avsb/explain", U2_PRO);
    assertThat(explained.get("context").get("key").asText()).isEqualTo("u2");
    JsonNode checkout = explained.get("flags").get("checkout-v2");
    assertThat(checkout.get("value").asBoolean()).isTrue();
    assertThat(checkout.get("reason").get("kind").asText()).isEqualTo("RULE_MATCH");
    assertThat(checkout.get("reason").get("ruleId").asText()).isEqualTo("paid-plans");
    assertThat(explained.get("flags").get("ui-theme").get("value").asText()).isEqualTo("dark");
    assertThat(explained.toString()).doesNotContain("clauses", "u_power");
    HttpResponse<String> proxied = http.get(SERVLET_EXPLAIN + "/avsb/explain",
        "x-user-id", "u2", "X-Forwarded-For", "203.0.113.7");
    assertThat(proxied.statusCode()).isEqualTo(403);
    assertThat(proxied.body()).doesNotContain("checkout-v2");
  }

  static JsonNode json(String text) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
  }
}
