package io.avsb.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.TestData;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What only Jersey with HK2 shows, standalone (Grizzly, no servlet container): the helper is the
 * JAX-RS request property {@code avsb}, and {@code @Context ScopedAvsb} follows each request in an
 * HK2 {@code @Singleton} resource. Injection on every runtime is {@code InjectionContractTest}'s.
 */
class AvsbFeatureInjectionTest {
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

  @BeforeAll
  static void start() {
    server =
        AvsbServer.builder(null).dataSource(TestData.create()).eventsEnabled(false).buildServer();
    http =
        new JerseyHttp(
            new ResourceConfig(WhoResource.class, SingletonResource.class)
                .register(new AvsbFeature(server)));
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    server.close();
  }

  @Test
  void withoutAServletContainerTheHelperIsTheRequestPropertyAndInjectedEverywhere() {
    assertThat(http.get("who", "x-user-id", "u1").body()).isEqualTo("u1 u1 u1 u1 false");
    assertThat(http.get("who", "x-user-id", "u2").body()).isEqualTo("u2 u2 u2 u2 false");
  }

  @Test
  void singletonResourceFieldFollowsEachRequest() {
    assertThat(http.get("singleton", "x-user-id", "u1").body()).isEqualTo("u1");
    assertThat(http.get("singleton", "x-user-id", "u2").body()).isEqualTo("u2");
  }
}
