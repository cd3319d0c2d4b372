package io.avsb.jaxrs.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.jaxrs.AvsbFeature;
import io.avsb.testkit.TestData;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature's ways of saying who a request is for, on each runtime: the principal set by an
 * authentication filter, a custom resolver, the sticky visitor cookie, the helper the servlet
 * filter resolved, and a feature registered twice.
 */
class ResolversContractTest {
  private static AvsbServer server;

  @Path("who")
  public static class WhoResource {
    @GET
    public String who(@Context ScopedAvsb avsb, @Context HttpServletRequest request) {
      AvsbContext c = avsb.context();
      ScopedAvsb stored = (ScopedAvsb) request.getAttribute("io.avsb.ScopedAvsb");
      boolean sameMemo = stored.getBoolFlagDetail("any", false)
          == avsb.getBoolFlagDetail("any", false);
      return c.key() + (c.isAnonymous() ? " anonymous" : "") + (sameMemo ? "" : " other-helper");
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
      request.setSecurityContext(new SecurityContext() {
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

  /**
   * Registers configured features from a class an application lists in {@code getClasses()}:
   * the portable way to hand over instances now that {@code getSingletons()} is deprecated.
   */
  abstract static class Registers implements Feature {
    private final List<Object> instances;

    Registers(Object... instances) {
      this.instances = List.of(instances);
    }

    @Override
    public boolean configure(FeatureContext context) {
      instances.forEach(context::register);
      return true;
    }
  }

  public static class PrincipalFeature extends Registers {
    public PrincipalFeature() {
      super(AvsbFeature.builder().principal().build());
    }
  }

  public static class PrincipalApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(WhoResource.class, TestAuthentication.class, PrincipalFeature.class);
    }
  }

  public static class CustomFeature extends Registers {
    public CustomFeature() {
      super(AvsbFeature.builder().resolver(request -> {
        String mode = request.header("x-mode");
        return switch (mode == null ? "" : mode) {
          case "org" -> AvsbContext.of("organization", "acme");
          case "throw" -> throw new IllegalStateException("resolver failed");
          case "invalid" -> AvsbContext.of("");
          default -> null;
        };
      }).build());
    }
  }

  public static class CustomApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(WhoResource.class, CustomFeature.class);
    }
  }

  public static class VisitorFeature extends Registers {
    public VisitorFeature() {
      super(AvsbFeature.builder().visitorCookie().build());
    }
  }

  public static class VisitorApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(WhoResource.class, VisitorFeature.class);
    }
  }

  /** Two features, headers first: the second registers nothing more. */
  public static class TwiceFeature extends Registers {
    public TwiceFeature() {
      super(new AvsbFeature(), AvsbFeature.builder().principal().visitorCookie().build());
    }
  }

  public static class TwiceApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(WhoResource.class, TestAuthentication.class, TwiceFeature.class);
    }
  }

  public static class HeadersApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(WhoResource.class, AvsbFeature.class);
    }
  }

  @BeforeAll
  static void start() {
    server = AvsbServer.builder(null).dataSource(TestData.create()).eventsEnabled(false)
        .buildServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void principalResolverSeesThePrincipalSetByAuthentication() throws Exception {
    try (JaxrsApp app = new JaxrsApp(PrincipalApp.class, server)) {
      assertThat(app.get("who", "x-test-login", "alice", "x-user-id", "mallory").body())
          .isEqualTo("alice");
      assertThat(app.get("who", "x-user-id", "mallory").body()).isEqualTo("anon anonymous");
    }
  }

  @Test
  void customResolverDecidesAndItsFailuresAreAnonymous() throws Exception {
    try (JaxrsApp app = new JaxrsApp(CustomApp.class, server)) {
      assertThat(app.get("who", "x-mode", "org").body()).isEqualTo("acme");
      assertThat(app.get("who", "x-mode", "throw"))
          .extracting(JaxrsApp.Reply::status, JaxrsApp.Reply::body)
          .containsExactly(200, "anon anonymous");
      assertThat(app.get("who", "x-mode", "invalid").body()).isEqualTo("anon anonymous");
      assertThat(app.get("who").body()).isEqualTo("anon anonymous");
    }
  }

  @Test
  void visitorCookieIsIssuedOnceAndKeepsTheVisitorsKey() throws Exception {
    try (JaxrsApp app = new JaxrsApp(VisitorApp.class, server)) {
      JaxrsApp.Reply first = app.get("who");
      assertThat(first.setCookies()).hasSize(1);
      String cookie = first.setCookies().get(0);
      assertThat(cookie).startsWith("avsb_visitor=").containsIgnoringCase("HttpOnly")
          .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Path=/")
          .doesNotContainIgnoringCase("Secure;");
      String key = cookie.substring("avsb_visitor=".length(), cookie.indexOf(';'));
      assertThat(key).hasSize(22);
      assertThat(first.body()).isEqualTo(key + " anonymous");
      JaxrsApp.Reply again = app.get("who", "Cookie", "avsb_visitor=" + key);
      assertThat(again.body()).isEqualTo(key + " anonymous");
      assertThat(again.setCookies()).isEmpty();
      JaxrsApp.Reply forged = app.get("who", "Cookie", "avsb_visitor=admin");
      assertThat(forged.body()).doesNotContain("admin").endsWith(" anonymous");
      assertThat(forged.setCookies()).hasSize(1);
      assertThat(app.get("who", "x-user-id", "u1").setCookies()).isEmpty();
    }
  }

  @Test
  void theHelperTheServletFilterResolvedIsReused() throws Exception {
    try (JaxrsApp app = new JaxrsApp(HeadersApp.class, server, Map.of("resolver", "cookie"))) {
      JaxrsApp.Reply r = app.get("who");
      String cookie = r.setCookies().get(0);
      String visitor = cookie.substring("avsb_visitor=".length(), cookie.indexOf(';'));
      // the JAX-RS feature alone (headers) would say "anon": the cookie came from the filter
      assertThat(r.body()).isEqualTo(visitor + " anonymous");
      assertThat(app.get("who", "x-user-id", "u2").body()).isEqualTo("u2");
    }
  }

  @Test
  void featureRegisteredTwiceResolvesOnceWithTheFirst() throws Exception {
    try (JaxrsApp app = new JaxrsApp(TwiceApp.class, server)) {
      JaxrsApp.Reply r = app.get("who", "x-user-id", "u1", "x-test-login", "alice");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("u1");
      assertThat(r.setCookies()).isEmpty();
    }
  }
}
