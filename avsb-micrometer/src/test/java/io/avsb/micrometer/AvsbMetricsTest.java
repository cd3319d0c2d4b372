package io.avsb.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import io.avsb.testkit.AvsbTestService;
import io.avsb.testkit.TestData;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link AvsbMetrics} on a real server, read through Micrometer's {@link SimpleMeterRegistry}. */
class AvsbMetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private static TestData flags() {
    TestData data = TestData.create();
    data.update(data.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .fallthroughVariation(false));
    data.update(data.flag("ui-theme").variations("default", "dark").offVariation(0).on(false));
    data.update(data.flag("third").booleanFlag().variationForAll(true));
    return data;
  }

  private static AvsbServer server(TestData data, AvsbMetrics metrics) {
    return AvsbServer.builder(null).dataSource(data).eventsEnabled(false)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).startWait(Duration.ofSeconds(5))
        .hooks(metrics).buildServer();
  }

  private static double evaluations(MeterRegistry registry, String... tags) {
    return registry.get("avsb.evaluations").tags(tags).functionCounter().count();
  }

  private static Set<String> flagTags(MeterRegistry registry) {
    return registry.find("avsb.evaluations").meters().stream()
        .map(m -> m.getId().getTag("flag")).collect(Collectors.toSet());
  }

  @Test
  void evaluationsAreCountedByFlagVariationReasonAndError() {
    AvsbMetrics metrics = AvsbMetrics.create();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    try (AvsbServer server = server(flags(), metrics)) {
      ScopedAvsb power = server.forUser(AvsbContext.of("u_power"));
      ScopedAvsb u1 = server.forUser(AvsbContext.of("u1"));
      power.getBoolFlag("checkout-v2", false);
      power.getBoolFlag("checkout-v2", false);
      u1.getBoolFlag("checkout-v2", true);
      u1.getStringFlag("ui-theme", "x");
      u1.getIntFlag("ui-theme", 7);
      assertThat(evaluations(registry, "flag", "checkout-v2", "variation", "0",
          "reason", "TARGET_MATCH", "error", "none")).isEqualTo(2);
      assertThat(evaluations(registry, "flag", "checkout-v2", "variation", "1",
          "reason", "FALLTHROUGH", "error", "none")).isEqualTo(1);
      assertThat(evaluations(registry, "flag", "ui-theme", "variation", "0", "reason", "OFF"))
          .isEqualTo(1);
      assertThat(evaluations(registry, "flag", "ui-theme", "variation", "default",
          "reason", "ERROR", "error", "WRONG_TYPE")).isEqualTo(1);
    }
  }

  @Test
  void flagsBeyondTheBoundAndMissingFlagsCountAsOther() {
    AvsbMetrics metrics = AvsbMetrics.builder().maxFlags(1).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    try (AvsbServer server = server(flags(), metrics)) {
      ScopedAvsb u1 = server.forUser(AvsbContext.of("u1"));
      u1.getBoolFlag("checkout-v2", false);
      u1.getBoolFlag("third", false);
      for (int i = 0; i < 50; i++) {
        u1.getBoolFlag("no-such-flag", false);
      }
      assertThat(flagTags(registry)).containsExactlyInAnyOrder("checkout-v2", "other");
      assertThat(evaluations(registry, "flag", "other", "error", "FLAG_NOT_FOUND")).isEqualTo(50);
      assertThat(evaluations(registry, "flag", "other", "reason", "FALLTHROUGH")).isEqualTo(1);
    }
  }

  @Test
  void allowListTagsOnlyTheListedFlags() {
    AvsbMetrics metrics = AvsbMetrics.builder().flags("third").build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    try (AvsbServer server = server(flags(), metrics)) {
      ScopedAvsb u1 = server.forUser(AvsbContext.of("u1"));
      u1.getBoolFlag("checkout-v2", false);
      u1.getStringFlag("ui-theme", "x");
      u1.getBoolFlag("third", false);
      assertThat(flagTags(registry)).containsExactlyInAnyOrder("third", "other");
      assertThat(registry.find("avsb.evaluations").tag("flag", "other").functionCounters()
          .stream().mapToDouble(c -> c.count()).sum()).isEqualTo(2);
    }
  }

  @Test
  void aRegistryBoundLaterSeesEarlierCountsAndServerMeters() {
    AvsbMetrics metrics = AvsbMetrics.builder().tags("app", "checkout")
        .clock(Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC)).build();
    try (AvsbServer server = server(flags(), metrics)) {
      server.forUser(AvsbContext.of("u1")).getBoolFlag("third", false);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      metrics.monitor(server).bindTo(registry);
      metrics.bindTo(registry);
      assertThat(evaluations(registry, "app", "checkout", "flag", "third")).isEqualTo(1);
      assertThat(registry.get("avsb.flags").tag("app", "checkout").gauge().value()).isEqualTo(3);
      assertThat(registry.get("avsb.datasource.state").tag("state", "VALID").gauge().value())
          .isEqualTo(1);
      assertThat(registry.get("avsb.datasource.state").tag("state", "OFF").gauge().value())
          .isEqualTo(0);
      assertThat(registry.get("avsb.datasource.update.age").timeGauge().value())
          .isEqualTo(30.0);
      assertThat(registry.get("avsb.events").tag("outcome", "dropped").functionCounter().count())
          .isZero();
      assertThat(registry.getMeters()).allMatch(m -> "checkout".equals(m.getId().getTag("app")));
      long meters = registry.getMeters().size();
      metrics.monitor(server);
      assertThat(registry.getMeters()).hasSize((int) meters);
    }
  }

  @Test
  void serverMetersCountStreamConnectionsAndDeliveredEvents() {
    String key = "sdk-key-metrics-01";
    try (AvsbTestService service = new AvsbTestService().expectedSdkKey(key).start()) {
      service.setData(AvsbValue.parse("{\"flags\":{},\"segments\":{}}"));
      AvsbMetrics metrics = AvsbMetrics.create();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      metrics.bindTo(registry);
      try (AvsbServer server = AvsbServer.builder(key).streamUri(service.uri())
          .eventsUri(service.uri()).initialReconnectDelay(Duration.ofMillis(10))
          .flushInterval(Duration.ofHours(1)).startWait(Duration.ofSeconds(10))
          .hooks(metrics).buildServer()) {
        metrics.monitor(server);
        Meter.Id connections = registry.get("avsb.stream.connections").functionCounter().getId();
        assertThat(registry.get("avsb.stream.connections").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("avsb.flags").gauge().value()).isZero();
        service.closeStreams();
        await().atMost(Duration.ofSeconds(10)).until(() ->
            registry.get("avsb.stream.connections").functionCounter().count() == 2);
        assertThat(connections.getName()).isEqualTo("avsb.stream.connections");
        server.forUser(AvsbContext.of("u1")).track("purchase");
        server.flush();
        await().atMost(Duration.ofSeconds(10)).until(() ->
            registry.get("avsb.events").tag("outcome", "delivered").functionCounter().count() == 2);
      }
    }
  }

  @Test
  void oneMetricsMonitorsOneServer() {
    AvsbMetrics metrics = AvsbMetrics.create();
    try (AvsbServer a = server(flags(), metrics);
        AvsbServer b = server(flags(), AvsbMetrics.create())) {
      metrics.monitor(a);
      assertThatThrownBy(() -> metrics.monitor(b)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another server");
    }
  }

  @Test
  void builderRejectsBadArguments() {
    assertThatThrownBy(() -> AvsbMetrics.builder().maxFlags(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFlags");
    assertThatThrownBy(() -> AvsbMetrics.builder().flags("a", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flagKeys");
    assertThatThrownBy(() -> AvsbMetrics.builder().tags("app"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
  }
}
