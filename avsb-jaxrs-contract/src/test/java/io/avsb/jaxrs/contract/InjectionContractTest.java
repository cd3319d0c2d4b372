package io.avsb.jaxrs.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.jaxrs.AvsbFeature;
import io.avsb.testkit.TestData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How resources get the request's helper on each runtime: {@code @Context ScopedAvsb} in
 * constructors, fields and parameters of per-request resources and in singleton fields, the
 * request attribute {@code avsb} (where servlets find it), and async work on another thread.
 */
class InjectionContractTest {
  static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
  private static AvsbServer server;
  private static JaxrsApp app;

  @Path("who")
  public static class WhoResource {
    private final ScopedAvsb fromConstructor;
    @Context private ScopedAvsb fromField;

    public WhoResource(@Context ScopedAvsb fromConstructor) {
      this.fromConstructor = fromConstructor;
    }

    @GET
    public String who(@Context ScopedAvsb fromParameter, @Context HttpServletRequest request) {
      ScopedAvsb stored = (ScopedAvsb) request.getAttribute("avsb");
      return String.join(" ", fromParameter.context().key(), fromField.context().key(),
          fromConstructor.context().key(), stored.context().key(),
          String.valueOf(fromParameter.context().isAnonymous()));
    }
  }

  @Path("singleton")
  public static class SingletonResource {
    @Context private ScopedAvsb avsb;

    @GET
    public String who() {
      return avsb.context().key();
    }
  }

  /**
   * Hands the request attribute's helper and the {@code @Context} one to a worker thread. The
   * attribute's works there on every runtime; the injected one on Jersey only (see the README).
   */
  @Path("async")
  public static class AsyncResource {
    @GET
    public void who(
        @Context ScopedAvsb injected,
        @Context HttpServletRequest request,
        @Suspended AsyncResponse response) {
      ScopedAvsb stored = (ScopedAvsb) request.getAttribute("avsb");
      Thread requestThread = Thread.currentThread();
      WORKERS.execute(() -> {
        String viaContext;
        try {
          viaContext = injected.context().key();
        } catch (RuntimeException e) {
          viaContext = "refused";
        }
        response.resume(stored.context().key() + " " + viaContext + " "
            + (Thread.currentThread() != requestThread));
      });
    }
  }

  public static class App extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(WhoResource.class, AsyncResource.class, AvsbFeature.class);
    }

    // deprecated since JAX-RS 3.1 in favour of CDI, yet the one portable way to deploy a resource
    // instance without CDI, which is what singletonResourceFieldFollowsEachRequest checks
    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
      return Set.of(new SingletonResource());
    }
  }

  @BeforeAll
  static void start() throws Exception {
    server = AvsbServer.builder(null).dataSource(TestData.create()).eventsEnabled(false)
        .buildServer();
    app = new JaxrsApp(App.class, server);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    server.close();
    WORKERS.shutdownNow();
  }

  @Test
  void constructorFieldParameterAndAttributeAllSeeTheRequestsUser() {
    assertThat(app.get("who", "x-user-id", "u1").body()).isEqualTo("u1 u1 u1 u1 false");
    assertThat(app.get("who", "x-user-id", "u2").body()).isEqualTo("u2 u2 u2 u2 false");
  }

  @Test
  void requestWithoutUserIsAnonymous() {
    assertThat(app.get("who").body()).isEqualTo("anon anon anon anon true");
  }

  @Test
  void hostileHeadersFallBackToAnonymousWithOk() {
    assertThat(app.get("who", "x-user-id", "u".repeat(300)))
        .extracting(JaxrsApp.Reply::status, JaxrsApp.Reply::body)
        .containsExactly(200, "anon anon anon anon true");
    assertThat(app.get("who", "x-user-id", "u1\tadmin").body()).startsWith("anon ");
    assertThat(app.get("who", "x-user-id", "u1", "x-user-plan", "pro\tx").body())
        .startsWith("anon ");
  }

  @Test
  void singletonResourceFieldFollowsEachRequest() {
    assertThat(app.get("singleton", "x-user-id", "u1").body()).isEqualTo("u1");
    assertThat(app.get("singleton", "x-user-id", "u2").body()).isEqualTo("u2");
  }

  @Test
  void asyncWorkerReadsTheRequestsHelperAndNeverAnotherUsers() {
    String expected = JaxrsApp.resteasy()
        // RESTEasy's @Context proxy asks for the request on the calling thread: refused there
        ? "u3 refused true"
        : "u3 u3 true";
    assertThat(app.get("async", "x-user-id", "u3").body()).isEqualTo(expected);
  }
}
