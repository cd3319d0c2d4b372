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
 * What the JAX-RS example WAR ({@code examples/checkout-jaxrs}) must do in every container, over
 * real HTTP against the built WAR file: Jersey inside the WAR, the servlet listener's server
 * found by {@code AvsbFeature}, {@code @Context ScopedAvsb} in fields and parameters, an async
 * resource, {@code @FlagGate}. A subclass supplies the container; each subclass starts it once.
 *
 * <p>Deployments: {@value #JAXRS} as built; {@value #JAXRS_LIVE} with {@code avsb.flagsFile}
 * overridden to a temporary copy of the seed's flags that a test changes; {@value
 * #JAXRS_FILTERED} with the servlet {@code AvsbFilter} added (cookie resolver) by the container's
 * own means, to show that JAX-RS reuses the helper the servlet filter resolved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JaxrsContainerContract {
  static final String JAXRS = "/jaxrs";
  static final String JAXRS_LIVE = "/jaxrs-live";
  static final String JAXRS_FILTERED = "/jaxrs-filtered";

  private static final String[] U2_PRO = {"x-user-id", "u2", "x-user-plan", "pro"};
  private static final String ANONYMOUS = "{\"showNewCheckout\":false,\"theme\":\"default\"}";

  private EmbeddedContainer container;
  private Path liveFlags;
  private Http http;

  /** A new, not yet started container working under {@code workDir}. */
  abstract EmbeddedContainer newContainer(Path workDir) throws Exception;

  /**
   * {@code examples/checkout-jaxrs/target/checkout-jaxrs.war}: the {@code avsb.war.checkout-jaxrs}
   * property when set, else found from the project root that the build passes to every test.
   */
  static Path checkoutJaxrs() {
    String war = System.getProperty("avsb.war.checkout-jaxrs");
    Path path = war != null
        ? Path.of(war)
        : Path.of(System.getProperty("avsb.project.root", "."),
            "examples", "checkout-jaxrs", "target", "checkout-jaxrs.war");
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          path + " does not exist: build examples/checkout-jaxrs first");
    }
    return path;
  }

  @BeforeAll
  void start(@TempDir Path workDir) throws Exception {
    liveFlags = Files.copy(Wars.seedFlags(), workDir.resolve("live-flags.json"));
    WebApp.ExtraFilter servletFilter = new WebApp.ExtraFilter(
        "avsb", "io.avsb.servlet.AvsbFilter", Map.of("resolver", "cookie"));
    container = newContainer(workDir);
    container.start(List.of(
        WebApp.of(JAXRS, checkoutJaxrs()),
        new WebApp(JAXRS_LIVE, checkoutJaxrs(),
            Map.of("avsb.flagsFile", liveFlags.toString()), List.of()),
        new WebApp(JAXRS_FILTERED, checkoutJaxrs(), Map.of(), List.of(servletFilter))));
    http = new Http(container.port());
  }

  @AfterAll
  void stop() throws Exception {
    if (container != null) {
      container.stop();
    }
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
            && (t.getName().startsWith("avsb-") || t.getName().startsWith("checkout-async-"))));
  }

  @Test
  void jaxrsSeedUsersGetTheSeedAnswers() throws Exception {
    assertThat(http.json(JAXRS + "/checkout", U2_PRO))
        .isEqualTo(json("{\"showNewCheckout\":true,\"theme\":\"dark\"}"));
    assertThat(http.json(JAXRS + "/checkout", "x-user-id", "u_power"))
        .isEqualTo(json("{\"showNewCheckout\":true,\"theme\":\"default\"}"));
    assertThat(http.json(JAXRS + "/checkout", "x-user-id", "u1", "x-user-plan", "free"))
        .isEqualTo(json(ANONYMOUS));
    assertThat(http.json(JAXRS + "/checkout")).isEqualTo(json(ANONYMOUS));
  }

  @Test
  void jaxrsPurchaseIsAccepted() throws Exception {
    HttpResponse<String> r = http.post(JAXRS + "/purchase", U2_PRO);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(json(r.body()).get("tracked").asText()).isEqualTo("purchase");
  }

  @Test
  void jaxrsAsyncWorkerSeesTheRequestsHelper() throws Exception {
    assertThat(http.json(JAXRS + "/checkout/async", U2_PRO))
        .isEqualTo(json("{\"showNewCheckout\":true,\"theme\":\"dark\",\"user\":\"u2\","
            + "\"sameHelper\":true,\"otherThread\":true}"));
  }

  @Test
  void jaxrsFlagGateGives404WhenOffAnd200WhenOn() throws Exception {
    HttpResponse<String> open = http.get(JAXRS + "/beta", "x-user-id", "u1");
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(json(open.body())).isEqualTo(json("{\"beta\":true,\"user\":\"u1\"}"));
    assertThat(http.get(JAXRS + "/beta").statusCode()).isEqualTo(404);
  }

  @Test
  void jaxrsHostileHeadersFallBackToAnonymousWithOk() throws Exception {
    assertThat(http.json(JAXRS + "/checkout", "x-user-id", "u_power".repeat(300)))
        .isEqualTo(json(ANONYMOUS));
    assertThat(http.json(JAXRS + "/checkout", "x-user-id", "u2", "x-user-plan", "pro".repeat(700)))
        .isEqualTo(json(ANONYMOUS));
    // HTTP allows TAB and obs-text (0x80-0xFF; 0x85 is the C1 control NEL) in a header value
    for (String id : new String[] {"u_power\u0085", "u_power\tadmin"}) {
      String raw = http.raw(JAXRS + "/checkout", "x-user-id: " + id);
      assertThat(raw).as(id).startsWith("HTTP/1.1 200");
      assertThat(Http.body(raw)).as(id).isEqualTo(json(ANONYMOUS));
    }
  }

  @Test
  void jaxrsReusesTheHelperTheServletFilterResolved() throws Exception {
    HttpResponse<String> r = http.get(JAXRS_FILTERED + "/checkout/async");
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie).startsWith("avsb_visitor=");
    String visitor = cookie.substring("avsb_visitor=".length(), cookie.indexOf(';'));
    JsonNode body = json(r.body());
    assertThat(body.get("user").asText()).isEqualTo(visitor);
    assertThat(body.get("sameHelper").asBoolean()).isTrue();
    assertThat(http.json(JAXRS_FILTERED + "/checkout/async", U2_PRO).get("user").asText())
        .isEqualTo("u2");
  }

  @Test
  void jaxrsFlagChangedInTheFlagsFileIsSeenByTheNextRequest() throws Exception {
    String[] u1 = {"x-user-id", "u1", "x-user-plan", "free"};
    assertThat(http.json(JAXRS_LIVE + "/checkout", u1).get("theme").asText()).isEqualTo("default");
    String changed = Files.readString(liveFlags).replace(
        "\"fallthrough\": { \"variation\": 0 }", "\"fallthrough\": { \"variation\": 2 }");
    assertThat(changed).contains("\"variation\": 2 }");
    Path next = Files.writeString(liveFlags.resolveSibling("next-flags.json"), changed);
    Files.move(
        next, liveFlags, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(http.json(JAXRS_LIVE + "/checkout", u1).get("theme").asText())
            .isEqualTo("high-contrast"));
    assertThat(http.json(JAXRS + "/checkout", u1).get("theme").asText()).isEqualTo("default");
  }

  @Test
  void jaxrsStatusIsServedBesideJersey() throws Exception {
    HttpResponse<String> r = http.get(JAXRS + "/avsb/status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r.body()).get("ready").asBoolean()).isTrue();
    assertThat(json(r.body()).get("state").asText()).isEqualTo("VALID");
  }

  private static JsonNode json(String text) throws Exception {
    return CheckoutContainerContract.json(text);
  }
}
