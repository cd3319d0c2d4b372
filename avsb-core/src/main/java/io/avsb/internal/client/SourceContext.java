package io.avsb.internal.client;

import io.avsb.spi.DataSourceContext;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the server lends its data source. Immutable and thread-safe.
 *
 * @param scheduler the server's scheduler
 * @param clock the configured clock
 */
record SourceContext(ScheduledExecutorService scheduler, Clock clock) implements DataSourceContext {
  SourceContext {
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(clock, "clock");
  }
}
