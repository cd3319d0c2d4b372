package io.avsb.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.ScopedAvsb;
import io.avsb.testkit.MockAvsbServer;
import io.avsb.testkit.TestData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlagGateTest {
  private static MockAvsbServer mock;
  private static JerseyHttp http;

  @Path("beta")
  @FlagGate("beta-api")
  public static class BetaResource {
    @GET
    public String get(@Context ScopedAvsb avsb) {
      return "beta for " + avsb.context().key();
    }

    @GET
    @Path("export")
    @FlagGate(value = "beta-export", status = 403)
    public String export() {
      return "export";
    }
  }

  @Path("open")
  public static class OpenResource {
    @GET
    public String open() {
      return "open";
    }

    @GET
    @Path("gated")
    @FlagGate(value = "beta-api", status = 299)
    public String gated() {
      return "gated";
    }

    @GET
    @Path("unknown")
    @FlagGate("no-such-flag")
    public String unknown() {
      return "unknown";
    }
  }

  @BeforeAll
  static void start() {
    TestData td = TestData.create();
    td.update(
        td.flag("beta-api").booleanFlag().variationForUser("u1", true).variationForUser("u2", true)
            .fallthroughVariation(false));
    td.update(
        td.flag("beta-export").booleanFlag().variationForUser("u2", true)
            .fallthroughVariation(false));
    mock = MockAvsbServer.create(td);
    http =
        new JerseyHttp(
            new ResourceConfig(BetaResource.class, OpenResource.class)
                .register(new AvsbFeature(mock.server())));
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    mock.close();
  }

  @Test
  void gateIsOpenWhenTheFlagIsOnForTheUser() {
    assertThat(http.get("beta", "x-user-id", "u1"))
        .extracting(JerseyHttp.Reply::status, JerseyHttp.Reply::body)
        .containsExactly(200, "beta for u1");
  }

  @Test
  void gateAnswers404WhenTheFlagIsOffForTheUser() {
    assertThat(http.get("beta", "x-user-id", "u9").status()).isEqualTo(404);
    assertThat(http.get("beta").status()).isEqualTo(404);
  }

  @Test
  void classAndMethodGatesMustBothBeOpenAndTheMethodStatusApplies() {
    assertThat(http.get("beta/export", "x-user-id", "u2").status()).isEqualTo(200);
    assertThat(http.get("beta/export", "x-user-id", "u1").status()).isEqualTo(403);
    assertThat(http.get("beta/export", "x-user-id", "u9").status()).isEqualTo(404);
  }

  @Test
  void ungatedResourcesDoNotReadTheFlag() {
    mock.reset();
    assertThat(http.get("open", "x-user-id", "u9").status()).isEqualTo(200);
    assertThat(mock.evaluations("beta-api")).isEmpty();
  }

  @Test
  void statusOutsideTheErrorRangeGives404() {
    assertThat(http.get("open/gated", "x-user-id", "u9").status()).isEqualTo(404);
    assertThat(http.get("open/gated", "x-user-id", "u1").status()).isEqualTo(200);
  }

  @Test
  void unknownFlagKeepsTheGateClosed() {
    assertThat(http.get("open/unknown", "x-user-id", "u1").status()).isEqualTo(404);
  }
}
