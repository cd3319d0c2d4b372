package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.EvaluationReason;
import io.avsb.ScopedAvsb;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole SDK, wired as an application gets it, against the local service over real HTTP. */
class AvsbServerOverHttpTest {
  private static final String KEY = "sdk-key-e2e-0001";
  private final AvsbTestService service = new AvsbTestService();

  @BeforeEach
  void startService() {
    service.expectedSdkKey(KEY).start();
    service.setData(
        AvsbValue.parse(
            "{\"flags\":{\"checkout-v2\":{\"key\":\"checkout-v2\",\"version\":1,\"on\":true,"
                + "\"variations\":[true,false],\"offVariation\":1,\"fallthrough\":{\"variation\":1},"
                + "\"targets\":[{\"variation\":0,\"values\":[\"u_power\"]}],\"trackEvents\":true}},"
                + "\"segments\":{}}"));
  }

  @AfterEach
  void stopService() {
    service.close();
  }

  private AvsbServer server(boolean polling) {
    AvsbConfig.Builder b =
        AvsbConfig.builder(KEY)
            .baseUri(service.uri())
            .streamUri(service.uri())
            .eventsUri(service.uri())
            .startWait(Duration.ofSeconds(10))
            .flushInterval(Duration.ofMillis(100));
    return new AvsbServer(b.polling(polling).build());
  }

  @Test
  void streamingServerIsReadyEvaluatesAndSeesPatches() {
    try (AvsbServer server = server(false)) {
      assertThat(server.isReady()).isTrue();
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
      ScopedAvsb power = server.forUser(Map.of("kind", "user", "key", "u_power"));
      ScopedAvsb u1 = server.forUser(Map.of("kind", "user", "key", "u1"));
      assertThat(power.getBoolFlag("checkout-v2", false)).isTrue();
      assertThat(u1.getBoolFlagDetail("checkout-v2", true).reason())
          .isEqualTo(EvaluationReason.fallthrough());
      service.putFlag(
          "checkout-v2",
          AvsbValue.parse(
              "{\"key\":\"checkout-v2\",\"version\":2,\"on\":true,\"variations\":[true,false],"
                  + "\"fallthrough\":{\"variation\":0}}"));
      await().atMost(Duration.ofSeconds(10)).until(() -> u1.getBoolFlag("checkout-v2", false));
    }
  }

  @Test
  void pollingServerIsReadyAndEvaluates() {
    try (AvsbServer server = server(true)) {
      assertThat(server.isReady()).isTrue();
      assertThat(server.forUser(Map.of("key", "u_power")).getBoolFlag("checkout-v2", false)).isTrue();
      assertThat(service.requests(AvsbTestService.Endpoint.FLAGS)).isNotEmpty();
    }
  }

  @Test
  void evaluationsAndTrackReachTheEventsEndpoint() {
    try (AvsbServer server = server(false)) {
      ScopedAvsb avsb = server.forUser(Map.of("kind", "user", "key", "u_power", "plan", "pro"));
      avsb.getBoolFlag("checkout-v2", false);
      avsb.track("purchase", 149.99, Map.of("currency", "usd"));
      server.flush();
      AvsbValue all =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(this::allEventsSoFar, events -> kinds(events).contains("summary")
                  && kinds(events).contains("custom"));
      AvsbValue custom = find(all, "custom");
      assertThat(custom.get("key").stringValue()).isEqualTo("purchase");
      assertThat(custom.get("metricValue").doubleValue()).isEqualTo(149.99);
      assertThat(custom.get("data").get("currency").stringValue()).isEqualTo("usd");
      assertThat(custom.get("contextKeys").get("user").stringValue()).isEqualTo("u_power");
      AvsbValue feature = find(all, "feature");
      assertThat(feature.get("key").stringValue()).isEqualTo("checkout-v2");
      assertThat(feature.get("value").booleanValue()).isTrue();
      AvsbValue counters = find(all, "summary").get("features").get("checkout-v2").get("counters");
      assertThat(counters.get(0).get("count").intValue()).isEqualTo(1);
    }
  }

  private AvsbValue allEventsSoFar() {
    java.util.List<AvsbValue> out = new java.util.ArrayList<>();
    for (AvsbTestService.EventPost post : service.events()) {
      for (int i = 0; i < post.payload().size(); i++) {
        out.add(post.payload().get(i));
      }
    }
    return AvsbValue.fromJava(out);
  }

  private static java.util.Set<String> kinds(AvsbValue events) {
    java.util.Set<String> kinds = new java.util.HashSet<>();
    for (int i = 0; i < events.size(); i++) {
      kinds.add(events.get(i).get("kind").stringValue());
    }
    return kinds;
  }

  private static AvsbValue find(AvsbValue events, String kind) {
    for (int i = 0; i < events.size(); i++) {
      if (kind.equals(events.get(i).get("kind").stringValue())) {
        return events.get(i);
      }
    }
    throw new AssertionError("no " + kind + " event in " + events);
  }
}
