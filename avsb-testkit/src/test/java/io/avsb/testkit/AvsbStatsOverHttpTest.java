package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbStats;
import io.avsb.AvsbValue;
import io.avsb.FeatureFlagsState;
import io.avsb.FlagsStateOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AvsbServer#stats()} and {@code allFlagsState} with {@code ALL_FLAGS}, over HTTP. */
class AvsbStatsOverHttpTest {
  private static final String KEY = "sdk-key-stats-0001";
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private final AvsbTestService service = new AvsbTestService();

  @BeforeEach
  void startService() {
    service.expectedSdkKey(KEY).start();
    service.setData(AvsbValue.parse("{\"flags\":{"
        + "\"server-only\":{\"key\":\"server-only\",\"version\":1,\"on\":true,"
        + "\"variations\":[true,false],\"fallthrough\":{\"variation\":0}},"
        + "\"visible\":{\"key\":\"visible\",\"version\":1,\"on\":false,\"offVariation\":1,"
        + "\"variations\":[\"a\",\"b\"],\"fallthrough\":{\"variation\":0},"
        + "\"clientSideAvailability\":{\"usingEnvironmentId\":true}},"
        + "\"gone\":{\"key\":\"gone\",\"version\":3,\"deleted\":true}},\"segments\":{}}"));
  }

  @AfterEach
  void stopService() {
    service.close();
  }

  private AvsbServer server() {
    return new AvsbServer(AvsbConfig.builder(KEY)
        .streamUri(service.uri())
        .eventsUri(service.uri())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .initialReconnectDelay(Duration.ofMillis(10))
        .startWait(Duration.ofSeconds(10))
        .flushInterval(Duration.ofHours(1))
        .build());
  }

  @Test
  void statsCountFlagsStreamConnectionsAndTheLastUpdate() {
    try (AvsbServer server = server()) {
      AvsbStats stats = server.stats();
      assertThat(stats.flagCount()).isEqualTo(2);
      assertThat(stats.lastUpdate()).isEqualTo(NOW);
      assertThat(stats.streamConnections()).isEqualTo(1);
      service.closeStreams();
      service.awaitStreamConnections(2, Duration.ofSeconds(10));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> server.stats().streamConnections() == 2);
    }
  }

  @Test
  void statsCountDeliveredAndFailedEvents() {
    try (AvsbServer server = server()) {
      server.forUser(AvsbContext.of("u1")).track("first");
      server.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().eventsDelivered() == 2);
      service.failNext(AvsbTestService.Endpoint.EVENTS, 2, 503);
      server.forUser(AvsbContext.of("u1")).track("second");
      server.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().eventsFailed() == 1);
      assertThat(server.stats().eventsDelivered()).isEqualTo(2);
      assertThat(server.stats().eventsDropped()).isZero();
    }
  }

  @Test
  void allFlagsOptionAddsServerOnlyFlagsWithoutEvents() {
    try (AvsbServer server = server()) {
      AvsbContext u1 = AvsbContext.of("u1");
      assertThat(server.allFlagsState(u1).flags()).containsOnlyKeys("visible");
      FeatureFlagsState all = server.allFlagsState(u1, FlagsStateOption.ALL_FLAGS);
      assertThat(all.flags()).containsOnlyKeys("server-only", "visible");
      assertThat(all.getFlagValue("server-only")).isEqualTo(AvsbValue.TRUE);
      assertThat(all.getFlagState("visible").variation()).isEqualTo(1);
      server.forUser(u1).track("after");
      server.flush();
      AvsbValue posted = service.awaitEvents(1, Duration.ofSeconds(10)).get(0).payload();
      assertThat(posted.size()).isEqualTo(2);
      for (int i = 0; i < posted.size(); i++) {
        assertThat(posted.get(i).get("kind").stringValue()).isIn("index", "custom");
      }
    }
  }
}
