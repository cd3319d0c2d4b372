package io.avsb.spi;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the server lends its data source: a shared scheduler for timers (daemon threads named
 * {@code avsb-...}, stopped by the server's close) and a clock. Thread-safe.
 */
public interface DataSourceContext {
  /** The server's scheduler, for retries and timers; do not shut it down. */
  ScheduledExecutorService scheduler();

  /** The clock to read time from, so tests can inject one. */
  Clock clock();
}
