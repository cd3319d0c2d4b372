package io.avsb.jaxrs.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.ScopedAvsb;
import io.avsb.jaxrs.AvsbFeature;
import io.avsb.testkit.MockAvsbServer;
import io.avsb.testkit.TestData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's flags and tracking through {@code AvsbFeature}, one evaluation per request. */
class FlagsContractTest {
  static final TestData DATA = TestData.create();
  private static MockAvsbServer mock;
  private static JaxrsApp app;

  @Path("checkout")
  public static class CheckoutResource {
    @Context private ScopedAvsb fromField;

    @GET
    public String checkout(@Context ScopedAvsb avsb) {
      return avsb.getBoolFlag("checkout-v2", false) + " "
          + avsb.getStringFlag("ui-theme", "default");
    }

    @POST
    @Path("purchase")
    public String purchase(@Context ScopedAvsb avsb) {
      avsb.track("purchase", 149.99, Map.of("currency", "usd"));
      return "ok";
    }

    /** Reads a flag, flips it for everyone, reads it again: the request keeps its value. */
    @GET
    @Path("flip")
    public String flip(@Context ScopedAvsb fromParameter) {
      boolean before = fromField.getBoolFlag("flippy", false);
      DATA.update(DATA.flag("flippy").booleanFlag().variationForAll(!before));
      return before + " " + fromParameter.getBoolFlag("flippy", false);
    }
  }

  public static class App extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(CheckoutResource.class, AvsbFeature.class);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    DATA.update(DATA.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .ifMatch("plan", "pro").thenReturn(true).fallthroughVariation(false));
    DATA.update(DATA.flag("ui-theme").variations("default", "dark").ifMatch("plan", "pro")
        .thenReturn(1).fallthroughVariation(0));
    DATA.update(DATA.flag("flippy").booleanFlag().variationForAll(false));
    mock = MockAvsbServer.create(DATA);
    app = new JaxrsApp(App.class, mock.server());
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    mock.close();
  }

  @BeforeEach
  void forget() {
    mock.reset();
  }

  @Test
  void eachUserGetsTheirOwnAnswers() {
    assertThat(app.get("checkout", "x-user-id", "u1", "x-user-plan", "free").body())
        .isEqualTo("false default");
    assertThat(app.get("checkout", "x-user-id", "u2", "x-user-plan", "pro").body())
        .isEqualTo("true dark");
    assertThat(app.get("checkout", "x-user-id", "u_power").body()).isEqualTo("true default");
    assertThat(app.get("checkout").body()).isEqualTo("false default");
  }

  @Test
  void aFlagKeepsItsValueWithinARequestAndIsEvaluatedOnce() {
    String[] first = app.get("checkout/flip", "x-user-id", "u1").body().split(" ");
    assertThat(first[1]).isEqualTo(first[0]);
    assertThat(mock.evaluations("flippy")).hasSize(1);
    String[] second = app.get("checkout/flip", "x-user-id", "u1").body().split(" ");
    assertThat(second[0]).isNotEqualTo(first[0]);
  }

  @Test
  void trackRecordsThePurchaseForTheRequestsUser() {
    assertThat(app.post("checkout/purchase", "x-user-id", "u2").body()).isEqualTo("ok");
    assertThat(mock.trackedEvents("purchase")).singleElement().satisfies(e -> {
      assertThat(e.context().key()).isEqualTo("u2");
      assertThat(e.metricValue()).hasValue(149.99);
      assertThat(e.data().get("currency").stringValue()).isEqualTo("usd");
    });
  }
}
