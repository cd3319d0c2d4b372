package io.avsb.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.TestData;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AvsbFeatureInjectionTest {
  private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
  private static AvsbServer server;
  private static JerseyHttp http;

  @Path("who")
  public static class WhoResource {
    private final ScopedAvsb fromConstructor;
    @Context private ScopedAvsb fromField;

    public WhoResource(@Context ScopedAvsb fromConstructor) {
      this.fromConstructor = fromConstructor;
    }

    @GET
    public String who(@Context ScopedAvsb fromParameter, @Context ContainerRequestContext request) {
      ScopedAvsb stored = (ScopedAvsb) request.getProperty("avsb");
      return String.join(
          " ",
          fromParameter.context().key(),
          fromField.context().key(),
          fromConstructor.context().key(),
          stored.context().key(),
          String.valueOf(fromParameter.context().isAnonymous()));
    }
  }

  @Path("singleton")
  @Singleton
  public static class SingletonResource {
    @Context private ScopedAvsb avsb;

    @GET
    public String who() {
      return avsb.context().key();
    }
  }

  @Path("async")
  public static class AsyncResource {
    @GET
    public void who(@Context ScopedAvsb avsb, @Suspended AsyncResponse response) {
      String requestThread = Thread.currentThread().getName();
      WORKERS.submit(
          () -> {
            boolean otherThread = !Thread.currentThread().getName().equals(requestThread);
            response.resume(avsb.context().key() + " " + otherThread);
          });
    }
  }

  @BeforeAll
  static void start() {
    server =
        AvsbServer.builder(null).dataSource(TestData.create()).eventsEnabled(false).buildServer();
    http =
        new JerseyHttp(
            new ResourceConfig(WhoResource.class, SingletonResource.class, AsyncResource.class)
                .register(new AvsbFeature(server)));
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    server.close();
    WORKERS.shutdownNow();
  }

  @Test
  void parameterFieldAndConstructorAllSeeTheRequestsUser() {
    assertThat(http.get("who", "x-user-id", "u1").body()).isEqualTo("u1 u1 u1 u1 false");
    assertThat(http.get("who", "x-user-id", "u2").body()).isEqualTo("u2 u2 u2 u2 false");
  }

  @Test
  void requestWithoutUserIsAnonymous() {
    assertThat(http.get("who").body()).isEqualTo("anon anon anon anon true");
  }

  @Test
  void hostileHeaderFallsBackToAnonymous() {
    assertThat(http.get("who", "x-user-id", "u".repeat(300)).body()).startsWith("anon ");
    assertThat(http.get("who", "x-user-id", "u1\tadmin").body()).startsWith("anon ");
    assertThat(http.get("who", "x-user-id", "u1", "x-user-plan", "pro\tx").body())
        .startsWith("anon ");
  }

  @Test
  void singletonResourceFieldFollowsEachRequest() {
    assertThat(http.get("singleton", "x-user-id", "u1").body()).isEqualTo("u1");
    assertThat(http.get("singleton", "x-user-id", "u2").body()).isEqualTo("u2");
  }

  @Test
  void asyncResourceReadsTheInjectedHelperOnAnotherThread() {
    assertThat(http.get("async", "x-user-id", "u3").body()).isEqualTo("u3 true");
  }
}
