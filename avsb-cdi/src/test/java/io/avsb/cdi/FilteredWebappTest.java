package io.avsb.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.servlet.AvsbFilter;
import io.avsb.servlet.AvsbServletContextListener;
import io.avsb.testkit.TestData;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Inject ScopedAvsb} in a webapp with the kit's listener (TestData flags) and its servlet
 * filter (cookie resolver): the injected helpers are the filter's, the server the listener's.
 */
class FilteredWebappTest {
  private static final TestData DATA = TestData.create();
  private static WeldWebapp app;

  @BeforeAll
  static void start() throws Exception {
    DATA.update(DATA.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .fallthroughVariation(false));
    app = new WeldWebapp(context -> {
      context.addEventListener(
          new AvsbServletContextListener(b -> b.dataSource(DATA).eventsEnabled(false)));
      FilterHolder filter = new FilterHolder(new AvsbFilter());
      filter.setInitParameter("resolver", "cookie");
      filter.setAsyncSupported(true);
      context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
    });
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void injectedHelpersAreTheOneTheServletFilterResolved() {
    Map<String, String> who = app.get("who");
    String visitor = who.get("set-cookie");
    assertThat(visitor).startsWith("avsb_visitor=");
    String key = visitor.substring("avsb_visitor=".length(), visitor.indexOf(';'));
    assertThat(who).containsEntry("app", key).containsEntry("request", key)
        .containsEntry("stored", key).containsEntry("sameHelper", "true")
        .hasEntrySatisfying("resolvedBy", by -> assertThat(by).startsWith("io.avsb.servlet.AvsbFilter"));
  }

  @Test
  void serverIsTheListeners() {
    assertThat(app.get("who", "x-user-id", "u1")).containsEntry("listenerServer", "true");
  }

  @Test
  void requestScopedHelperCrossesToAWorkerAndTheCurrentRequestOneRefusesThereClearly() {
    Map<String, String> async = app.get("async", "x-user-id", "u_power");
    assertThat(async).containsEntry("request", "u_power").containsEntry("otherThread", "true");
    assertThat(async.get("app")).startsWith("ContextNotActiveException: ScopedAvsb")
        .contains("has no request");
  }

  @Test
  void twoConcurrentRequestsForDifferentUsersNeverSeeEachOthersHelper() throws Exception {
    for (int round = 0; round < 5; round++) {
      // each request reads its helper, waits at a barrier until the other request is inside the
      // servlet too, then reads again: both run at once on two container threads
      CompletableFuture<Map<String, String>> a = CompletableFuture.supplyAsync(
          () -> app.get("pair", "x-user-id", "u1"), app.workers);
      CompletableFuture<Map<String, String>> b = CompletableFuture.supplyAsync(
          () -> app.get("pair", "x-user-id", "u2"), app.workers);
      assertThat(a.get()).containsEntry("before", "u1").containsEntry("after", "u1")
          .containsEntry("request", "u1");
      assertThat(b.get()).containsEntry("before", "u2").containsEntry("after", "u2")
          .containsEntry("request", "u2");
    }
  }
}
