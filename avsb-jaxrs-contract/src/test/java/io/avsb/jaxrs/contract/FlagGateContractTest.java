package io.avsb.jaxrs.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.jaxrs.AvsbFeature;
import io.avsb.jaxrs.FlagGate;
import io.avsb.testkit.MockAvsbServer;
import io.avsb.testkit.TestData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link FlagGate} on classes and methods, its statuses, and that ungated routes read nothing. */
class FlagGateContractTest {
  private static MockAvsbServer mock;
  private static JaxrsApp app;

  @Path("beta")
  @FlagGate("beta-api")
  public static class BetaResource {
    @GET
    public String get() {
      return "beta";
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

  public static class App extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(BetaResource.class, OpenResource.class, AvsbFeature.class);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    TestData td = TestData.create();
    td.update(td.flag("beta-api").booleanFlag().variationForUser("u1", true)
        .variationForUser("u2", true).fallthroughVariation(false));
    td.update(td.flag("beta-export").booleanFlag().variationForUser("u2", true)
        .fallthroughVariation(false));
    mock = MockAvsbServer.create(td);
    app = new JaxrsApp(App.class, mock.server());
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    mock.close();
  }

  @Test
  void gateIsOpenWhenTheFlagIsOnAnd404WhenOff() {
    assertThat(app.get("beta", "x-user-id", "u1"))
        .extracting(JaxrsApp.Reply::status, JaxrsApp.Reply::body)
        .containsExactly(200, "beta");
    assertThat(app.get("beta", "x-user-id", "u9").status()).isEqualTo(404);
    assertThat(app.get("beta").status()).isEqualTo(404);
  }

  @Test
  void classAndMethodGatesMustBothBeOpenAndTheMethodStatusApplies() {
    assertThat(app.get("beta/export", "x-user-id", "u2").status()).isEqualTo(200);
    assertThat(app.get("beta/export", "x-user-id", "u1").status()).isEqualTo(403);
    assertThat(app.get("beta/export", "x-user-id", "u9").status()).isEqualTo(404);
  }

  @Test
  void ungatedRoutesDoNotReadTheFlag() {
    mock.reset();
    assertThat(app.get("open", "x-user-id", "u9").status()).isEqualTo(200);
    assertThat(mock.evaluations("beta-api")).isEmpty();
  }

  @Test
  void statusOutsideTheErrorRangeGives404AndUnknownFlagsStayClosed() {
    assertThat(app.get("open/gated", "x-user-id", "u9").status()).isEqualTo(404);
    assertThat(app.get("open/gated", "x-user-id", "u1").status()).isEqualTo(200);
    assertThat(app.get("open/unknown", "x-user-id", "u1").status()).isEqualTo(404);
  }
}
