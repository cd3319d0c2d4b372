package io.avsb.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.TestData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resolving on standalone Jersey (Grizzly, no servlet container): header settings, a helper stored
 * as a request property before matching, and no server at all. The principal, custom resolvers,
 * the visitor cookie and a feature registered twice are {@code ResolversContractTest}'s, on every
 * runtime.
 */
class AvsbFeatureResolversTest {
  private static AvsbServer server;

  @Path("who")
  public static class WhoResource {
    @GET
    public String who(@Context ScopedAvsb avsb) {
      AvsbContext c = avsb.context();
      AvsbValue plan = c.getValue("plan");
      String planText = plan == null || plan.isNull() ? "" : " plan=" + plan.stringValue();
      return c.key() + (c.isAnonymous() ? " anonymous" : "") + planText;
    }
  }

  /** Stores a helper before matching, as the servlet filter does under a servlet container. */
  @PreMatching
  public static class EarlierHelper implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String attribute = request.getHeaderString("x-earlier");
      if (attribute != null) {
        request.setProperty(attribute, server.forUser(AvsbContext.of("from-servlet-filter")));
      }
    }
  }

  @BeforeAll
  static void start() {
    server =
        AvsbServer.builder(null).dataSource(TestData.create()).eventsEnabled(false).buildServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JerseyHttp app(AvsbFeature feature) {
    return new JerseyHttp(
        new ResourceConfig(WhoResource.class, EarlierHelper.class)
            .register(feature));
  }

  @Test
  void seedHeadersGiveKeyAndPlan() throws Exception {
    try (JerseyHttp http = app(new AvsbFeature(server))) {
      assertThat(http.get("who", "x-user-id", "u2", "x-user-plan", "pro").body())
          .isEqualTo("u2 plan=pro");
    }
  }

  @Test
  void configuredHeadersReplaceTheSeedOnes() throws Exception {
    AvsbFeature feature =
        AvsbFeature.builder().server(server).headers("x-account", Map.of("x-tier", "tier")).build();
    try (JerseyHttp http = app(feature)) {
      assertThat(http.get("who", "x-account", "a7", "x-user-plan", "pro").body()).isEqualTo("a7");
      assertThat(http.get("who", "x-user-id", "u1").body()).isEqualTo("anon anonymous");
    }
  }

  @Test
  void helperStoredBeforeTheFilterIsReused() throws Exception {
    try (JerseyHttp http = app(new AvsbFeature(server))) {
      assertThat(http.get("who", "x-earlier", "avsb", "x-user-id", "u1").body())
          .isEqualTo("from-servlet-filter");
      // the servlet filter's fixed attribute, when its configured one has another name
      assertThat(http.get("who", "x-earlier", "io.avsb.ScopedAvsb", "x-user-id", "u1").body())
          .isEqualTo("from-servlet-filter");
      assertThat(http.get("who", "x-earlier", "unrelated", "x-user-id", "u1").body())
          .isEqualTo("u1");
    }
  }

  @Test
  void withoutAnyServerFlagsGiveDefaults() throws Exception {
    try (JerseyHttp http =
        new JerseyHttp(new ResourceConfig(Defaults.class).register(AvsbFeature.class))) {
      assertThat(http.get("defaults", "x-user-id", "u1"))
          .extracting(JerseyHttp.Reply::status, JerseyHttp.Reply::body)
          .containsExactly(200, "u1 fallback CLIENT_NOT_READY");
    }
  }

  @Path("defaults")
  public static class Defaults {
    @GET
    public String read(@Context ScopedAvsb avsb) {
      return avsb.context().key()
          + " "
          + avsb.getStringFlag("ui-theme", "fallback")
          + " "
          + avsb.getStringFlagDetail("ui-theme", "fallback").reason().errorKind();
    }
  }
}
