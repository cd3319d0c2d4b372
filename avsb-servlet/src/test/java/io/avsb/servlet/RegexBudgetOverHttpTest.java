package io.avsb.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.internal.log.LogCapture;
import io.avsb.EvaluationDetail;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.Clause;
import io.avsb.testkit.TestData;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hostile {@code x-user-plan} header against a {@code matches} rule that backtracks
 * catastrophically, through the real filter in Jetty 12: every request is answered, with the
 * fallthrough, instead of holding its thread.
 */
class RegexBudgetOverHttpTest {
  /** Forty characters that almost match {@code (.*a){12}$}, then one that cannot: 41 in all. */
  private static final String HOSTILE_PLAN = "a".repeat(40) + "!";
  private static final TestData DATA = TestData.create();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Server jetty;
  private static int port;

  /** Answers the value and reason of {@code plan-gate} for the request's context. */
  static final class Gate extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      ScopedAvsb avsb = Avsb.from(req);
      EvaluationDetail<String> d = avsb.getStringFlagDetail("plan-gate", "default");
      resp.setContentType("text/plain;charset=utf-8");
      resp.getWriter().write(d.value() + " " + d.reason().kind());
    }
  }

  @BeforeAll
  static void start() throws Exception {
    DATA.update(DATA.flag("plan-gate").variations("standard", "power")
        .ifClause(Clause.of("user", "plan", "matches", "(.*a){12}$")).thenReturn(1)
        .fallthroughVariation(0));
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler ctx = new ServletContextHandler("/app");
    ctx.addEventListener(new AvsbServletContextListener(
        b -> b.dataSource(DATA).eventsEnabled(false).startWait(Duration.ofSeconds(5))));
    ctx.addFilter(new FilterHolder(AvsbFilter.class), "/*", EnumSet.allOf(DispatcherType.class));
    ctx.addServlet(new ServletHolder(new Gate()), "/gate");
    jetty.setHandler(ctx);
    jetty.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.stop();
  }

  private static CompletableFuture<HttpResponse<String>> get(String plan) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app/gate"))
        .header("x-user-id", "u1").header("x-user-plan", plan).build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void hostilePlanHeadersAreAnsweredWithTheFallthrough() throws Exception {
    try (LogCapture log = new LogCapture()) {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(get(HOSTILE_PLAN));
      }
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("standard FALLTHROUGH");
      }
      assertThat(log.linesWith("gave up"))
          .singleElement().asString().contains("\"plan-gate\"", "(.*a){12}$");
    }
  }

  @Test
  void aPlanThatMatchesStillGetsTheRuleVariation() throws Exception {
    HttpResponse<String> r = get("a".repeat(12)).get(60, TimeUnit.SECONDS);
    assertThat(r.body()).isEqualTo("power RULE_MATCH");
  }
}
