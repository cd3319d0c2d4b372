package io.avsb.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.TestData;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  /** Sets the principal from a test header, as an authentication filter would. */
  @Priority(Priorities.AUTHENTICATION)
  public static class TestAuthentication implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String user = request.getHeaderString("x-test-login");
      if (user == null) {
        return;
      }
      Principal principal = () -> user;
      request.setSecurityContext(
          new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
              return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
              return false;
            }

            @Override
            public boolean isSecure() {
              return false;
            }

            @Override
            public String getAuthenticationScheme() {
              return "test";
            }
          });
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
        new ResourceConfig(WhoResource.class, TestAuthentication.class, EarlierHelper.class)
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
  void principalResolverSeesThePrincipalSetByAuthentication() throws Exception {
    try (JerseyHttp http = app(AvsbFeature.builder().server(server).principal().build())) {
      assertThat(http.get("who", "x-test-login", "alice", "x-user-id", "mallory").body())
          .isEqualTo("alice");
      assertThat(http.get("who", "x-user-id", "mallory").body()).isEqualTo("anon anonymous");
    }
  }

  @Test
  void customResolverDecidesAndItsFailuresAreAnonymous() throws Exception {
    AvsbFeature feature =
        AvsbFeature.builder()
            .server(server)
            .resolver(
                request -> {
                  String mode = request.header("x-mode");
                  return switch (mode == null ? "" : mode) {
                    case "org" -> AvsbContext.of("organization", "acme");
                    case "throw" -> throw new IllegalStateException("resolver failed");
                    case "invalid" -> AvsbContext.of("");
                    default -> null;
                  };
                })
            .build();
    try (JerseyHttp http = app(feature)) {
      assertThat(http.get("who", "x-mode", "org").body()).isEqualTo("acme");
      assertThat(http.get("who", "x-mode", "throw"))
          .extracting(JerseyHttp.Reply::status, JerseyHttp.Reply::body)
          .containsExactly(200, "anon anonymous");
      assertThat(http.get("who", "x-mode", "invalid").body()).isEqualTo("anon anonymous");
      assertThat(http.get("who").body()).isEqualTo("anon anonymous");
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
  void visitorCookieIsIssuedOnceAndKeepsTheVisitorsKey() throws Exception {
    try (JerseyHttp http = app(AvsbFeature.builder().server(server).visitorCookie().build())) {
      JerseyHttp.Reply first = http.get("who");
      assertThat(first.setCookies()).hasSize(1);
      String cookie = first.setCookies().get(0);
      assertThat(cookie)
          .startsWith("avsb_visitor=")
          .containsIgnoringCase("HttpOnly")
          .containsIgnoringCase("SameSite=Lax")
          .doesNotContainIgnoringCase("Secure;")
          .containsIgnoringCase("Path=/");
      String key = cookie.substring("avsb_visitor=".length(), cookie.indexOf(';'));
      assertThat(key).hasSize(22);
      assertThat(first.body()).isEqualTo(key + " anonymous");

      JerseyHttp.Reply again = http.get("who", "Cookie", "avsb_visitor=" + key);
      assertThat(again.body()).isEqualTo(key + " anonymous");
      assertThat(again.setCookies()).isEmpty();

      JerseyHttp.Reply forged = http.get("who", "Cookie", "avsb_visitor=admin");
      assertThat(forged.body()).doesNotContain("admin").endsWith(" anonymous");
      assertThat(forged.setCookies()).hasSize(1);

      JerseyHttp.Reply identified = http.get("who", "x-user-id", "u1");
      assertThat(identified.body()).isEqualTo("u1");
      assertThat(identified.setCookies()).isEmpty();
    }
  }

  @Test
  void featureRegisteredTwiceResolvesOnce() throws Exception {
    AvsbFeature headers = new AvsbFeature(server);
    AvsbFeature principal = AvsbFeature.builder().server(server).principal().build();
    try (JerseyHttp http =
        new JerseyHttp(
            new ResourceConfig(WhoResource.class).register(headers).register(principal))) {
      assertThat(http.get("who", "x-user-id", "u1"))
          .extracting(JerseyHttp.Reply::status, JerseyHttp.Reply::body)
          .containsExactly(200, "u1");
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
