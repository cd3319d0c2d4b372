package io.avsb.testkit.datasources;

import io.avsb.spi.DataSourceContext;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** A data-source context made of a test's scheduler and clock. */
record TestContext(ScheduledExecutorService scheduler, Clock clock) implements DataSourceContext {}
