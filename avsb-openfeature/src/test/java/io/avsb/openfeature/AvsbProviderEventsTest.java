package io.avsb.openfeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableTrackingEventDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.testkit.AvsbTestService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider events, tracking and shutdown through the real OpenFeature SDK, with the server
 * streaming from the testkit's local service over real HTTP.
 */
class AvsbProviderEventsTest {
  private static final String KEY = "sdk-key-openfeature-1";
  private static final String FLAG = "{\"key\":\"checkout-v2\",\"version\":%d,\"on\":true,"
      + "\"variations\":[true,false],\"fallthrough\":{\"variation\":%d}}";
  private final AvsbTestService service = new AvsbTestService();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    service.expectedSdkKey(KEY).start();
    service.setData(AvsbValue.parse(
        "{\"flags\":{\"checkout-v2\":" + String.format(FLAG, 1, 1) + "},\"segments\":{}}"));
  }

  @AfterEach
  void stop() {
    OpenFeatureAPI.getInstance().shutdown();
    service.close();
  }

  private AvsbConfig.Builder config() {
    return AvsbConfig.builder(KEY).streamUri(service.uri()).eventsUri(service.uri())
        .initialReconnectDelay(Duration.ofMillis(10)).flushInterval(Duration.ofHours(1))
        .startWait(Duration.ofSeconds(10));
  }

  private Client listen(String domain) {
    Client client = OpenFeatureAPI.getInstance().getClient(domain);
    for (ProviderEvent e : ProviderEvent.values()) {
      client.on(e, (EventDetails d) -> seen.add(e.name()
          + (d.getFlagsChanged() == null || d.getFlagsChanged().isEmpty()
              ? "" : " " + d.getFlagsChanged())));
    }
    return client;
  }

  @Test
  void staleWhileInterruptedReadyAgainAndChangedFlagsAreNamed() {
    try (AvsbServer server = new AvsbServer(config().build())) {
      OpenFeatureAPI.getInstance().setProviderAndWait("events", new AvsbProvider(server));
      Client client = listen("events");
      service.putFlag("checkout-v2", AvsbValue.parse(String.format(FLAG, 2, 0)));
      await().atMost(Duration.ofSeconds(10)).alias("events seen").untilAsserted(() ->
          assertThat(seen).contains("PROVIDER_CONFIGURATION_CHANGED [checkout-v2]"));
      assertThat(client.getBooleanValue("checkout-v2", false, new ImmutableContext("u1"))).isTrue();
      service.failNext(AvsbTestService.Endpoint.STREAM, 3, 503);
      service.closeStreams();
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(seen).contains("PROVIDER_STALE"));
      assertThat(client.getProviderState()).isIn(ProviderState.STALE, ProviderState.READY);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(seen.lastIndexOf("PROVIDER_READY"))
              .isGreaterThan(seen.indexOf("PROVIDER_STALE")));
      assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
    }
  }

  @Test
  void aKeyRejectedForGoodIsAnError() {
    try (AvsbServer server = new AvsbServer(config().build())) {
      OpenFeatureAPI.getInstance().setProviderAndWait("rejected", new AvsbProvider(server));
      Client client = listen("rejected");
      service.failNext(AvsbTestService.Endpoint.STREAM, 1, 401);
      service.closeStreams();
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(seen).contains("PROVIDER_ERROR"));
      assertThat(client.getProviderState()).isEqualTo(ProviderState.ERROR);
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.OFF);
      // the last flags stay in use
      assertThat(client.getBooleanDetails("checkout-v2", true, new ImmutableContext("u1"))
          .getValue()).isFalse();
    }
  }

  @Test
  void flagsArrivingAfterInitialisationMakeTheProviderReady() {
    service.failNext(AvsbTestService.Endpoint.STREAM, 3, 503);
    try (AvsbServer server = new AvsbServer(config().startWait(Duration.ZERO)
        .initialReconnectDelay(Duration.ofMillis(300)).build())) {
      Client client = listen("late");
      assertThatThrownBy(() -> OpenFeatureAPI.getInstance()
          .setProviderAndWait("late", new AvsbProvider(server, Duration.ofMillis(50))))
          .isInstanceOf(OpenFeatureError.class).hasMessageContaining("no flags yet");
      assertThat(client.getProviderState()).isEqualTo(ProviderState.ERROR);
      await().atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(seen).contains("PROVIDER_READY"));
      assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
      assertThat(client.getBooleanValue("checkout-v2", true, new ImmutableContext("u1"))).isFalse();
    }
  }

  @Test
  void trackRecordsACustomEventWithMetricAndData() {
    try (AvsbServer server = new AvsbServer(config().build())) {
      OpenFeatureAPI.getInstance().setProviderAndWait("track", new AvsbProvider(server));
      Client client = OpenFeatureAPI.getInstance().getClient("track");
      client.track("purchase", new ImmutableContext("u1"),
          new ImmutableTrackingEventDetails(149.99, Map.of("currency", new Value("usd"))));
      server.flush();
      AvsbValue posted = service.awaitEvents(1, Duration.ofSeconds(10)).get(0).payload();
      AvsbValue custom = null;
      for (int i = 0; i < posted.size(); i++) {
        if ("custom".equals(posted.get(i).get("kind").stringValue())) {
          custom = posted.get(i);
        }
      }
      assertThat(custom).isNotNull();
      assertThat(custom.get("key").stringValue()).isEqualTo("purchase");
      assertThat(custom.get("metricValue").doubleValue()).isEqualTo(149.99);
      assertThat(custom.get("data").get("currency").stringValue()).isEqualTo("usd");
      assertThat(custom.get("contextKeys").get("user").stringValue()).isEqualTo("u1");
    }
  }

  @Test
  void shutdownLeavesAGivenServerRunning() {
    try (AvsbServer server = new AvsbServer(config().build())) {
      AvsbProvider provider = new AvsbProvider(server);
      OpenFeatureAPI.getInstance().setProviderAndWait("given", provider);
      Client client = listen("given");
      provider.shutdown(); // what the SDK calls when the provider is replaced or shut down
      service.putFlag("checkout-v2", AvsbValue.parse(String.format(FLAG, 2, 0)));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> server.forUser(Map.of("key", "u1")).getBoolFlag("checkout-v2", false));
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
      assertThat(seen).doesNotContain("PROVIDER_CONFIGURATION_CHANGED [checkout-v2]");
      assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
    }
  }

  @Test
  void aProviderMadeFromAConfigurationOwnsAndClosesItsServer() {
    AvsbProvider provider = new AvsbProvider(config().build());
    assertThat(provider.server()).isNull();
    OpenFeatureAPI.getInstance().setProviderAndWait("owned", provider);
    AvsbServer server = provider.server();
    assertThat(server.isReady()).isTrue();
    assertThat(OpenFeatureAPI.getInstance().getClient("owned")
        .getBooleanValue("checkout-v2", true, new ImmutableContext("u1"))).isFalse();
    OpenFeatureAPI.getInstance().shutdown();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> server.dataSourceStatus().state() == DataSourceStatus.State.OFF);
  }
}
