package io.avsb.micrometer.internal;

import io.avsb.AvsbServer;
import io.avsb.AvsbStats;
import io.avsb.DataSourceStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The meters read from a server when a registry is scraped: data-source state, age of the last
 * update, flag count, stream connections, and events delivered, dropped and failed. Each reads
 * {@link AvsbServer#stats()} or the data-source status; nothing is counted on the evaluation path.
 * The registry holds the server weakly, as Micrometer does for function meters. Thread-safe.
 */
public final class ServerMeters {
  private final AvsbServer server;
  private final Clock clock;
  private final Tags common;

  /** Meters of {@code server}, with ages measured on {@code clock} and {@code common} tags. */
  public ServerMeters(AvsbServer server, Clock clock, Tags common) {
    this.server = Objects.requireNonNull(server, "server");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.common = Objects.requireNonNull(common, "common");
  }

  /** Registers the meters in {@code registry}. */
  public void registerIn(MeterRegistry registry) {
    for (DataSourceStatus.State state : DataSourceStatus.State.values()) {
      Gauge.builder("avsb.datasource.state", server,
              s -> s.dataSourceStatus().state() == state ? 1 : 0)
          .description("1 for the data source's current state, 0 for the others")
          .tags(common).tag("state", state.name())
          .register(registry);
    }
    TimeGauge.builder("avsb.datasource.update.age", server, TimeUnit.SECONDS, this::updateAge)
        .description("Seconds since the store last took data; NaN before the first data")
        .tags(common)
        .register(registry);
    Gauge.builder("avsb.flags", server, s -> s.stats().flagCount())
        .description("Flags in the store")
        .tags(common)
        .register(registry);
    counter(registry, "avsb.stream.connections", "Stream connections the service accepted",
        Tags.empty(), s -> s.stats().streamConnections());
    counter(registry, "avsb.events", "Analytics events the events service accepted",
        Tags.of("outcome", "delivered"), s -> s.stats().eventsDelivered());
    counter(registry, "avsb.events", "Recorded events dropped because the event queue was full",
        Tags.of("outcome", "dropped"), s -> s.stats().eventsDropped());
    counter(registry, "avsb.events", "Analytics events given up after a failed delivery",
        Tags.of("outcome", "failed"), s -> s.stats().eventsFailed());
  }

  private void counter(MeterRegistry registry, String name, String description, Tags tags,
      ToDoubleFunction<AvsbServer> count) {
    FunctionCounter.builder(name, server, count)
        .description(description)
        .tags(common).tags(tags)
        .register(registry);
  }

  private double updateAge(AvsbServer s) {
    AvsbStats stats = s.stats();
    Instant last = stats.lastUpdate();
    if (last == null) {
      return Double.NaN;
    }
    return Math.max(0, Duration.between(last, clock.instant()).toMillis()) / 1000.0;
  }
}
