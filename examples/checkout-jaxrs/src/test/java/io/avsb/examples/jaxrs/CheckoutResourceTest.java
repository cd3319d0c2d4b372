package io.avsb.examples.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import io.avsb.testkit.AvsbTest;
import io.avsb.testkit.MockAvsbServer;
import io.avsb.testkit.TestData;
import io.avsb.testkit.TrackedEvent;
import org.junit.jupiter.api.Test;

/** The seed's testing section in Java: the example's routes over HTTP, flags from TestData. */
@AvsbTest
class CheckoutResourceTest {
  @Test
  void proUserSeesTheNewCheckoutInTheDarkTheme(TestData td, MockAvsbServer avsb) throws Exception {
    td.update(td.flag("checkout-v2").ifMatch("plan", "pro").thenReturn(true)
        .fallthroughVariation(false));
    td.update(td.flag("ui-theme").valueForAll("dark"));
    try (CheckoutApp app = CheckoutApp.start(avsb)) {
      assertThat(app.get("/checkout", "x-user-id", "u1", "x-user-plan", "pro").json())
          .isEqualTo(AvsbValue.parse("{\"showNewCheckout\": true, \"theme\": \"dark\"}"));
      assertThat(app.get("/checkout", "x-user-id", "u2", "x-user-plan", "free").json())
          .isEqualTo(AvsbValue.parse("{\"showNewCheckout\": false, \"theme\": \"dark\"}"));
    }
  }

  @Test
  void purchaseIsTrackedForTheUser(MockAvsbServer avsb) throws Exception {
    try (CheckoutApp app = CheckoutApp.start(avsb)) {
      assertThat(app.post("/purchase", "x-user-id", "u1"))
          .isEqualTo(new CheckoutApp.Reply(202, AvsbValue.parse("{\"tracked\": \"purchase\"}")));
    }
    TrackedEvent purchase = avsb.trackedEvents("purchase").get(0);
    assertThat(purchase.contextKey()).isEqualTo("u1");
    assertThat(purchase.metricValue()).hasValue(149.99);
    assertThat(purchase.data()).isEqualTo(AvsbValue.parse("{\"currency\": \"usd\"}"));
  }

  @Test
  void asyncRouteAnswersForTheRequestsUserFromAWorkerThread(TestData td, MockAvsbServer avsb)
      throws Exception {
    td.update(td.flag("checkout-v2").variationForUser("u_power", true).fallthroughVariation(false));
    try (CheckoutApp app = CheckoutApp.start(avsb)) {
      assertThat(app.get("/checkout/async", "x-user-id", "u_power").json())
          .isEqualTo(
              AvsbValue.parse(
                  "{\"showNewCheckout\": true, \"theme\": \"default\", \"user\": \"u_power\","
                      + " \"sameHelper\": true, \"otherThread\": true}"));
    }
  }

  @Test
  void betaRouteExistsOnlyWhereTheFlagIsOn(TestData td, MockAvsbServer avsb) throws Exception {
    td.update(td.flag("beta-api").variationForUser("u1", true).fallthroughVariation(false));
    try (CheckoutApp app = CheckoutApp.start(avsb)) {
      assertThat(app.get("/beta", "x-user-id", "u1").status()).isEqualTo(200);
      assertThat(app.get("/beta", "x-user-id", "u2").status()).isEqualTo(404);
      assertThat(app.get("/beta").status()).isEqualTo(404);
    }
  }
}
