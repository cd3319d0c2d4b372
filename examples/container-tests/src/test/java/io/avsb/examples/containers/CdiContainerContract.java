package io.avsb.examples.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CDI example WAR ({@code examples/checkout-cdi}: Weld, RESTEasy and resteasy-cdi inside)
 * must do in every container, over real HTTP against the built WAR file: {@code @Inject
 * ScopedAvsb} in request-scoped resources and in an application-scoped service, the async
 * resource's worker, {@code @FlagGate} on RESTEasy, concurrent users kept apart. A subclass
 * supplies the container; each subclass starts it once.
 *
 * <p>Deployments: {@value #CDI} as built; {@value #CDI_FILTERED} with the servlet {@code
 * AvsbFilter} added (cookie resolver) by the container's own means, to show that CDI and JAX-RS
 * reuse the helper the servlet filter resolved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CdiContainerContract {
  static final String CDI = "/cdi";
  static final String CDI_FILTERED = "/cdi-filtered";

  private static final String[] U2_PRO = {"x-user-id", "u2", "x-user-plan", "pro"};
  private static final String ANONYMOUS = "{\"showNewCheckout\":false,\"theme\":\"default\"}";

  private final ExecutorService clients = Executors.newFixedThreadPool(2);
  private EmbeddedContainer container;
  private Http http;

  /** A new, not yet started container working under {@code workDir}. */
  abstract EmbeddedContainer newContainer(Path workDir) throws Exception;

  @BeforeAll
  void start(@TempDir Path workDir) throws Exception {
    WebApp.ExtraFilter servletFilter = new WebApp.ExtraFilter(
        "avsb", "io.avsb.servlet.AvsbFilter", Map.of("resolver", "cookie"));
    container = newContainer(workDir);
    container.start(List.of(
        WebApp.of(CDI, Wars.checkoutCdi()),
        new WebApp(CDI_FILTERED, Wars.checkoutCdi(), Map.of(), List.of(servletFilter))));
    http = new Http(container.port());
  }

  @AfterAll
  void stop() throws Exception {
    clients.shutdownNow();
    if (container != null) {
      container.stop();
    }
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
            && (t.getName().startsWith("avsb-") || t.getName().startsWith("checkout-async-")
                || t.getName().startsWith("weld"))));
  }

  @Test
  void cdiSeedUsersGetTheSeedAnswersFromTheServiceBean() throws Exception {
    assertThat(http.json(CDI + "/checkout", U2_PRO))
        .isEqualTo(json("{\"showNewCheckout\":true,\"theme\":\"dark\"}"));
    assertThat(http.json(CDI + "/checkout", "x-user-id", "u_power"))
        .isEqualTo(json("{\"showNewCheckout\":true,\"theme\":\"default\"}"));
    assertThat(http.json(CDI + "/checkout", "x-user-id", "u1", "x-user-plan", "free"))
        .isEqualTo(json(ANONYMOUS));
    assertThat(http.json(CDI + "/checkout")).isEqualTo(json(ANONYMOUS));
  }

  @Test
  void cdiPurchaseIsAccepted() throws Exception {
    HttpResponse<String> r = http.post(CDI + "/purchase", U2_PRO);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(json(r.body()).get("tracked").asText()).isEqualTo("purchase");
  }

  @Test
  void cdiAsyncWorkerSeesTheRequestsHelper() throws Exception {
    assertThat(http.json(CDI + "/checkout/async", U2_PRO))
        .isEqualTo(json("{\"showNewCheckout\":true,\"theme\":\"dark\",\"user\":\"u2\","
            + "\"sameHelper\":true,\"otherThread\":true}"));
  }

  @Test
  void cdiFlagGateGives404WhenOffAnd200WhenOn() throws Exception {
    HttpResponse<String> open = http.get(CDI + "/beta", "x-user-id", "u1");
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(json(open.body())).isEqualTo(json("{\"beta\":true,\"user\":\"u1\"}"));
    assertThat(http.get(CDI + "/beta").statusCode()).isEqualTo(404);
  }

  @Test
  void cdiHostileHeadersFallBackToAnonymousWithOk() throws Exception {
    assertThat(http.json(CDI + "/checkout", "x-user-id", "u_power".repeat(300)))
        .isEqualTo(json(ANONYMOUS));
    for (String id : new String[] {"u_power\u0085", "u_power\tadmin"}) {
      String raw = http.raw(CDI + "/checkout", "x-user-id: " + id);
      assertThat(raw).as(id).startsWith("HTTP/1.1 200");
      assertThat(Http.body(raw)).as(id).isEqualTo(json(ANONYMOUS));
    }
  }

  @Test
  void cdiReusesTheHelperTheServletFilterResolved() throws Exception {
    HttpResponse<String> r = http.get(CDI_FILTERED + "/whoami");
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie).startsWith("avsb_visitor=");
    String visitor = cookie.substring("avsb_visitor=".length(), cookie.indexOf(';'));
    JsonNode body = json(r.body());
    assertThat(body.get("key").asText()).isEqualTo(visitor);
    assertThat(body.get("service").asText()).isEqualTo(visitor);
    assertThat(http.json(CDI_FILTERED + "/checkout/async", U2_PRO).get("sameHelper").asBoolean())
        .isTrue();
  }

  @Test
  void cdiTwoConcurrentRequestsForDifferentUsersNeverSeeEachOthersHelper() throws Exception {
    for (int round = 0; round < 5; round++) {
      // each request reads the service's helper, waits in the resource until the other request
      // is in too, then reads it again: two container threads serve u1 and u2 at once
      CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(
          () -> pair("x-user-id", "u1"), clients);
      CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(
          () -> pair("x-user-id", "u2"), clients);
      assertThat(a.get()).isEqualTo(json(
          "{\"key\":\"u1\",\"anonymous\":false,\"service\":\"u1\",\"serviceAfter\":\"u1\"}"));
      assertThat(b.get()).isEqualTo(json(
          "{\"key\":\"u2\",\"anonymous\":false,\"service\":\"u2\",\"serviceAfter\":\"u2\"}"));
    }
  }

  private JsonNode pair(String... headers) {
    try {
      return http.json(CDI + "/whoami?pair=true", headers);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String text) throws Exception {
    return CheckoutContainerContract.json(text);
  }
}
