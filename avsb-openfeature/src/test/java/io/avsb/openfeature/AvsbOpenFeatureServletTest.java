package io.avsb.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.avsb.ScopedAvsb;
import io.avsb.servlet.Avsb;
import io.avsb.servlet.AvsbServlets;
import io.avsb.testkit.TestData;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request-bound OpenFeature client in a real Jetty 12: the webapp's server (started by the
 * kit's listener) is the provider of a domain, and a servlet evaluates through {@link
 * AvsbOpenFeature#client(HttpServletRequest, String)} for the user {@code AvsbFilter} resolved
 * from the request headers.
 */
class AvsbOpenFeatureServletTest {
  private static final String DOMAIN = "servlet-app";
  private static final TestData DATA = TestData.create();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Server jetty;
  private static int port;

  /** Sets the webapp's server as the domain's provider once the kit's listener has started it. */
  public static final class ProviderSetup implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
      OpenFeatureAPI.getInstance().setProviderAndWait(
          DOMAIN, new AvsbProvider(Avsb.server(event.getServletContext())));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
      OpenFeatureAPI.getInstance().shutdown();
    }
  }

  /** Answers what the request's OpenFeature client and the request's helper each say. */
  static final class Checkout extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Client flags = AvsbOpenFeature.client(req, DOMAIN);
      ScopedAvsb avsb = Avsb.from(req);
      FlagEvaluationDetails<Boolean> checkout = flags.getBooleanDetails("checkout-v2", false);
      resp.setContentType("text/plain;charset=utf-8");
      resp.getWriter().write(checkout.getValue() + " " + checkout.getReason() + " "
          + flags.getStringValue("ui-theme", "x") + " "
          + avsb.getBoolFlag("checkout-v2", false) + " " + avsb.getStringFlag("ui-theme", "x")
          + " " + flags.getEvaluationContext().getTargetingKey());
    }
  }

  @BeforeAll
  static void start() throws Exception {
    DATA.update(DATA.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .ifMatch("plan", "pro").thenReturn(true).fallthroughVariation(false));
    DATA.update(DATA.flag("ui-theme").variations("default", "dark").offVariation(0)
        .ifMatch("plan", "pro").thenReturn(1).fallthroughVariation(0));
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler app = new ServletContextHandler("/app");
    app.addServletContainerInitializer((classes, sc) -> {
      AvsbServlets.install(sc, null,
          b -> b.dataSource(DATA).eventsEnabled(false).startWait(Duration.ofSeconds(5)));
      sc.addListener(ProviderSetup.class);
    });
    app.addServlet(new ServletHolder(new Checkout()), "/checkout");
    jetty.setHandler(app);
    jetty.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.stop();
  }

  private static String get(String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app/checkout"));
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void theRequestsClientEvaluatesForTheRequestsUser() throws Exception {
    assertThat(get("x-user-id", "u_power"))
        .isEqualTo("true TARGETING_MATCH default true default u_power");
    assertThat(get("x-user-id", "u2", "x-user-plan", "pro"))
        .isEqualTo("true TARGETING_MATCH dark true dark u2");
    assertThat(get("x-user-id", "u3")).isEqualTo("false DEFAULT default false default u3");
    assertThat(get()).isEqualTo("false DEFAULT default false default anon");
  }
}
