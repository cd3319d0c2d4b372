package io.avsb.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.ScopedAvsb;
import io.avsb.testkit.MockAvsbServer;
import io.avsb.testkit.TestData;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvsbFeatureFlagsTest {
  private static MockAvsbServer mock;
  private static JerseyHttp http;

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
  }

  /** Reads a flag, flips it for everyone, reads it again through other injection points. */
  @Path("flip")
  public static class FlipResource {
    @Context private ScopedAvsb fromField;
    @Inject private TestData td;

    @GET
    public String flip(@Context ScopedAvsb fromParameter) {
      boolean before = fromField.getBoolFlag("flippy", false);
      td.update(td.flag("flippy").booleanFlag().variationForAll(!before));
      boolean after = fromParameter.getBoolFlag("flippy", false);
      boolean fresh = fromParameter.getBoolFlag("flippy", false);
      return before + " " + after + " " + fresh;
    }
  }

  @BeforeAll
  static void start() {
    TestData td = TestData.create();
    td.update(
        td.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
            .ifMatch("plan", "pro").thenReturn(true).fallthroughVariation(false));
    td.update(
        td.flag("ui-theme").variations("default", "dark").ifMatch("plan", "pro").thenReturn(1)
            .fallthroughVariation(0));
    td.update(td.flag("flippy").booleanFlag().variationForAll(false));
    mock = MockAvsbServer.create(td);
    http =
        new JerseyHttp(
            new ResourceConfig(CheckoutResource.class, FlipResource.class)
                .register(new AvsbFeature(mock.server()))
                .register(
                    new AbstractBinder() {
                      @Override
                      protected void configure() {
                        bind(td).to(TestData.class);
                      }
                    }));
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    mock.close();
  }

  @BeforeEach
  void forget() {
    mock.reset();
  }

  @Test
  void eachUserGetsTheirOwnAnswersInOneRun() {
    assertThat(http.get("checkout", "x-user-id", "u1", "x-user-plan", "free").body())
        .isEqualTo("false default");
    assertThat(http.get("checkout", "x-user-id", "u2", "x-user-plan", "pro").body())
        .isEqualTo("true dark");
    assertThat(http.get("checkout", "x-user-id", "u_power").body()).isEqualTo("true default");
    assertThat(http.get("checkout").body()).isEqualTo("false default");
  }

  @Test
  void flagKeepsItsValueWithinARequestAndChangesForTheNext() {
    String first = http.get("flip", "x-user-id", "u1").body();
    String[] values = first.split(" ");
    assertThat(values[1]).isEqualTo(values[0]);
    assertThat(values[2]).isEqualTo(values[0]);
    String second = http.get("flip", "x-user-id", "u1").body();
    assertThat(second.split(" ")[0]).isNotEqualTo(values[0]);
  }

  @Test
  void aFlagReadManyTimesInARequestIsEvaluatedOnce() {
    http.get("flip", "x-user-id", "u1");
    assertThat(mock.evaluations("flippy")).hasSize(1);
  }

  @Test
  void trackRecordsThePurchaseForTheRequestsUser() {
    assertThat(http.post("checkout/purchase", "x-user-id", "u2").body()).isEqualTo("ok");
    assertThat(mock.trackedEvents("purchase"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.context().key()).isEqualTo("u2");
              assertThat(e.metricValue()).hasValue(149.99);
              assertThat(e.data().get("currency").stringValue()).isEqualTo("usd");
            });
  }
}
